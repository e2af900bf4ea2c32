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
  /** The repository path of a context key (file or directory); undefined for stage trees. */
  repoPathOf(key: string): RepoPath | undefined;
  opaque: OpaqueEntry[];
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
  };
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
    repoPathOf: () => undefined,
    opaque: fs.opaque,
  };
}
