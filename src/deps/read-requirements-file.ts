import type { RepoPath } from '../types.js';
import { parseRequirementsText } from './parse-requirements-text.js';
import { readText } from './read-text.js';
import { resolveInclude } from './resolve-include.js';
import { malformed, unanalysable, unreadable } from './rules.js';
import type { DependencyFile, MarkerEnv, TextReader } from './types.js';

interface Walk {
  file: DependencyFile;
  env: MarkerEnv;
  reader: TextReader;
  seen: Set<string>;
}

/**
 * Reads a pip requirements file and every `-r`/`-c` file it names, recursively.
 * Requirements of `-c` files become constraints (never installed); a `-r`
 * inside a constraint file installs again, as in pip.
 */
export async function readRequirementsFile(path: RepoPath, reader: TextReader, env: MarkerEnv): Promise<DependencyFile> {
  const file: DependencyFile = { path, format: 'requirements', requirements: [], includes: [], constraints: [], problems: [] };
  await walk({ file, env, reader, seen: new Set() }, path, false, [], undefined);
  return file;
}

async function walk(
  state: Walk,
  path: RepoPath,
  asConstraint: boolean,
  stack: RepoPath[],
  namedAt: { file: RepoPath; line: number } | undefined,
): Promise<void> {
  const text = await readText(state.reader, path);
  if (typeof text !== 'string') {
    const where = namedAt ?? { file: path, line: 0 };
    const lead = namedAt ? `${where.file}:${where.line}: includes ${path}, which ${text.reason}` : `${path} ${text.reason}`;
    state.file.problems.push(unreadable(where.file, where.line, lead));
    return;
  }
  const parsed = parseRequirementsText(path, text, state.env);
  state.file.problems.push(...parsed.problems);
  const into = asConstraint ? state.file.constraints : state.file.requirements;
  // pip installs in file order, so an include's requirements go where its line is.
  let next = 0;
  for (const include of parsed.includes) {
    while (next < parsed.requirements.length && (parsed.requirements[next]?.source.line ?? 0) < include.line) {
      into.push(parsed.requirements[next++]!);
    }
    const target = resolveInclude(path, include.target);
    if (typeof target !== 'string') {
      state.file.problems.push(target.outside
        ? unreadable(path, include.line, `${path}:${include.line}: includes '${include.target}', which points outside the repository: no build context can hold it, so pip fails`)
        : unanalysable(path, include.line, `${path}:${include.line}: cannot follow ${target.reason}`));
      continue;
    }
    if (target === path || stack.includes(target)) {
      state.file.problems.push(
        malformed(path, include.line, `${path}:${include.line}: '${include.target}' includes itself through a cycle (pip refuses recursive requirement files)`),
      );
      continue;
    }
    const key = `${include.kind}:${target}`;
    if (state.seen.has(key)) continue; // a diamond: the same file twice adds nothing new
    state.seen.add(key);
    if (!state.file.includes.includes(target)) state.file.includes.push(target);
    await walk(state, target, include.kind === 'constraint', [...stack, path], { file: path, line: include.line });
  }
  into.push(...parsed.requirements.slice(next));
}
