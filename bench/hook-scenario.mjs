import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The commit the hook benchmark checks: 3 Python files of the shared library
 * most services copy, and the Dockerfile of one service that copies it.
 * The Python edits add a function without changing imports, so the answer
 * stays the same; each `salt` gives new blob ids, so a warm cache still
 * misses the edited files, as it does on a real commit.
 *
 * The Dockerfile edit is one of:
 * - `label`: a LABEL at the end. The service's model does not change, so
 *   dockguard can prove from HEAD alone that nothing needs checking.
 * - `env`: an ENV line. The model changes, so that service is checked in full
 *   (its whole import closure): the cost of a Dockerfile edit that matters.
 */
export const DOCKERFILE_EDITS = {
  label: (salt) => `LABEL org.opencontainers.image.description="hook benchmark change ${salt}"\n`,
  env: (salt) => `ENV HOOK_BENCH_CHANGE=${salt}\n`,
};

const gitIn = (repo, ...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

/** Library name → Dockerfiles that copy it (`COPY libs/<name>/`), from the generated services. */
export function findLibraryCopies(repo) {
  const copies = new Map();
  for (const service of readdirSync(path.join(repo, 'services')).sort()) {
    const dockerfile = `services/${service}/Dockerfile`;
    let text;
    try {
      text = readFileSync(path.join(repo, dockerfile), 'utf8');
    } catch {
      continue;
    }
    for (const [, lib] of text.matchAll(/^COPY\s+libs\/([\w-]+)\//gm)) copies.set(lib, [...(copies.get(lib) ?? []), dockerfile]);
  }
  return copies;
}

/**
 * Puts the repository back to its commit, then stages the benchmark's change
 * in `lib` (default: the library most services copy, the worst case for a
 * shared package); returns what was staged.
 */
export function stageHookChange(repo, lib = undefined, salt = 0, dockerfileEdit = 'label') {
  const editDockerfile = DOCKERFILE_EDITS[dockerfileEdit];
  if (!editDockerfile) throw new Error(`unknown Dockerfile edit ${dockerfileEdit}: one of ${Object.keys(DOCKERFILE_EDITS).join(', ')}`);
  gitIn(repo, 'reset', '-q', '--hard', 'HEAD');
  gitIn(repo, 'clean', '-fdq');
  const copies = [...findLibraryCopies(repo)].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const chosen = lib === undefined ? copies[0] : copies.find(([name]) => name === lib);
  if (!chosen) throw new Error(`${repo}: ${lib === undefined ? 'no service copies a library under libs/' : `no service copies libs/${lib}/`}`);
  const dockerfiles = chosen[1];
  lib = chosen[0];
  const modules = gitIn(repo, 'ls-files', '-z', `libs/${lib}`)
    .split('\0')
    .filter((file) => file.endsWith('.py') && !file.endsWith('__init__.py'))
    .sort()
    .slice(0, 3);
  if (modules.length < 3) throw new Error(`libs/${lib} has fewer than 3 modules`);
  modules.forEach((file, i) => {
    appendFileSync(path.join(repo, file), `\n\ndef _hook_bench_marker_${i}() -> int:\n    return ${salt * 10 + i}\n`);
  });
  const dockerfile = dockerfiles[0];
  appendFileSync(path.join(repo, dockerfile), editDockerfile(salt));
  gitIn(repo, 'add', '--', ...modules, dockerfile);
  return { lib, servicesCopyingLib: dockerfiles.length, staged: [...modules, dockerfile] };
}

/**
 * Stages a change every service copying `lib` must check in full (a new
 * import in 3 of its modules), so one `check --staged` leaves a memo for
 * each. Committed, it leaves the cache as weeks of commits do: memos of the
 * commit now at HEAD.
 */
export function stageVisibleLibraryChange(repo, lib) {
  gitIn(repo, 'reset', '-q', '--hard', 'HEAD');
  const modules = gitIn(repo, 'ls-files', '-z', `libs/${lib}`)
    .split('\0')
    .filter((file) => file.endsWith('.py') && !file.endsWith('__init__.py'))
    .sort()
    .slice(0, 3);
  for (const file of modules) appendFileSync(path.join(repo, file), '\nimport json as _hook_bench_json  # noqa: F401\n');
  gitIn(repo, 'add', '--', ...modules);
}

/** Resets the index and working tree to `commit` (default HEAD), dropping the benchmark's changes. */
export function restoreRepo(repo, commit = 'HEAD') {
  gitIn(repo, 'reset', '-q', '--hard', commit);
}

export function headOf(repo) {
  return gitIn(repo, 'rev-parse', 'HEAD').trim();
}

export function commitStaged(repo, message) {
  gitIn(repo, '-c', 'user.name=dockguard bench', '-c', 'user.email=bench@dockguard.invalid', 'commit', '-q', '--no-verify', '-m', message);
}

/** The cache folder dockguard uses for this repository (`git rev-parse --git-path`). */
export function cacheDirOf(repo) {
  return path.resolve(repo, gitIn(repo, 'rev-parse', '--git-path', 'dockguard-cache').trim());
}
