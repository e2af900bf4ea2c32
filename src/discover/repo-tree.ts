import type { RepoPath, RepoSnapshot } from '../types.js';
import { baseName, parentDir } from './repo-path.js';

/** The snapshot's folders with their direct entries, built once so wildcards need not scan every file. */
export interface RepoTree {
  childrenOf(dir: RepoPath): ReadonlyArray<{ path: RepoPath; name: string; isDir: boolean }>;
  isDir(path: RepoPath): boolean;
  exists(path: RepoPath): boolean;
}

export function createRepoTree(snapshot: RepoSnapshot): RepoTree {
  let index: Map<string, Array<{ path: RepoPath; name: string; isDir: boolean }>> | undefined;
  const build = (): Map<string, Array<{ path: RepoPath; name: string; isDir: boolean }>> => {
    const map = new Map<string, Array<{ path: RepoPath; name: string; isDir: boolean }>>();
    const add = (path: RepoPath, isDir: boolean): void => {
      const parent = parentDir(path);
      const list = map.get(parent) ?? [];
      list.push({ path, name: baseName(path), isDir });
      map.set(parent, list);
    };
    for (const file of snapshot.files) add(file, false);
    for (const dir of snapshot.dirs) if (dir !== '') add(dir, true);
    return map;
  };
  return {
    childrenOf(dir) {
      index ??= build();
      return index.get(dir) ?? [];
    },
    isDir: (path) => snapshot.dirs.has(path),
    exists: (path) => snapshot.files.has(path) || snapshot.dirs.has(path),
  };
}
