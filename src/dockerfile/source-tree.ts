import { byCodeUnit } from '../by-code-unit.js';
import { asRepoPath, type RepoPath } from '../types.js';
import type { BuildContext } from './build-context.js';
import type { OpaqueEntry, StageFs } from './stage-fs.js';

/** Where COPY reads from: the build context or another stage's filesystem, in the same key shape. */
export interface SourceTree {
  kind: 'context' | 'stage';
  files: Iterable<string>;
  dirs: Iterable<string>;
  isFile(key: string): boolean;
  isDir(key: string): boolean;
  /** The repository file a tree file came from. */
  originOf(key: string): RepoPath;
  /** Content a heredoc wrote (stage trees only). */
  inlineOf?(key: string): string | undefined;
  /** The repository path of a context key (file or directory); undefined for stage trees. */
  repoPathOf(key: string): RepoPath | undefined;
  opaque: OpaqueEntry[];
  /**
   * The files and directories strictly below a directory key, in tree order,
   * without scanning the whole tree (context trees only).
   */
  below?(dirKey: string): { files: string[]; dirs: string[] };
}

export function contextTree(context: BuildContext): SourceTree {
  const prefix = context.root === '' ? '' : context.root + '/';
  return {
    kind: 'context',
    files: context.files,
    dirs: context.dirs,
    isFile: (key) => context.files.has(key),
    isDir: (key) => context.dirs.has(key),
    originOf: (key) => asRepoPath(prefix + key),
    repoPathOf: (key) => asRepoPath(key === '' ? context.root : prefix + key),
    opaque: [],
    below: (dirKey) => {
      const index = indexOf(context);
      return { files: keysBelow(index.files, dirKey), dirs: keysBelow(index.dirs, dirKey) };
    },
  };
}

/** A context's keys sorted (each with its position in the context), so the keys below a directory are one range. */
interface SortedKeys {
  /** In the context's order. */
  original: string[];
  keys: string[];
  /** `positions[i]`: where `keys[i]` is in `original`. */
  positions: number[];
}

const indexes = new WeakMap<BuildContext, { files: SortedKeys; dirs: SortedKeys }>();

/**
 * Built once per context: a service copying a dozen folders of a
 * 5,000-file repository then reads a dozen ranges instead of scanning the
 * repository a dozen times, which was most of modelling an image.
 */
function indexOf(context: BuildContext): { files: SortedKeys; dirs: SortedKeys } {
  let index = indexes.get(context);
  if (!index) {
    index = { files: sortKeys(context.files), dirs: sortKeys(context.dirs) };
    indexes.set(context, index);
  }
  return index;
}

function sortKeys(keys: Iterable<string>): SortedKeys {
  const list = [...keys];
  const positions = list.map((_, i) => i).sort((a, b) => byCodeUnit(list[a]!, list[b]!));
  return { original: list, keys: positions.map((i) => list[i]!), positions };
}

/** Keys strictly below `dirKey` ('' = the root: every key), in their original order. */
function keysBelow(sorted: SortedKeys, dirKey: string): string[] {
  if (dirKey === '') return sorted.original;
  const prefix = `${dirKey}/`;
  let low = 0;
  let high = sorted.keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted.keys[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < sorted.keys.length && sorted.keys[i]!.startsWith(prefix); i++) found.push(i);
  // Tree order is what a scan would give; image file order decides which of two equally short import chains is reported.
  found.sort((a, b) => sorted.positions[a]! - sorted.positions[b]!);
  return found.map((i) => sorted.keys[i]!);
}

export function stageTree(fs: StageFs): SourceTree {
  return {
    kind: 'stage',
    // Re-iterable: one COPY may scan the same stage for several sources.
    files: { [Symbol.iterator]: () => fs.files.keys() },
    dirs: fs.dirs,
    isFile: (key) => fs.files.has(key),
    isDir: (key) => fs.dirs.has(key),
    originOf: (key) => fs.files.get(key)!.repoPath,
    inlineOf: (key) => fs.files.get(key)!.inline,
    repoPathOf: () => undefined,
    opaque: fs.opaque,
  };
}
