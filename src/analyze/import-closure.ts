import path from 'node:path';
import type { BuildContext } from '../dockerfile/build-context.js';
import { imageTree, resolveDotted, type ExecutedFile, type ResolveResult } from '../python/module-finder.js';
import { relativeBelow } from '../python/image-path.js';
import {
  asImagePath,
  asRepoPath,
  type ChainLink,
  type ExternalImport,
  type ImageModel,
  type ImagePath,
  type ImportRef,
  type MissingModule,
  type ParsedModule,
  type Problem,
  type RepoPath,
  type RepoSnapshot,
} from '../types.js';
import { diagnoseMissingCopy, type CopyDiagnosis } from './copy-fix.js';
import { packageOf, type ImportTarget } from './import-targets.js';
import { isUnaskedLazyBranch, nameUsesOf, pickReachable, unreachedAssumption, unreachedDefinitionAt, type DeferredImport } from './unreached-code.js';
import { insideFirstPartyPackage, targetsOf } from './module-imports.js';
import type { ModuleStore } from './module-store.js';
import { computeRepoBases, findInRepo, holdsPythonCode, type RepoBase, type RepoHit } from './repo-bases.js';
import { definesName } from './defines-name.js';
import { assumeUnevaluablePaths, recordPathChanges, type PathChanges } from './path-change-effects.js';

/** Where an import is written, and the guess reaching that place rests on, if any. */
interface Site {
  file: string;
  line: number;
  assumption: string | undefined;
}
import { unseenModuleCause, unseenPathCause } from './unseen-module.js';

/** One file of the closure, with how it was reached (for the import chain). */
interface Visit {
  imagePath: ImagePath;
  repoPath: RepoPath;
  module: string;
  isPackageInit: boolean;
  /** Inside a guarded import somewhere up the chain: an ImportError would be caught. */
  guarded: boolean;
  /** Why reaching this file rests on a guess (only fallback roots reach it); undefined when a real root does. */
  assumption: string | undefined;
  via: { parent: Visit | undefined; file: string; line: number; module: string } | undefined;
  /** Source a heredoc wrote (then `repoPath` is the Dockerfile). */
  inline?: string;
}

export interface ClosureRoot {
  /** A file in the image, run as a script or imported under `module`. */
  imagePath?: ImagePath;
  /** A module to import. */
  module?: string;
  /** Where the root comes from, for the chain: the Dockerfile line or config. */
  file: string;
  line: number;
  /** `python -m` runs the module as `__main__`: a package runs its `__main__.py` after `__init__.py`. */
  runsAsMain?: boolean;
  /** Set on a root that is a guess (a fallback root): everything reached only from it is assumed. */
  assumption?: string;
}

export interface ClosureInput {
  image: ImageModel;
  context: BuildContext | undefined;
  snapshot: RepoSnapshot;
  store: ModuleStore;
  sysPath: ImagePath[];
  roots: ClosureRoot[];
  isStdlib: (topLevel: string) => boolean;
  ignoreFileLines: ReadonlyMap<RepoPath, number>;
}

export interface ClosureResult {
  missing: MissingModule[];
  problems: Problem[];
  syntaxErrors: Array<{ file: RepoPath; line: number; column: number }>;
  unreadable: Array<{ path: RepoPath; reason: string }>;
  externalImports: ExternalImport[];
  reachedFiles: RepoPath[];
  modules: Map<RepoPath, ParsedModule>;
  /** Folders the executed modules put on sys.path, and the changes whose path cannot be evaluated. */
  pathChanges: PathChanges;
}

/**
 * Follows a service's imports from its roots through the files that are in
 * its image, breadth first so every chain reported is a shortest one. Each
 * level's files are requested together so parsing is batched across
 * services.
 */
export class ImportClosure {
  private readonly visited = new Set<ImagePath>();
  private readonly resolved = new Map<string, ResolveResult>();
  private readonly repoHits = new Map<string, RepoHit | undefined>();
  private readonly tree;
  private readonly bases: RepoBase[];
  private readonly result: ClosureResult = {
    missing: [],
    problems: [],
    syntaxErrors: [],
    unreadable: [],
    externalImports: [],
    reachedFiles: [],
    modules: new Map(),
    pathChanges: { inserted: [], appended: [], unevaluable: [] },
  };
  /** First-party findings and third-party imports of absolute imports: those a sys.path change could explain. */
  private readonly absoluteMissing = new Set<MissingModule>();
  private readonly externals = new Map<string, ExternalImport>();
  private readonly reportedMissing = new Set<string>();
  /** Imports in definitions their module never reaches, until the closure shows whether another module uses them. */
  private deferred: Array<DeferredImport<Visit>> = [];
  /** Modules some closure module star-imports: their public definitions are in use. */
  private readonly starImported = new Set<string>();

