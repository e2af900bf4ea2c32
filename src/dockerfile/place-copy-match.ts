import { asRepoPath, type CopyRecord } from '../types.js';
import { createIgnoreMatcher, type IgnoreMatcher, type IgnorePattern } from './dockerignore.js';
import { baseName, isWithin, joinKey, parentKey, toImageKey, toImagePath } from './image-paths.js';
import type { SourceMatch } from './resolve-copy-source.js';
import type { SourceTree } from './source-tree.js';
import { addDir, addFile, addOpaque, type StageFs } from './stage-fs.js';

export type SourceDir = CopyRecord['sourceDirs'][number];

export interface Placement {
  fs: StageFs;
  tree: SourceTree;
  match: SourceMatch;
  destKey: string;
  /** The destination is (now) a directory: a file source lands inside it. */
  destIsDir: boolean;
  line: number;
  /** `--exclude` patterns, matched relative to the source root. */
  excludes: IgnorePattern[];
  /** Receives the repository directories this placement maps into the image. */
  sourceDirs: SourceDir[];
  /** sourceDirs of the stage copied from (empty for the build context). */
  upstream: SourceDir[];
  /** Pre-sorted contents of a directory match (see `bucketDirMatches`); scanned from the tree when absent. */
  contents?: DirContents;
}

export interface DirContents {
  dirs: string[];
  files: string[];
}

/**
 * Puts one resolved source into the stage: a directory's contents (never
 * the directory itself) merge into the target, a file lands inside a
 * directory destination or becomes the destination. One pass over the
 * source tree, so `COPY . .` stays linear in the number of files.
 */
export function placeCopyMatch(p: Placement): void {
  const excluder = p.excludes.length > 0 ? createIgnoreMatcher(p.excludes) : undefined;
  const { match } = p;
  if (match.isDir) {
    copyDirContents(p, match.key, match.keep === undefined ? p.destKey : joinKey(p.destKey, match.keep), excluder);
    return;
  }
  if (excluder?.isExcluded(match.keep ?? baseName(match.key), false)) return;
  const target = match.keep !== undefined ? joinKey(p.destKey, match.keep) : p.destIsDir ? joinKey(p.destKey, baseName(match.key)) : p.destKey;
  addFile(p.fs, target, p.tree.originOf(match.key), p.line, p.tree.inlineOf?.(match.key));
  const repoDir = p.tree.repoPathOf(parentKey(match.key));
  if (repoDir !== undefined) pushSourceDir(p.sourceDirs, { repoDir, imageDir: toImagePath(parentKey(target)) });
  else translateFileDirs(p, parentKey(match.key), parentKey(target));
}

function copyDirContents(p: Placement, srcKey: string, targetKey: string, excluder: IgnoreMatcher | undefined): void {
  addDir(p.fs, targetKey);
  const cut = srcKey === '' ? 0 : srcKey.length + 1;
  const prefix = srcKey + '/';
  const inside = (key: string) => srcKey === '' || key.startsWith(prefix);
  const contents = p.contents ?? p.tree.below?.(srcKey);
  for (const key of contents?.dirs ?? p.tree.dirs) {
    if (key === srcKey || !inside(key)) continue;
    const rel = key.slice(cut);
    if (!excluder?.isExcluded(rel, true)) addDir(p.fs, joinKey(targetKey, rel));
  }
  for (const key of contents?.files ?? p.tree.files) {
    if (!inside(key)) continue;
    const rel = key.slice(cut);
    if (!excluder?.isExcluded(rel, false)) addFile(p.fs, joinKey(targetKey, rel), p.tree.originOf(key), p.line, p.tree.inlineOf?.(key));
  }
  for (const entry of p.tree.opaque) {
    if (isWithin(entry.key, srcKey)) addOpaque(p.fs, joinKey(targetKey, entry.key.slice(cut)), p.line, entry.reason, entry);
    else if (isWithin(srcKey, entry.key)) addOpaque(p.fs, targetKey, p.line, entry.reason, entry);
  }
  const repoDir = p.tree.repoPathOf(srcKey);
  if (repoDir !== undefined) pushSourceDir(p.sourceDirs, { repoDir, imageDir: toImagePath(targetKey) });
  else translateDirs(p, srcKey, targetKey);
}

/** Maps an upstream stage's repo→image directories through a `COPY --from` of directory `srcKey`. */
function translateDirs(p: Placement, srcKey: string, targetKey: string): void {
  for (const up of p.upstream) {
    const upKey = toImageKey(up.imageDir);
    if (isWithin(upKey, srcKey)) {
      pushSourceDir(p.sourceDirs, { repoDir: up.repoDir, imageDir: toImagePath(joinKey(targetKey, relativeTo(upKey, srcKey))) });
    } else if (isWithin(srcKey, upKey)) {
      pushSourceDir(p.sourceDirs, { repoDir: joinRepo(up.repoDir, relativeTo(srcKey, upKey)), imageDir: toImagePath(targetKey) });
    }
  }
}

function translateFileDirs(p: Placement, srcDir: string, targetDir: string): void {
  for (const up of p.upstream) {
    const upKey = toImageKey(up.imageDir);
    if (isWithin(srcDir, upKey)) {
      pushSourceDir(p.sourceDirs, { repoDir: joinRepo(up.repoDir, relativeTo(srcDir, upKey)), imageDir: toImagePath(targetDir) });
    }
  }
}

function relativeTo(key: string, dir: string): string {
  return dir === '' ? key : key.slice(dir.length + 1);
}

function joinRepo(dir: string, rel: string) {
  return asRepoPath(joinKey(dir, rel));
}

function pushSourceDir(list: SourceDir[], entry: SourceDir): void {
  if (!list.some((e) => e.repoDir === entry.repoDir && e.imageDir === entry.imageDir)) list.push(entry);
}

/**
 * Sorts a tree's entries under several matched directories in one pass, so
 * a wildcard matching many directories does not rescan the tree for each.
 */
export function bucketDirMatches(tree: SourceTree, dirKeys: string[]): Map<string, DirContents> {
  const buckets = new Map<string, DirContents>(dirKeys.map((key) => [key, { dirs: [], files: [] }]));
  const owner = (key: string): DirContents | undefined => {
    for (let slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) {
      const bucket = buckets.get(key.slice(0, slash));
      if (bucket) return bucket;
    }
    return undefined;
  };
  for (const key of tree.dirs) owner(key)?.dirs.push(key);
  for (const key of tree.files) owner(key)?.files.push(key);
  return buckets;
}
