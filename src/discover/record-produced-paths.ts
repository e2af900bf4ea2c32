import type { RepoPath, RepoSnapshot, UnseenInput } from '../types.js';
import { isUnresolved } from './expand-word.js';
import { baseName, joinRepoPath } from './repo-path.js';

/**
 * The repository paths one command of a build script creates or fills:
 * `cp`/`mv`/`rsync`/`ln` targets, `mkdir` folders, `curl -o`, `wget -O/-P`,
 * `git clone … DIR`, `gsutil cp`/`gcloud storage cp` destinations. A later
 * `docker build` in the same script finds them there, contents unseen.
 * Paths are taken from `cwd`; a word that still holds a variable is skipped.
 */
export function producedPaths(words: readonly string[], cwd: RepoPath, snapshot: RepoSnapshot, origin: string): UnseenInput[] {
  const targets = targetWords(words);
  const out: UnseenInput[] = [];
  for (const { target, sources } of targets) {
    if (isUnresolved(target) || target.includes('://')) continue;
    const path = joinRepoPath(cwd, target);
    if (path === undefined || path === '') continue;
    const reason = `made by ${origin} before the build`;
    // `cp -R src/ existing-dir` fills existing-dir/src; only what is new there is unseen.
    if (snapshot.dirs.has(path) && sources.length > 0) {
      for (const source of sources) {
        const name = baseName(source.replace(/\/+$/, ''));
        const inside = name === '' || name === '.' || isUnresolved(name) ? undefined : joinRepoPath(path, name);
        if (inside !== undefined) out.push({ path: inside, reason });
      }
    } else out.push({ path, reason });
  }
  return out;
}

const COPIERS = new Set(['cp', 'mv', 'rsync', 'ln']);

function targetWords(words: readonly string[]): Array<{ target: string; sources: string[] }> {
  const start = words.findIndex((w) => !/^\w+=/.test(w) && w !== 'sudo');
  const tool = baseName(words[start] ?? '');
  const args = words.slice(start + 1);
  const positionals = args.filter((a) => !a.startsWith('-'));
  if (COPIERS.has(tool) && positionals.length >= 2) return [{ target: positionals.at(-1)!, sources: positionals.slice(0, -1) }];
  if (tool === 'mkdir') return positionals.map((target) => ({ target, sources: [] }));
  if (tool === 'curl') return optionValues(args, ['-o', '--output']).map((target) => ({ target, sources: [] }));
  if (tool === 'wget') {
    return [...optionValues(args, ['-O', '--output-document']), ...optionValues(args, ['-P', '--directory-prefix'])].map((target) => ({ target, sources: [] }));
  }
  if (tool === 'git' && args[0] === 'clone') {
    const rest = args.slice(1).filter((a) => !a.startsWith('-'));
    const target = rest[1] ?? baseName((rest[0] ?? '').replace(/\.git$/, ''));
    return target === '' ? [] : [{ target, sources: [] }];
  }
  const cpArgs = tool === 'gsutil' ? args.filter((a) => a !== '-m') : tool === 'gcloud' && args[0] === 'storage' ? args.slice(1) : undefined;
  if (cpArgs?.[0] === 'cp' || cpArgs?.[0] === 'rsync') {
    const rest = cpArgs.slice(1).filter((a) => !a.startsWith('-'));
    if (rest.length >= 2) return [{ target: rest.at(-1)!, sources: rest.slice(0, -1) }];
  }
  return [];
}

function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (names.includes(arg) && args[i + 1] !== undefined) values.push(args[i + 1] as string);
    const eq = names.find((n) => n.startsWith('--') && arg.startsWith(`${n}=`));
    if (eq) values.push(arg.slice(eq.length + 1));
  });
  return values;
}
