import { byCodeUnit } from '../by-code-unit.js';
import { createIgnoreMatcher, compileDockerPattern } from './dockerignore.js';
import { isWithin, joinKey } from './image-paths.js';
import { compileGoGlob, hasWildcard } from './match-wildcard.js';
import { normalizeSourcePath } from './normalize-source.js';
import type { SourceTree } from './source-tree.js';

export interface SourceMatch {
  /** Tree key of the matched file or directory (`''` = the tree root). */
  key: string;
  isDir: boolean;
  /** With `--parents`: the path kept under the destination. */
  keep?: string;
}

export interface ResolvedSource {
  /** Tree key the source names, or the literal part before the first wildcard. */
  key: string;
  isWildcard: boolean;
  matches: SourceMatch[];
}

/** Finds what one COPY source names in a tree (context or stage), following BuildKit. */
export function resolveCopySource(tree: SourceTree, source: string, parents: boolean): ResolvedSource {
  return parents ? resolveWithParents(tree, source) : resolvePlain(tree, source);
}

function resolvePlain(tree: SourceTree, source: string): ResolvedSource {
  const normalized = toKey(source);
  if (!hasWildcard(normalized)) return { key: normalized, isWildcard: false, matches: literalMatch(tree, normalized) };
  const parts = normalized.split('/');
  const firstWild = parts.findIndex((part) => hasWildcard(part));
  const base = parts.slice(0, firstWild).join('/');
  const regex = compileGoGlob(normalized);
  const matches: SourceMatch[] = [];
  if (regex) {
    // The anchored pattern never crosses `/`, so it alone enforces the depth.
    const test = (key: string) => isWithin(key, base) && regex.test(key);
    for (const key of tree.dirs) if (key !== '' && test(key)) matches.push({ key, isDir: true });
    for (const key of tree.files) if (test(key)) matches.push({ key, isDir: false });
  }
  matches.sort((a, b) => byCodeUnit(a.key, b.key));
  return { key: base, isWildcard: true, matches };
}

function resolveWithParents(tree: SourceTree, source: string): ResolvedSource {
  const pivot = source.indexOf('/./');
  const root = pivot < 0 ? '' : toKey(source.slice(0, pivot));
  const kept = toKey(pivot < 0 ? source : source.slice(pivot + 3));
  if (!hasWildcard(kept)) {
    const key = joinKey(root, kept);
    return { key, isWildcard: false, matches: literalMatch(tree, key).map((m) => ({ ...m, keep: kept })) };
  }
  // --parents uses pattern-matcher rules, where `**` spans directories.
  const matcher = createIgnoreMatcher([{ pattern: kept, exclusion: false, line: 0, regex: compileDockerPattern(kept) }]);
  const matches: SourceMatch[] = [];
  for (const key of tree.files) {
    if (!isWithin(key, root) || key === root) continue;
    const rel = root === '' ? key : key.slice(root.length + 1);
    if (matcher.isExcluded(rel, false)) matches.push({ key, isDir: false, keep: rel });
  }
  matches.sort((a, b) => byCodeUnit(a.key, b.key));
  return { key: root, isWildcard: true, matches };
}

function literalMatch(tree: SourceTree, key: string): SourceMatch[] {
  if (tree.isFile(key)) return [{ key, isDir: false }];
  if (tree.isDir(key)) return [{ key, isDir: true }];
  return [];
}

function toKey(source: string): string {
  const normalized = normalizeSourcePath(source);
  return normalized === '.' ? '' : normalized;
}
