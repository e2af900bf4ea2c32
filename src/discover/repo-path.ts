import { asRepoPath, type RepoPath } from '../types.js';

/**
 * Joins a repository-relative base and a relative path the way a shell would
 * (`.`, `..`, doubled and trailing slashes), giving undefined for absolute
 * paths and paths that climb out of the repository: neither can be checked.
 */
export function joinRepoPath(base: string, relative: string): RepoPath | undefined {
  if (relative.startsWith('/')) return undefined;
  const parts = base === '' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return asRepoPath(parts.join('/'));
}

/** True when `path` is `dir` or lies beneath it (`dir` '' is the repository root). */
export function isAtOrBelow(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

export function parentDir(path: string): RepoPath {
  const slash = path.lastIndexOf('/');
  return asRepoPath(slash < 0 ? '' : path.slice(0, slash));
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `a/b` → [`a/b`, `a`, ``]: the folder itself first, the repository root last. */
export function selfAndAncestors(dir: RepoPath): RepoPath[] {
  const out: RepoPath[] = [dir];
  let current: string = dir;
  while (current !== '') {
    current = parentDir(current);
    out.push(asRepoPath(current));
  }
  return out;
}

/** How a folder is named in messages: the root has no name of its own. */
export function describeDir(dir: string): string {
  return dir === '' ? 'the repository root' : dir;
}