  constructor(private readonly input: ClosureInput) {
    this.tree = imageTree(input.image.files, input.image.dirs);
    this.bases = computeRepoBases(input.image, input.sysPath, input.snapshot);
  }

  async run(): Promise<ClosureResult> {
    // Real roots are walked to the end first, so a file any of them reaches is never marked as reached by a guess.
    await this.walk(this.input.roots.filter((root) => root.assumption === undefined));
    await this.walk(this.input.roots.filter((root) => root.assumption !== undefined));
    await this.followDeferred();
    this.result.externalImports = [...this.externals.values()];
    Object.assign(this.result, assumeUnevaluablePaths(this.result, this.absoluteMissing, this.input.image));
    return this.result;
  }

  private recordPathChanges(visit: Visit, parsed: ParsedModule): void {
    if (parsed.pathChanges) recordPathChanges(parsed.pathChanges, visit.imagePath, visit.repoPath, this.input.image.workdir, this.result.pathChanges);
  }

  /**
   * Held-back imports: those another closure module turns out to use run
   * like any other (which may reach new modules, and new uses); the rest are
   * followed last, as code this service does not reach.
   */
  private async followDeferred(): Promise<void> {
    const uses = nameUsesOf(this.input.store);
    for (;;) {
      if (this.deferred.length === 0) return;
      const reachable = await pickReachable(this.deferred, new Set(this.result.modules.keys()), this.starImported, uses);
      if (reachable.size === 0) break;
      const next: Visit[] = [];
      const now = this.deferred.filter((d) => reachable.has(d));
      this.deferred = this.deferred.filter((d) => !reachable.has(d));
      for (const d of now) await this.followImport(d.visit, d.ref, d.target, next);
      await this.drain(next);
    }
    const unreached = this.deferred.filter((d) => !isUnaskedLazyBranch(d.definition));
    this.deferred = [];
    const next: Visit[] = [];
    for (const d of unreached) {
      const visit = { ...d.visit, assumption: d.visit.assumption ?? unreachedAssumption(d.definition, d.file) };
      await this.followImport(visit, d.ref, d.target, next);
    }
    await this.drain(next);
  }

  private async walk(roots: readonly ClosureRoot[]): Promise<void> {
    const frontier: Visit[] = [];
    for (const root of roots) this.addRoot(root, frontier);
    await this.drain(frontier);
  }

  private async drain(start: Visit[]): Promise<void> {
    let frontier = start;
    while (frontier.length > 0) {
      const stored = await Promise.all(frontier.map((visit) => this.readVisit(visit)));
      const next: Visit[] = [];
      for (let i = 0; i < frontier.length; i++) {
        const visit = frontier[i]!;
        const module = stored[i]!;
        const escape = this.linkOutOfContext(visit);
        if (escape) {
          this.result.unreadable.push({ path: visit.repoPath, reason: escape });
          continue;
        }
        if (!module.ok) {
          this.result.unreadable.push({ path: visit.repoPath, reason: module.reason });
          continue;
        }
        await this.processModule(visit, module.parsed, next);
      }
      frontier = next;
    }
  }

  private addRoot(root: ClosureRoot, frontier: Visit[]): void {
    const site = { file: root.file, line: root.line, assumption: root.assumption };
    if (root.module !== undefined) {
      const ref: ImportRef = { module: root.module, level: 0, names: [], line: root.line, guarded: false, dynamic: false };
      const found = this.resolveImport(undefined, root.module, ref, false, frontier, site);
      // CPython: "No module named pkg.__main__; 'pkg' is a package and cannot be directly executed".
      if (found && root.runsAsMain && this.isPackage(root.module)) {
        this.resolveImport(undefined, `${root.module}.__main__`, { ...ref, module: `${root.module}.__main__` }, false, frontier, site);
      }
      return;
    }
    if (root.imagePath === undefined) return;
    if (this.input.image.files.has(root.imagePath)) {
      this.enqueue(frontier, root.imagePath, this.moduleNameOf(root.imagePath), false, root.assumption, {
        parent: undefined,
        file: root.file,
        line: root.line,
        module: root.imagePath,
      });
      return;
    }
    const cause = unseenPathCause(root.imagePath, this.input.image, this.input.context);
    this.result.problems.push({
      rule: 'missing-copy',
      file: root.file,
      line: root.line,
      module: root.imagePath,
      message: `the container runs ${root.imagePath}, which the image does not contain`,
      ...(cause !== undefined ? { assumption: `the image may hold it after all: ${cause}` } : baseImageAssumption(this.input.image, root.imagePath)),
    });
  }

