import type { IgnoreMatcher } from '../dockerfile/dockerignore.js';
import { compileGoGlob, hasWildcard } from '../dockerfile/match-wildcard.js';
import type { RepoPath } from '../types.js';
import { joinRepoPath } from './repo-path.js';
import type { RepoTree } from './repo-tree.js';

export interface SourceCount {
  found: number;
  /** Literal (non-wildcard) sources that are missing or ignored: any one rules the folder out. */
  missingLiterals: number;
  /** The literal sources that are missing or ignored, as written. */
  missing: string[];
  /** Sources not in the snapshot that exist at build time all the same (gitignored, generated, a submodule), with why. */
  unseen: Array<{ source: string; reason: string }>;
}

/** Says why a repository path absent from the snapshot is there at build time, if it is. */
export type UnseenReason = (path: RepoPath) => string | undefined;

/**
 * How many COPY/ADD sources a folder would provide as build context. A
 * literal source must exist and not be ignored, or be one that exists only
 * at build time (`unseen`); a wildcard source counts when it matches at
 * least one path that is not ignored. A folder counts as present when
 * anything in it is: BuildKit sends the folders of re-included files
 * (`*` then `!src/**`) even though the folder itself matches `*`.
 */
export function countCopySources(
  sources: readonly string[],
  context: RepoPath,
  tree: RepoTree,
  ignore: IgnoreMatcher,
  unseenReason: UnseenReason = () => undefined,
): SourceCount {
  const count: SourceCount = { found: 0, missingLiterals: 0, missing: [], unseen: [] };
  const isVisible = (relative: string, path: RepoPath, isDir: boolean): boolean =>
    isDir ? hasVisibleFile(relative, path, tree, ignore) : !ignore.isExcluded(relative, false);
  for (const source of sources) {
    const relative = source === '.' ? '' : source;
    if (hasWildcard(relative)) {
      if (matchWildcard(relative, context, tree).some((m) => isVisible(m.relative, m.path, m.isDir))) count.found += 1;
      continue;
    }
    const path = joinRepoPath(context, relative);
    if (path !== undefined && tree.exists(path) && (relative === '' || isVisible(relative, path, tree.isDir(path)))) {
      count.found += 1;
      continue;
    }
    const reason = path !== undefined && !tree.exists(path) && !ignore.isExcluded(relative, false) ? unseenReason(path) : undefined;
    if (reason !== undefined) {
      count.found += 1;
      count.unseen.push({ source, reason });
      continue;
    }
    count.missingLiterals += 1;
    count.missing.push(source);
  }
  return count;
}

/** True when a file at or below `path` passes the ignore rules (a folder with none is not sent). */
function hasVisibleFile(relative: string, path: RepoPath, tree: RepoTree, ignore: IgnoreMatcher): boolean {
  if (!ignore.isExcluded(relative, true)) return true;
  for (const child of tree.childrenOf(path)) {
    const childRelative = relative === '' ? child.name : `${relative}/${child.name}`;
    if (child.isDir ? hasVisibleFile(childRelative, child.path, tree, ignore) : !ignore.isExcluded(childRelative, false)) return true;
  }
  return false;
}

/** Go `filepath.Match` one segment at a time, from the context folder down. */
function matchWildcard(source: string, context: RepoPath, tree: RepoTree): Array<{ relative: string; path: RepoPath; isDir: boolean }> {
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
  return frontier;
}
