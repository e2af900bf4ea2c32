import { asRepoPath, type RepoPath } from '../types.js';

/** Every ancestor directory of the given files, plus the root `''`. */
export function collectDirs(files: Iterable<RepoPath>): Set<RepoPath> {
  const dirs = new Set<RepoPath>([asRepoPath('')]);
  for (const file of files) {
    let end = file.lastIndexOf('/');
    while (end > 0) {
      const dir = asRepoPath(file.slice(0, end));
      if (dirs.has(dir)) break;
      dirs.add(dir);
      end = file.lastIndexOf('/', end - 1);
    }
  }
  return dirs;
}