  private readVisit(visit: Visit) {
    const { store } = this.input;
    return visit.inline === undefined ? store.get(visit.repoPath) : store.getInline(visit.repoPath, visit.imagePath, visit.inline);
  }

  /**
   * A module that is a symbolic link to a file outside the build context:
   * BuildKit copies the link, not the file (or fails the COPY that names it),
   * so what the repository shows at the link's target is not in the image.
   */
  private linkOutOfContext(visit: Visit): string | undefined {
    const root = this.input.context?.root;
    if (root === undefined || visit.inline !== undefined) return undefined;
    const target = this.input.snapshot.linkTarget?.(visit.repoPath);
    if (target === undefined || root === '' || target.startsWith(`${root}/`)) return undefined;
    // In the container the link resolves from where it was copied: it works when the image has a file there.
    const text = path.posix.relative(path.posix.dirname(visit.repoPath), target);
    if (this.input.image.files.has(asImagePath(path.posix.resolve(path.posix.dirname(visit.imagePath), text)))) return undefined;
    return `is a symbolic link to ${target}, outside the build context ${root}: the image gets the link, not the file`;
  }

  private async processModule(visit: Visit, parsed: ParsedModule, next: Visit[]): Promise<void> {
    // A heredoc's module is not a repository file: the Dockerfile is an input of the service as a whole.
    if (visit.inline === undefined) this.result.modules.set(visit.repoPath, parsed);
    this.recordPathChanges(visit, parsed);
    const firstError = parsed.syntaxErrors[0];
    if (firstError) this.result.syntaxErrors.push({ file: visit.repoPath, ...firstError });
    const pkg = packageOf(visit.module, visit.isPackageInit);
    for (const { ref, target } of targetsOf(parsed, pkg)) {
      if (ref.names.includes('*')) this.starImported.add(target.module);
      const definition = parsed.unreached ? unreachedDefinitionAt(parsed, ref.line) : undefined;
      if (definition) this.deferred.push({ visit, ref, target, definition, file: visit.repoPath, module: visit.module });
      else await this.followImport(visit, ref, target, next);
    }
    for (const candidate of parsed.dynamicCandidates) {
      const module = candidate.value.split(':')[0]!;
      const ref: ImportRef = { module, level: 0, names: [], line: candidate.line, guarded: false, dynamic: true };
      if (this.resolveInImage(module).found || this.findInRepo(module)) {
        this.resolveImport(visit, module, ref, visit.guarded, next);
      }
    }
  }

  private async followImport(visit: Visit, ref: ImportRef, target: ImportTarget, next: Visit[]): Promise<void> {
    const guarded = visit.guarded || ref.guarded;
    const found = this.resolveImport(visit, target.module, ref, guarded, next);
    // `from mod import name` with mod a plain module never imports a submodule: Python only tries
    // submodules of packages (modules with __path__); most names imported are functions and classes.
    if (!found || !this.isPackage(target.module)) return;
    for (const candidate of target.submoduleCandidates) {
      await this.resolveSubmodule(visit, target.module, candidate, ref, guarded, next);
    }
  }

