import type { BoundNames } from '../python/bound-names.js';
import type { RepoPath } from '../types.js';
import { importTarget, packageOf } from './import-targets.js';

/** A module found in the image: the repository file that holds it, and whether it is a package's `__init__.py`. */
export interface LocatedModule {
  repoPath: RepoPath;
  isPackageInit: boolean;
}

export interface NameLookup {
  boundNamesOf(path: RepoPath): Promise<BoundNames | undefined>;
  locate(module: string): LocatedModule | undefined;
}

/** Star imports re-exporting star imports rarely go deeper than two or three levels. */
const MAX_STAR_DEPTH = 8;

/**
 * Whether a module binds `name` at module level, so that `from pkg import
 * name` takes the name and never looks for a submodule. Star imports are
 * followed through the modules they name; a binding that cannot be seen
 * (an unreadable file, a star import of a module outside the image, a
 * module `__getattr__`) counts as bound: only a proven absence is reported.
 */
export async function definesName(module: string, at: LocatedModule, name: string, lookup: NameLookup, depth = 0): Promise<boolean> {
  const bound = await lookup.boundNamesOf(at.repoPath);
  if (!bound || bound.isOpaque || bound.names.has(name)) return true;
  const pkg = packageOf(module, at.isPackageInit);
  for (const star of bound.starImports) {
    const target = importTarget({ ...star, line: 0, guarded: false, dynamic: false }, pkg);
    if (!target) continue;
    const located = lookup.locate(target.module);
    if (!located || depth >= MAX_STAR_DEPTH) return true;
    if (await definesName(target.module, located, name, lookup, depth + 1)) return true;
  }
  return false;
}
