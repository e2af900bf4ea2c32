import { relativeBelow } from '../python/image-path.js';
import { imageTree, resolveDotted, type ResolveResult } from '../python/module-finder.js';
import { asImagePath, type ImagePath } from '../types.js';
import type { LocatedModule } from './defines-name.js';
import type { ClosureInput } from './import-closure.js';
import { computeRepoBases, findInRepo, holdsPythonCode, isWeakHit, type RepoBase, type RepoHit } from './repo-bases.js';
import { unseenModuleCause, type UnseenScope } from './unseen-module.js';

/**
 * Where a dotted module name leads, for one service: in its image (as
 * Python's path finder resolves it on the image's sys.path), in the
 * repository (the folders the image's sys.path maps back to), and why the
 * image may hold it after all. Each answer is worked out once per name: a
 * closure asks the same names from hundreds of modules.
 */
export class ImageLookups {
  private readonly tree;
  private readonly bases: RepoBase[];
  private readonly resolved = new Map<string, ResolveResult>();
  private readonly repoHits = new Map<string, RepoHit | undefined>();
  private readonly unseenCauses = new Map<string, string | undefined>();

  constructor(private readonly input: Pick<ClosureInput, 'image' | 'context' | 'snapshot' | 'sysPath'>) {
    this.tree = imageTree(input.image.files, input.image.dirs);
    this.bases = computeRepoBases(input.image, input.sysPath, input.snapshot);
  }

  resolveInImage(module: string): ResolveResult {
    let resolution = this.resolved.get(module);
    if (!resolution) {
      resolution = resolveDotted(this.tree, this.input.sysPath, module);
      this.resolved.set(module, resolution);
    }
    return resolution;
  }

  isPackage(module: string): boolean {
    const resolution = this.resolveInImage(module);
    return resolution.found && resolution.module.packagePath !== undefined;
  }

  /** The repository file a module of the image comes from. */
  locate(module: string): LocatedModule | undefined {
    const resolution = this.resolveInImage(module);
    const file = resolution.found ? resolution.module.file : undefined;
    const origin = file === undefined ? undefined : this.input.image.files.get(asImagePath(file));
    return origin && { repoPath: origin.repoPath, isPackageInit: file!.endsWith('/__init__.py') };
  }

  /** Where the repository has a module the image lacks (only where Python code lies): first-party evidence. */
  findInRepo(module: string): RepoHit | undefined {
    if (!this.repoHits.has(module)) {
      const hit = findInRepo(this.bases, this.input.snapshot, module);
      this.repoHits.set(module, hit && holdsPythonCode(this.input.snapshot, hit.repoPath) ? hit : undefined);
    }
    return this.repoHits.get(module);
  }

  /** A repository module found only from a guessed base, or outside the build context (see isWeakHit). */
  isWeak(hit: RepoHit): boolean {
    return isWeakHit(hit, this.input.context?.root);
  }

  /**
   * Why the image may hold `module` after all (see unseenModuleCause), once per module and scope:
   * every site of a third-party import asks, and each answer walks the image's copies.
   */
  unseenCause(module: string, scope: UnseenScope): string | undefined {
    const key = `${scope}\0${module}`;
    if (!this.unseenCauses.has(key)) {
      this.unseenCauses.set(key, unseenModuleCause(module, this.resolveInImage(module), this.input.sysPath, this.input.image, this.input.context, scope));
    }
    return this.unseenCauses.get(key);
  }

  /** The dotted name a file has on the image's sys.path (`__main__` when it is on none). */
  moduleNameOf(imagePath: ImagePath): string {
    for (const entry of this.input.sysPath) {
      const rel = relativeBelow(entry, imagePath);
      if (rel === undefined || !rel.endsWith('.py')) continue;
      const dotted = rel.slice(0, -3).replace(/\/__init__$/, '').split('/');
      if (dotted.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) return dotted.join('.');
    }
    return '__main__';
  }
}