  /** Returns true when the module resolved in the image. */
  private resolveImport(
    from: Visit | undefined,
    module: string,
    ref: ImportRef,
    guarded: boolean,
    next: Visit[],
    rootSite?: { file: string; line: number; assumption: string | undefined },
  ): boolean {
    const resolution = this.resolveInImage(module);
    const site = rootSite ?? { file: from!.repoPath, line: ref.line, assumption: from!.assumption };
    if (resolution.found) {
      this.enqueueExecuted(next, resolution.module.executed, guarded, from, site, module);
      return true;
    }
    const topLevel = module.split('.')[0]!;
    if (ref.level === 0 && this.input.isStdlib(topLevel)) {
      // The repository's own `calendar/models.py`, left out of the image: `import calendar` then finds the
      // standard library's module, which has no `models`.
      const hit = module.includes('.') ? this.findInRepo(module) : undefined;
      if (hit && !this.isWeak(hit)) this.reportMissing(from, module, ref, guarded, site, hit, { stdlibShadow: true });
      return false;
    }
    const hit = this.findInRepo(module);
    // A name found nowhere is third-party, unless a folder the build has and the repository lacks could hold it.
    const unseenFirstParty = !hit && unseenModuleCause(module, resolution, this.input.sysPath, this.input.image, this.input.context, true) !== undefined;
    if (ref.level === 0 && hit && this.isWeak(hit)) {
      // Not known to be first-party: Python finds an installed distribution of that name instead, if there is one.
      this.reportMissing(from, module, ref, guarded, site, hit, { unlessInstalled: true });
      this.addExternal(from, module, ref, guarded, site);
    } else if (hit || ref.level > 0 || insideFirstPartyPackage(resolution) || unseenFirstParty) {
      this.reportMissing(from, module, ref, guarded, site, hit);
    } else {
      this.addExternal(from, module, ref, guarded, site);
    }
    return false;
  }

  /**
   * A repository module that is not on the image's sys.path as far as the
   * COPY lines tell: found only from a guessed base, or outside the build
   * context, where no COPY could have taken it from.
   */
  private isWeak(hit: RepoHit): boolean {
    const contextRoot = this.input.context?.root;
    return hit.base.heuristic || (contextRoot !== undefined && relativeBelow(contextRoot, hit.repoPath) === undefined);
  }

  private async resolveSubmodule(from: Visit, parent: string, candidate: string, ref: ImportRef, guarded: boolean, next: Visit[]): Promise<void> {
    const resolution = this.resolveInImage(candidate);
    const site = { file: from.repoPath, line: ref.line, assumption: from.assumption };
    if (resolution.found) {
      this.enqueueExecuted(next, resolution.module.executed, guarded, from, site, candidate);
      return;
    }
    const hit = this.findInRepo(candidate);
    const parentResolution = this.resolveInImage(parent);
    const initFile = parentResolution.found ? parentResolution.module.file : undefined;
    // `from pkg import name` only needs a submodule when pkg/__init__.py does not bind the name itself.
    if (!initFile?.endsWith('__init__.py')) {
      if (hit) this.reportMissing(from, candidate, ref, guarded, site, hit);
      return;
    }
    const origin = this.input.image.files.get(asImagePath(initFile));
    const text = origin?.inline ?? (origin ? await this.input.store.getText(origin.repoPath) : undefined);
    if (text === undefined || definesName(text, candidate.slice(parent.length + 1))) return;
    this.reportMissing(from, candidate, ref, guarded, site, hit);
  }

  /**
   * Records a first-party module the image lacks, once per import site. `hit`
   * says where the repository has it; without one it exists nowhere.
   */
  private reportMissing(
    from: Visit | undefined,
    module: string,
    ref: ImportRef,
    guarded: boolean,
    site: Site,
    hit: RepoHit | undefined,
    how: Pick<MissingModule, 'stdlibShadow' | 'unlessInstalled'> = {},
  ): void {
    const key = `${module}\0${site.file}\0${site.line}`;
    if (this.reportedMissing.has(key)) return;
    this.reportedMissing.add(key);
    const diagnosis: CopyDiagnosis | { unit: undefined; reason: 'nowhere'; ignoredBy?: undefined; fix?: undefined } = hit
      ? diagnoseMissingCopy({ ...this.input, hit, module })
      : { unit: undefined, reason: 'nowhere' };
    const assumption = site.assumption;
    const missing: MissingModule = {
      module,
      file: site.file,
      line: site.line,
      guarded,
      dynamic: ref.dynamic,
      chain: [...chainOf(from), { file: site.file, line: site.line, module }],
      repoPath: diagnosis.unit,
      reason: diagnosis.reason,
      ...(diagnosis.ignoredBy ? { ignoredBy: diagnosis.ignoredBy } : {}),
      ...(diagnosis.fix ? { fix: diagnosis.fix } : {}),
      ...(ref.ignoredRules ? { ignoredRules: ref.ignoredRules } : {}),
      ...(assumption !== undefined ? { assumption } : baseImageAssumption(this.input.image, module)),
      ...how,
    };
    if (missing.assumption === undefined) {
      const cause = unseenModuleCause(module, this.resolveInImage(module), this.input.sysPath, this.input.image, this.input.context);
      if (cause !== undefined) missing.assumption = `the image may hold it after all: ${cause}`;
    }
    this.result.missing.push(missing);
    if (ref.level === 0) this.absoluteMissing.add(missing);
  }

