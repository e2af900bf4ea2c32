import path from 'node:path';
import { relativeBelow } from '../python/image-path.js';
import { resolveDotted, repoTree } from '../python/module-finder.js';
import { asRepoPath, type ImageModel, type ImagePath, type RepoPath, type RepoSnapshot } from '../types.js';

/** A repository folder that plays the role of a sys.path entry of the image. */
export interface RepoBase {
  repoDir: RepoPath;
  imageDir: ImagePath;
  /**
   * A guess (the repository root or a source folder), not a folder a COPY
   * maps onto sys.path: a module found only from here is not known to be the
   * service's own, and never shadows an installed distribution.
   */
  heuristic: boolean;
}

/** Where a module that the image lacks lives in the repository. */
export interface RepoHit {
  base: RepoBase;
  /** The module's file, or its folder for a namespace package. */
  repoPath: RepoPath;
}

/** Folders people keep importable code in besides the root (`src/` layouts). */
const SOURCE_FOLDERS = ['src', 'lib', 'python'];

/**
 * Maps each sys.path entry of the image back to the repository folders its
 * files were copied from: with `COPY services/api/ /app`, `/app` is
 * `services/api`; with `COPY services/api/main.py /app/`, `/app` is still
 * `services/api` (a sibling module would have come from there). The
 * repository root and source folders come last, answered for the first
 * sys.path entry.
 */
export function computeRepoBases(image: ImageModel, sysPath: readonly ImagePath[], snapshot: RepoSnapshot): RepoBase[] {
  const bases: RepoBase[] = [];
  const seen = new Set<string>();
  const add = (repoDir: string, imageDir: ImagePath, heuristic = false): void => {
    const key = `${repoDir}\0${imageDir}`;
    if (seen.has(key) || !snapshot.dirs.has(asRepoPath(repoDir))) return;
    seen.add(key);
    bases.push({ repoDir: asRepoPath(repoDir), imageDir, heuristic });
  };
  for (const entry of sysPath) {
    for (const copy of image.copies) {
      for (const { repoDir, imageDir } of copy.sourceDirs) {
        const below = relativeBelow(entry, imageDir);
        if (below !== undefined) {
          if (below === '') add(repoDir, entry);
          else if (repoDir === below) add('', entry);
          else if (repoDir.endsWith(`/${below}`)) add(repoDir.slice(0, -below.length - 1), entry);
          continue;
        }
        const above = relativeBelow(imageDir, entry);
        if (above !== undefined) add(repoDir === '' ? above : `${repoDir}/${above}`, entry);
      }
    }
  }
  const first = sysPath[0];
  if (first !== undefined) {
    add('', first, true);
    for (const folder of SOURCE_FOLDERS) add(folder, first, true);
  }
  return bases;
}

/** True when a file with Python code lies at `repoPath` or anywhere below it. */
export function holdsPythonCode(snapshot: RepoSnapshot, repoPath: RepoPath): boolean {
  if (repoPath.endsWith('.py')) return true;
  const prefix = `${repoPath}/`;
  for (const file of snapshot.files) if (file.startsWith(prefix) && file.endsWith('.py')) return true;
  return false;
}

/** Looks a dotted module up in the repository from each base in turn. */
export function findInRepo(bases: readonly RepoBase[], snapshot: RepoSnapshot, dotted: string): RepoHit | undefined {
  const tree = repoTree(snapshot.files, snapshot.dirs);
  for (const base of bases) {
    const result = resolveDotted(tree, [base.repoDir], dotted);
    if (!result.found) continue;
    const { file, packagePath } = result.module;
    const repoPath = file ?? packagePath?.[0];
    if (repoPath !== undefined) return { base, repoPath: asRepoPath(repoPath) };
  }
  for (const base of bases) {
    const hit = findThroughDirLink(tree, base, snapshot, dotted);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A module under a symbolic link to a folder (`app/common -> ../libs/common`):
 * first-party code at the link's target, which the image lacks when the link
 * arrives there dangling.
 */
function findThroughDirLink(tree: ReturnType<typeof repoTree>, base: RepoBase, snapshot: RepoSnapshot, dotted: string): RepoHit | undefined {
  const [top, ...rest] = dotted.split('.');
  const target = snapshot.dirLinkTarget?.(asRepoPath(base.repoDir === '' ? top! : `${base.repoDir}/${top}`));
  if (target === undefined) return undefined;
  // The code is the target's: what the image lacks, and what a COPY would have to add, is found there.
  base = { ...base, repoDir: asRepoPath(path.posix.dirname(target) === '.' ? '' : path.posix.dirname(target)) };
  if (rest.length === 0) return { base, repoPath: snapshot.files.has(asRepoPath(`${target}/__init__.py`)) ? asRepoPath(`${target}/__init__.py`) : target };
  const result = resolveDotted(tree, [target], rest.join('.'));
  const repoPath = result.found ? (result.module.file ?? result.module.packagePath?.[0]) : undefined;
  return repoPath === undefined ? undefined : { base, repoPath: asRepoPath(repoPath) };
}

/**
 * A repository module that is not on the image's sys.path as far as the
 * COPY lines tell: found only from a guessed base, or outside the build
 * context, where no COPY could have taken it from. Python imports an
 * installed distribution of that name instead, if there is one.
 */
export function isWeakHit(hit: RepoHit, contextRoot: RepoPath | undefined): boolean {
  return hit.base.heuristic || (contextRoot !== undefined && relativeBelow(contextRoot, hit.repoPath) === undefined);
}
