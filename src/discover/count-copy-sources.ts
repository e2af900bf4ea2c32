import type { IgnoreMatcher } from '../dockerfile/dockerignore.js';
import { compileGoGlob, hasWildcard } from '../dockerfile/match-wildcard.js';
import type { RepoPath } from '../types.js';
import { joinRepoPath } from './repo-path.js';
import type { RepoTree } from './repo-tree.js';

export interface SourceCount {
  found: number;
  /** Literal (non-wildcard) sources that are missing or ignored: any one rules the folder out. */
  missingLiterals: number;
}

/**
 * How many COPY/ADD sources a folder would provide as build context. A
 * literal source must exist and not be ignored; a wildcard source counts
 * when it matches at least one path that is not ignored.
 */
export function countCopySources(sources: readonly string[], context: RepoPath, tree: RepoTree, ignore: IgnoreMatcher): SourceCount {
  const count: SourceCount = { found: 0, missingLiterals: 0 };
  for (const source of sources) {
    const relative = source === '.' ? '' : source;
    if (hasWildcard(relative)) {
      if (matchWildcard(relative, context, tree).some((m) => !ignore.isExcluded(m.relative, m.isDir))) count.found += 1;
      continue;
    }
    const path = joinRepoPath(context, relative);
    const present = path !== undefined && tree.exists(path) && (relative === '' || !ignore.isExcluded(relative, tree.isDir(path)));
    if (present) count.found += 1;
    else count.missingLiterals += 1;
  }
  return count;
}

/** Go `filepath.Match` one segment at a time, from the context folder down. */
function matchWildcard(source: string, context: RepoPath, tree: RepoTree): Array<{ relative: string; isDir: boolean }> {
  let frontier: Array<{ path: RepoPath; relative: string; isDir: boolean }> = [{ path: context, relative: '', isDir: true }];
  for (const segment of source.split('/')) {
    const next: typeof frontier = [];
    const glob = hasWildcard(segment) ? compileGoGlob(segment) : undefined;
    if (hasWildcard(segment) && glob === undefined) return [];
    for (const entry of frontier) {
      if (!entry.isDir) continue;
      for (const child of tree.childrenOf(entry.path)) {
        const literal = segment.replace(/\\(.)/g, '$1');
        if (glob ? glob.test(child.name) : child.name === literal) {
          next.push({ path: child.path, relative: entry.relative === '' ? child.name : `${entry.relative}/${child.name}`, isDir: child.isDir });
        }
      }
    }
    frontier = next;
  }
  return frontier.map(({ relative, isDir }) => ({ relative, isDir }));
}