  private addExternal(from: Visit | undefined, module: string, ref: ImportRef, guarded: boolean, site: Site): void {
    const existing = this.externals.get(module);
    if (existing && (guarded || !existing.guarded) && (site.assumption !== undefined || existing.assumption === undefined)) return;
    const assumption = site.assumption;
    this.externals.set(module, {
      module,
      file: asRepoPath(site.file),
      line: site.line,
      guarded,
      chain: [...chainOf(from), { file: site.file, line: site.line, module }],
      ...(ref.ignoredRules ? { ignoredRules: ref.ignoredRules } : {}),
      ...(assumption !== undefined ? { assumption } : {}),
    });
  }

  private findInRepo(module: string): RepoHit | undefined {
    if (!this.repoHits.has(module)) {
      const hit = findInRepo(this.bases, this.input.snapshot, module);
      this.repoHits.set(module, hit && holdsPythonCode(this.input.snapshot, hit.repoPath) ? hit : undefined);
    }
    return this.repoHits.get(module);
  }

  private isPackage(module: string): boolean {
    const resolution = this.resolveInImage(module);
    return resolution.found && resolution.module.packagePath !== undefined;
  }

  private resolveInImage(module: string): ResolveResult {
    let resolution = this.resolved.get(module);
    if (!resolution) {
      resolution = resolveDotted(this.tree, this.input.sysPath, module);
      this.resolved.set(module, resolution);
    }
    return resolution;
  }

  /** Queues the files an import executes; most were seen already, so their chain link is built only when new. */
  private enqueueExecuted(
    next: Visit[],
    executed: readonly ExecutedFile[],
    guarded: boolean,
    from: Visit | undefined,
    site: Site,
    module: string,
  ): void {
    for (const step of executed) {
      const imagePath = asImagePath(step.file);
      const via = { parent: from, file: site.file, line: site.line, module };
      if (!this.visited.has(imagePath)) this.enqueue(next, imagePath, step.module, guarded, site.assumption, via);
    }
  }

  private enqueue(next: Visit[], imagePath: ImagePath, module: string, guarded: boolean, assumption: string | undefined, via: Visit['via']): void {
    if (this.visited.has(imagePath)) return;
    const origin = this.input.image.files.get(imagePath);
    if (!origin) return;
    this.visited.add(imagePath);
    this.result.reachedFiles.push(origin.repoPath);
    next.push({
      imagePath, repoPath: origin.repoPath, module, isPackageInit: imagePath.endsWith('/__init__.py'), guarded, assumption, via,
      ...(origin.inline !== undefined ? { inline: origin.inline } : {}),
    });
  }

  /** The dotted name a file has on the image's sys.path (`__main__` when it is on none). */
  private moduleNameOf(imagePath: ImagePath): string {
    for (const entry of this.input.sysPath) {
      const rel = relativeBelow(entry, imagePath);
      if (rel === undefined || !rel.endsWith('.py')) continue;
      const dotted = rel.slice(0, -3).replace(/\/__init__$/, '').split('/');
      if (dotted.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part))) return dotted.join('.');
    }
    return '__main__';
  }
}

function chainOf(visit: Visit | undefined): ChainLink[] {
  const links: ChainLink[] = [];
  for (let v = visit; v?.via; v = v.via.parent) links.push({ file: v.via.file, line: v.via.line, module: v.via.module });
  return links.reverse();
}

/** A base image dockguard does not know may hold the module itself: its absence is then only assumed. */
function baseImageAssumption(image: ImageModel, module: string): { assumption: string } | Record<string, never> {
  return image.base.kind === 'unknown' ? { assumption: `${image.base.why}; it may hold ${module} (declare what it holds in the config)` } : {};
}
