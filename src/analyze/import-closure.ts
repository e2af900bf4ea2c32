import path from 'node:path';
import type { BuildContext } from '../dockerfile/build-context.js';
import type { ExecutedFile } from '../python/module-finder.js';
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
  type ReachTrace,
  type RepoPath,
  type RepoSnapshot,
  type UnreadableFile,
} from '../types.js';
import { diagnoseMissingCopy, type CopyDiagnosis } from './copy-fix.js';
import { packageOf, submoduleCandidates, type ImportTarget } from './import-targets.js';
import { nameUsesOf } from './name-uses.js';
import { isUnaskedLazyBranch, pickReachable, unreachedAssumption, unreachedDefinitionAt, type DeferredImport } from './unreached-code.js';
import { insideFirstPartyPackage, targetsOf } from './module-imports.js';
import type { ModuleStore, StoredModule } from './module-store.js';
import type { RepoHit } from './repo-bases.js';
import { ImageLookups } from './image-lookups.js';
import { definesName, type NameLookup } from './defines-name.js';
import { findReplacedImports, judgeFallback, type ImportStatus } from './fallback-imports.js';
import { SETTINGS_DEFAULT } from '../python/django-references.js';
import { describeVersionBranch, judgeVersionBranch, type ImagePython } from './version-branch.js';
import { strongerGuard } from '../python/guards.js';
import { excuse, isOptionalDependency, nowhereAssumption, pathGuard, refGuard, type GuardKind } from './path-guard.js';
import { assumeUnevaluablePaths, recordPathChanges, type PathChanges } from './path-change-effects.js';

/** Where an import is written, and the guess reaching that place rests on, if any. */
interface Site {
  file: string;
  line: number;
  assumption: string | undefined;
}
import { unseenPathCause } from './unseen-module.js';

/** One file of the closure, with how it was reached (for the import chain). */
interface Visit {
  imagePath: ImagePath;
  repoPath: RepoPath;
  module: string;
  isPackageInit: boolean;
  /** The guard on the path that reached it: a failed import here would be caught up the chain. */
  guard: GuardKind | undefined;
  /** Why reaching this file rests on a guess (only fallback roots reach it); undefined when a real root does. */
  assumption: string | undefined;
  via: { parent: Visit | undefined; file: string; line: number; module: string; namedIn?: string } | undefined;
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
  /** The Django settings module the image's environment names: a module's `setdefault` of it then picks nothing. */
  djangoSettings?: true;
}

export interface ClosureInput {
  image: ImageModel;
  context: BuildContext | undefined;
  snapshot: RepoSnapshot;
  store: ModuleStore;
  sysPath: ImagePath[];
  roots: ClosureRoot[];
  isStdlib: (topLevel: string) => boolean;
  /** Whether the image's standard library has a dotted module; undefined when its submodules are unknown. */
  stdlibHasSubmodule: (module: string) => boolean | undefined;
  /** The Python minor the stdlib answers are for, named when they rest on an unknown. */
  pythonVersion: string;
  /** The image's Python, to decide `if sys.version_info …:` branches; without it every such branch is optional. */
  python?: ImagePython;
  ignoreFileLines: ReadonlyMap<RepoPath, number>;
  /** What may add to sys.path where no module shows it (a .pth file a RUN writes, a compose env_file). */
  unseenPathSources?: ReadonlyArray<{ file: string; line: number; why: string }>;
}

export interface ClosureResult {
  missing: MissingModule[];
  problems: Problem[];
  syntaxErrors: Array<{ file: RepoPath; line: number; column: number; message?: string }>;
  unreadable: UnreadableFile[];
  externalImports: ExternalImport[];
  reachedFiles: RepoPath[];
  modules: Map<RepoPath, ParsedModule>;
  /** Folders the executed modules put on sys.path, and the changes whose path cannot be evaluated. */
  pathChanges: PathChanges;
  /** How each image file of the closure was reached (the visit that proves most), for `dockguard explain`. */
  reachedBy: Map<ImagePath, ReachTrace>;
}

/**
 * Follows a service's imports from its roots through the files that are in
 * its image, breadth first so every chain reported is a shortest one. Each
 * level's files are requested together so parsing is batched across
 * services.
 */
export class ImportClosure {
  /** Each file visited, with how little its path proves (`visitWeight`): it is processed again when a path proves more. */
  private readonly visited = new Map<ImagePath, number>();
  /** What became of each import of each file processed, for its fallbacks and for a visit under a lesser guard. */
  private readonly statuses = new Map<ImagePath, Map<ImportRef, ImportStatus>>();
  /** Roots that run as `__main__`: script files, and the modules `python -m` runs (a package's `__main__`). */
  private readonly mainPaths = new Set<ImagePath>();
  private readonly mainModules = new Set<string>();
  /** The image's environment names the Django settings module (a root), so no module's setdefault picks it. */
  private readonly settingsFromEnvironment: boolean;
  /** Whether an INSTALLED_APPS seen so far lists the admin, which imports every app's `admin` module. */
  private djangoAdminInstalled = false;
  /** Files last processed on a path that rests on a guess. */
  private readonly assumedVisits = new Set<ImagePath>();
  private readonly unreadable = new Set<RepoPath>();
  /** The absolute module each import names, for the fallback judgement. */
  private readonly targets = new Map<ImportRef, string>();
  private readonly lookups: ImageLookups;
  private readonly result: ClosureResult = {
    missing: [],
    problems: [],
    syntaxErrors: [],
    unreadable: [],
    externalImports: [],
    reachedFiles: [],
    modules: new Map(),
    pathChanges: { inserted: [], appended: [], unevaluable: [], sources: [] },
    reachedBy: new Map(),
  };
  /** First-party findings and third-party imports of absolute imports: those a sys.path change could explain. */
  private readonly absoluteMissing = new Set<MissingModule>();
  private readonly externals = new Map<string, ExternalImport>();
  /** `from module import name` of third-party modules, by `module.name`: how a namespace root is expanded. */
  private readonly externalNames = new Map<string, ExternalImport>();
  /** The missing module recorded at each site, with how much its path excuses (replaced by a path that proves more). */
  private readonly reportedMissing = new Map<string, { missing: MissingModule; weight: number }>();
  /** Imports in definitions their module never reaches, until the closure shows whether another module uses them. */
  private deferred: Array<DeferredImport<Visit>> = [];
  /** Modules some closure module star-imports: their public definitions are in use. */
  private readonly starImported = new Set<string>();
  /** Reads started when a file was reached, not yet taken by `drain`. */
  private readonly reads = new Map<Visit, Promise<StoredModule>>();

  constructor(private readonly input: ClosureInput) {
    this.lookups = new ImageLookups(input);
    this.settingsFromEnvironment = input.roots.some((root) => root.djangoSettings);
    this.result.pathChanges.unevaluable.push(...(input.unseenPathSources ?? []));
  }

  async run(): Promise<ClosureResult> {
    // Real roots are walked to the end first, so a file any of them reaches is never marked as reached by a guess.
    await this.walk(this.input.roots.filter((root) => root.assumption === undefined));
    await this.walk(this.input.roots.filter((root) => root.assumption !== undefined));
    await this.followDeferred();
    this.result.externalImports = this.externalImports();
    Object.assign(this.result, assumeUnevaluablePaths(this.result, this.absoluteMissing, this.input.image, (top) => this.lookups.resolveInImage(top).found));
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

  /**
   * Level by level, in the order files were reached (the order decides which
   * chain a finding shows). Each file's read was started when it was reached
   * (see `enqueue`), so the parse workers already hold the next level's files
   * while this one is processed, instead of idling between levels.
   */
  private async drain(start: Visit[]): Promise<void> {
    let frontier = start;
    while (frontier.length > 0) {
      const next: Visit[] = [];
      for (const visit of frontier) {
        const module = await (this.reads.get(visit) ?? this.readVisit(visit));
        this.reads.delete(visit);
        const isFirstVisit = !this.result.modules.has(visit.repoPath) && !this.unreadable.has(visit.repoPath);
        const escape = this.linkOutOfContext(visit);
        if (escape) {
          if (isFirstVisit) this.result.unreadable.push({ path: visit.repoPath, reason: escape });
          this.unreadable.add(visit.repoPath);
          continue;
        }
        if (!module.ok) {
          if (isFirstVisit) this.result.unreadable.push({ path: visit.repoPath, reason: module.reason, ...(module.assumption !== undefined ? { assumption: module.assumption } : {}) });
          this.unreadable.add(visit.repoPath);
          continue;
        }
        await this.processModule(visit, module.parsed, next, isFirstVisit);
      }
      frontier = next;
    }
  }

  /** Whether the file is the program (`__name__ == "__main__"`): a root run as a script or by `python -m`. */
  private runsAsMain(visit: Visit): boolean {
    if (visit.via?.parent !== undefined) return false;
    return this.mainPaths.has(visit.imagePath) || this.mainModules.has(visit.module);
  }

  private addRoot(root: ClosureRoot, frontier: Visit[]): void {
    if (root.imagePath !== undefined) this.mainPaths.add(root.imagePath);
    if (root.module !== undefined && root.runsAsMain) {
      this.mainModules.add(this.lookups.isPackage(root.module) ? `${root.module}.__main__` : root.module);
    }
    const site = { file: root.file, line: root.line, assumption: root.assumption };
    if (root.module !== undefined) {
      const ref: ImportRef = { module: root.module, level: 0, names: [], line: root.line, guarded: false, dynamic: false };
      const found = this.resolveImport(undefined, root.module, ref, undefined, frontier, site) === 'image';
      // CPython: "No module named pkg.__main__; 'pkg' is a package and cannot be directly executed".
      if (found && root.runsAsMain && this.lookups.isPackage(root.module)) {
        this.resolveImport(undefined, `${root.module}.__main__`, { ...ref, module: `${root.module}.__main__` }, undefined, frontier, site);
      }
      return;
    }
    if (root.imagePath === undefined) return;
    if (this.input.image.files.has(root.imagePath)) {
      this.enqueue(frontier, root.imagePath, this.lookups.moduleNameOf(root.imagePath), undefined, root.assumption, {
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
      ...(root.assumption !== undefined
        ? { assumption: root.assumption }
        : cause !== undefined
          ? { assumption: `the image may hold it after all: ${cause}` }
          : baseImageAssumption(this.input.image, root.imagePath)),
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

  private async processModule(visit: Visit, parsed: ParsedModule, next: Visit[], isFirstVisit: boolean): Promise<void> {
    // A heredoc's module is not a repository file: the Dockerfile is an input of the service as a whole.
    if (visit.inline === undefined) this.result.modules.set(visit.repoPath, parsed);
    if (isFirstVisit) this.recordPathChanges(visit, parsed);
    const firstError = parsed.syntaxErrors[0];
    if (firstError && isFirstVisit) this.result.syntaxErrors.push({ file: visit.repoPath, ...firstError });
    const pkg = packageOf(visit.module, visit.isPackageInit);
    // A visit that proves what the last one only assumed follows every import again, guarded or not.
    const previous = this.assumedVisits.has(visit.imagePath) && visit.assumption === undefined ? undefined : this.statuses.get(visit.imagePath);
    this.statuses.set(visit.imagePath, new Map());
    if (visit.assumption !== undefined) this.assumedVisits.add(visit.imagePath);
    else this.assumedVisits.delete(visit.imagePath);
    for (const { ref, target } of targetsOf(parsed, pkg)) {
      // A module reached by an import is not the program: its `if __name__ == "__main__":` block never runs.
      // (A root may be the program, so its block is followed.)
      // Nor is a module a server or console script imports (`uvicorn app.main:app`), nor the `__init__` of a
      // package `python -m` runs: only a script, a plain module `python -m` runs, or a package's `__main__.py`.
      if (ref.mainOnly && !this.runsAsMain(visit)) continue;
      // The environment names the settings: `os.environ.setdefault("DJANGO_SETTINGS_MODULE", …)` leaves it be.
      if (ref.namedIn === SETTINGS_DEFAULT && this.settingsFromEnvironment) continue;
      if (ref.names.includes('*')) this.starImported.add(target.module);
      // Visited again under a lesser guard: an import under its own except ImportError is as guarded as before.
      const known = previous && refGuard(ref) === 'import-error' ? previous.get(ref) : undefined;
      if (known !== undefined) {
        this.statuses.get(visit.imagePath)!.set(ref, known);
        continue;
      }
      const definition = parsed.unreached ? unreachedDefinitionAt(parsed, ref.line) : undefined;
      if (definition) this.deferred.push({ visit, ref, target, definition, file: visit.repoPath, module: visit.module });
      else await this.followImport(visit, ref, target, next);
      if (ref.namedIn === 'INSTALLED_APPS') await this.followAppModules(visit, ref, target, next);
    }
    for (const candidate of parsed.dynamicCandidates) {
      const module = candidate.value.split(':')[0]!;
      const ref: ImportRef = { module, level: 0, names: [], line: candidate.line, guarded: false, dynamic: true };
      if (this.lookups.resolveInImage(module).found || this.lookups.findInRepo(module)) {
        this.resolveImport(visit, module, ref, visit.guard, next);
      }
    }
  }

  /**
   * What Django imports of an installed app of the image at start-up:
   * its `models` and `apps` modules when they exist, and its `admin` module
   * when the admin app (listed before it) autodiscovers them
   * (django/apps/config.py, django/contrib/admin/apps.py). A module the image
   * lacks is not imported, so only those in the image are followed.
   */
  private async followAppModules(visit: Visit, ref: ImportRef, target: ImportTarget, next: Visit[]): Promise<void> {
    const entry = ref.names.length === 1 ? `${target.module}.${ref.names[0]}` : target.module;
    if (entry === 'django.contrib.admin') this.djangoAdminInstalled = true;
    // `polls.apps.PollsConfig` names the AppConfig of the app `polls`.
    const app = /^(.+)\.apps\.[^.]+$/.exec(entry)?.[1] ?? entry;
    const modules = ['models', 'apps', ...(this.djangoAdminInstalled ? ['admin'] : [])].map((name) => `${app}.${name}`);
    for (const module of modules) {
      if (module === entry || !this.lookups.resolveInImage(module).found) continue;
      const appRef: ImportRef = { ...ref, module, names: [], level: 0 };
      delete appRef.fallbackFor;
      await this.followImport(visit, appRef, { module }, next);
    }
  }

  private async followImport(visit: Visit, ref: ImportRef, target: ImportTarget, next: Visit[]): Promise<void> {
    const statuses = this.statuses.get(visit.imagePath) ?? new Map<ImportRef, ImportStatus>();
    const parsed = this.result.modules.get(visit.repoPath);
    const fallback = ref.fallbackFor && parsed ? judgeFallback(ref, parsed.imports, (r) => statuses.get(r)) : undefined;
    // A handler whose try body imports what the image has never runs.
    if (fallback?.runs === 'never') return;
    // A branch the image's Python does not take never runs; one it may not take is optional.
    const branch = judgeVersionBranch(ref, this.input.python);
    if (branch === 'skipped') return;
    const onlyIfMissing = fallback?.runs === 'if-missing' ? fallback.modules : undefined;
    const guard = strongerGuard(pathGuard(visit.guard, ref), branch === 'unknown' ? 'import-error' : undefined);
    const status = this.resolveImport(visit, target.module, ref, guard, next, undefined, onlyIfMissing);
    statuses.set(ref, status);
    this.targets.set(ref, target.module);
    if (fallback && parsed && status !== 'missing') {
      for (const body of findReplacedImports(parsed.imports, ref, target.module, statuses, this.targets)) {
        this.excuseMissing(body.module, visit.repoPath, body.line, body.assumption);
      }
    }
    // `from mod import name` with mod a plain module never imports a submodule: Python only tries
    // submodules of packages (modules with __path__); most names imported are functions and classes.
    if (status !== 'image' || !this.lookups.isPackage(target.module)) return;
    for (const candidate of submoduleCandidates(target, ref)) {
      await this.resolveSubmodule(visit, target.module, candidate, ref, guard, next);
    }
  }

  /** What became of the import: found in the image, stdlib, reported missing, or recorded as third-party. */
  private resolveImport(
    from: Visit | undefined,
    module: string,
    ref: ImportRef,
    guard: GuardKind | undefined,
    next: Visit[],
    rootSite?: { file: string; line: number; assumption: string | undefined },
    onlyIfMissing?: string[],
  ): ImportStatus {
    const resolution = this.lookups.resolveInImage(module);
    const site = rootSite ?? { file: from!.repoPath, line: ref.line, assumption: from!.assumption ?? settingsDefaultAssumption(ref, from!) };
    if (resolution.found) {
      this.enqueueExecuted(next, resolution.module.executed, guard, from, site, module, ref.namedIn);
      return 'image';
    }
    const topLevel = module.split('.')[0]!;
    if (ref.level === 0 && this.input.isStdlib(topLevel)) {
      // The repository's own `calendar/models.py`, left out of the image: `import calendar` then finds the
      // standard library's module, which has no `models`.
      // Only a submodule the standard library lacks: its `logging.handlers` is found whatever the repository holds.
      const hit = module.includes('.') ? this.lookups.findInRepo(module) : undefined;
      const stdlibHas = hit && !this.lookups.isWeak(hit) ? this.input.stdlibHasSubmodule(module) : true;
      if (stdlibHas === false) this.reportMissing(from, module, ref, guard, site, hit, { stdlibShadow: true });
      if (stdlibHas === undefined) {
        const unknown = `the standard library of Python ${this.input.pythonVersion} has no ${module}: its submodules are not recorded`;
        this.reportMissing(from, module, ref, guard, { ...site, assumption: site.assumption ?? unknown }, hit, { stdlibShadow: true });
      }
      return 'stdlib';
    }
    const hit = this.lookups.findInRepo(module);
    // A name found nowhere is third-party, unless a folder the build has and the repository lacks could hold it.
    const unseenFirstParty = !hit && this.lookups.unseenCause(module, 'build-inputs') !== undefined;
    if (ref.level === 0 && hit && this.lookups.isWeak(hit)) {
      // Not known to be first-party: Python finds an installed distribution of that name instead, if there is one.
      this.reportMissing(from, module, ref, guard, site, hit, { unlessInstalled: true });
      this.addExternal(from, module, ref, guard, site, onlyIfMissing);
      return 'external';
    }
    if (hit || ref.level > 0 || insideFirstPartyPackage(resolution) || unseenFirstParty) {
      const unlessProvided = hit !== undefined && ref.level === 0 && resolution.resolved === 0;
      this.reportMissing(from, module, ref, guard, site, hit, unlessProvided ? { unlessProvided } : {}, onlyIfMissing);
      return 'missing';
    }
    // Where Python looks, content from outside the build (`COPY --from=<external image> /stubs/pkg ./pkg`,
    // a clone on PYTHONPATH) may be the module itself: then that no install provides it proves nothing.
    const unseen = site.assumption === undefined ? this.lookups.unseenCause(module, 'foreign') : undefined;
    this.addExternal(from, module, ref, guard, unseen === undefined ? site : { ...site, assumption: `the image may hold it after all: ${unseen}` }, onlyIfMissing);
    return 'external';
  }

  private async resolveSubmodule(from: Visit, parent: string, candidate: string, ref: ImportRef, guard: GuardKind | undefined, next: Visit[]): Promise<void> {
    const resolution = this.lookups.resolveInImage(candidate);
    const site = { file: from.repoPath, line: ref.line, assumption: from.assumption };
    if (resolution.found) {
      this.enqueueExecuted(next, resolution.module.executed, guard, from, site, candidate, ref.namedIn);
      return;
    }
    const hit = this.lookups.findInRepo(candidate);
    const init = this.lookups.locate(parent);
    // A namespace package binds no names: `from ns import name` always needs the submodule.
    if (!init?.isPackageInit) {
      if (hit) this.reportMissing(from, candidate, ref, guard, site, hit);
      return;
    }
    // `from pkg import name` only needs a submodule when pkg/__init__.py does not bind the name itself.
    if (await definesName(parent, init, candidate.slice(parent.length + 1), this.names)) return;
    this.reportMissing(from, candidate, ref, guard, site, hit);
  }

  /** How `definesName` reads bindings and finds star-imported modules in this image. */
  private readonly names: NameLookup = {
    boundNamesOf: (path) => this.input.store.getBoundNames(path),
    locate: (module) => this.lookups.locate(module),
  };

  /**
   * Records a first-party module the image lacks, once per import site; a
   * path that proves more (a lesser guard, no assumption) replaces what an
   * earlier one recorded. `hit` says where the repository has it; without
   * one it exists nowhere.
   */
  private reportMissing(
    from: Visit | undefined,
    module: string,
    ref: ImportRef,
    guard: GuardKind | undefined,
    site: Site,
    hit: RepoHit | undefined,
    how: Pick<MissingModule, 'stdlibShadow' | 'unlessInstalled' | 'unlessProvided'> = {},
    onlyIfMissing?: string[],
  ): void {
    const key = `${module}\0${site.file}\0${site.line}`;
    const assumption =
      site.assumption ??
      (onlyIfMissing
        ? `the import is the except ImportError fallback of ${onlyIfMissing.join(', ')}, so it runs only if that is not installed`
        : hit
          ? undefined
          : nowhereAssumption(guard));
    // Among paths to one site, a guess on the way weighs; what the import itself implies (nowhere, a fallback) is the same on every path.
    const weight = visitWeight(guard, site.assumption);
    const recorded = this.reportedMissing.get(key);
    if (recorded && recorded.weight <= weight) return;
    const diagnosis: CopyDiagnosis | { unit: undefined; reason: 'nowhere'; ignoredBy?: undefined; fix?: undefined; inImageAt?: undefined } = hit
      ? diagnoseMissingCopy({ ...this.input, hit, module })
      : { unit: undefined, reason: 'nowhere' };
    const missing: MissingModule = {
      module,
      file: site.file,
      line: site.line,
      guarded: guard !== undefined,
      dynamic: ref.dynamic,
      chain: [...chainOf(from), { file: site.file, line: site.line, module, ...(ref.namedIn !== undefined ? { namedIn: ref.namedIn } : {}) }],
      repoPath: diagnosis.unit,
      reason: diagnosis.reason,
      ...(diagnosis.ignoredBy ? { ignoredBy: diagnosis.ignoredBy } : {}),
      ...(diagnosis.inImageAt ? { inImageAt: diagnosis.inImageAt } : {}),
      ...(diagnosis.fix ? { fix: diagnosis.fix } : {}),
      ...(ref.ignoredRules ? { ignoredRules: ref.ignoredRules } : {}),
      ...(assumption !== undefined ? { assumption } : baseImageAssumption(this.input.image, module)),
      ...how,
    };
    if (missing.assumption === undefined) {
      const cause = this.lookups.unseenCause(module, hit ? 'any' : 'nowhere');
      if (cause !== undefined) missing.assumption = `the image may hold it after all: ${cause}`;
    }
    this.replaceMissing(recorded?.missing, missing);
    this.reportedMissing.set(key, { missing, weight });
    if (ref.level === 0) this.absoluteMissing.add(missing);
  }

  private replaceMissing(old: MissingModule | undefined, missing: MissingModule): void {
    const at = old ? this.result.missing.indexOf(old) : -1;
    if (at === -1) this.result.missing.push(missing);
    else this.result.missing[at] = missing;
    if (old) this.absoluteMissing.delete(old);
  }

  /** A missing module at this site is not proven to break the service: record why, unless a path proves it does. */
  private excuseMissing(module: string, file: string, line: number, assumption: string): void {
    const key = `${module}\0${file}\0${line}`;
    const recorded = this.reportedMissing.get(key);
    if (!recorded || recorded.missing.assumption !== undefined) return;
    const missing = { ...recorded.missing, assumption };
    const wasAbsolute = this.absoluteMissing.has(recorded.missing);
    this.replaceMissing(recorded.missing, missing);
    if (wasAbsolute) this.absoluteMissing.add(missing);
    this.reportedMissing.set(key, { missing, weight: recorded.weight + 4 });
  }

  /**
   * Records a third-party import once per module (and, for `from module
   * import name`, once per name: how a namespace root is expanded). An
   * unguarded, unconditional, real-root site replaces a weaker one; the
   * entry and its chain are built only then, as most sites repeat one seen.
   */
  private addExternal(from: Visit | undefined, module: string, ref: ImportRef, guard: GuardKind | undefined, site: Site, onlyIfMissing?: string[]): void {
    const guarded = isOptionalDependency(guard);
    const weight = externalWeight(guarded, onlyIfMissing !== undefined, site.assumption !== undefined);
    let chain: ChainLink[] | undefined;
    const record = (map: Map<string, ExternalImport>, name: string): void => {
      const existing = map.get(name);
      if (existing && weight >= externalWeight(existing.guarded, existing.onlyIfMissing !== undefined, existing.assumption !== undefined)) return;
      chain ??= chainOf(from);
      map.set(name, {
        module: name,
        file: asRepoPath(site.file),
        line: site.line,
        guarded,
        ...(guard === 'condition' ? { conditional: true as const } : {}),
        ...(ref.pythonVersions && guard === 'import-error' && judgeVersionBranch(ref, this.input.python) === 'unknown' ? { condition: describeVersionBranch(ref.pythonVersions) } : {}),
        chain: [...chain, { file: site.file, line: site.line, module: name, ...(ref.namedIn !== undefined ? { namedIn: ref.namedIn } : {}) }],
        ...(ref.ignoredRules ? { ignoredRules: ref.ignoredRules } : {}),
        ...(site.assumption !== undefined ? { assumption: site.assumption } : {}),
        ...(onlyIfMissing ? { onlyIfMissing } : {}),
      });
    };
    record(this.externals, module);
    for (const name of ref.names) if (name !== '*') record(this.externalNames, `${module}.${name}`);
  }

  private externalImports(): ExternalImport[] {
    const byParent = new Map<string, ExternalImport[]>();
    for (const name of this.externalNames.values()) {
      const parent = name.module.slice(0, name.module.lastIndexOf('.'));
      const siblings = byParent.get(parent);
      if (siblings) siblings.push(name);
      else byParent.set(parent, [name]);
    }
    return [...this.externals.values()].map((external) => {
      const importedNames = byParent.get(external.module);
      return importedNames ? { ...external, importedNames } : external;
    });
  }

  /** Queues the files an import executes; most were seen already, so their chain link is built only when new. */
  private enqueueExecuted(
    next: Visit[],
    executed: readonly ExecutedFile[],
    guard: GuardKind | undefined,
    from: Visit | undefined,
    site: Site,
    module: string,
    namedIn?: string,
  ): void {
    for (const step of executed) {
      const imagePath = asImagePath(step.file);
      const via = { parent: from, file: site.file, line: site.line, module, ...(namedIn !== undefined ? { namedIn } : {}) };
      if (this.isNewPath(imagePath, guard, site.assumption)) this.enqueue(next, imagePath, step.module, guard, site.assumption, via);
    }
  }

  /** Not visited yet, or visited only on a path that proves less: under a guard that excuses more, or resting on a guess this one does not. */
  private isNewPath(imagePath: ImagePath, guard: GuardKind | undefined, assumption: string | undefined): boolean {
    const seen = this.visited.get(imagePath);
    return seen === undefined || visitWeight(guard, assumption) < seen;
  }

  private enqueue(next: Visit[], imagePath: ImagePath, module: string, guard: GuardKind | undefined, assumption: string | undefined, via: Visit['via']): void {
    if (!this.isNewPath(imagePath, guard, assumption)) return;
    const origin = this.input.image.files.get(imagePath);
    if (!origin) return;
    if (!this.visited.has(imagePath)) this.result.reachedFiles.push(origin.repoPath);
    this.visited.set(imagePath, visitWeight(guard, assumption));
    const visit: Visit = {
      imagePath, repoPath: origin.repoPath, module, isPackageInit: imagePath.endsWith('/__init__.py'), guard, assumption, via,
      ...(origin.inline !== undefined ? { inline: origin.inline } : {}),
    };
    this.result.reachedBy.set(imagePath, visit);
    next.push(visit);
    const read = this.readVisit(visit);
    // Awaited when `drain` reaches the visit; until then a failure (the parser cannot load) must not count as unhandled.
    read.catch(() => undefined);
    this.reads.set(visit, read);
  }
}

/**
 * How little a path to a file proves: a guess (a fallback root, a settings
 * module only a `setdefault` picks) weighs more than any guard, as for a
 * missing module's site. Breadth-first order may reach a file on such a path
 * before a proven one (`setdefault("DJANGO_SETTINGS_MODULE", "hc.settings")`
 * a line above `from hc import settings`), which then visits it again.
 */
const visitWeight = (guard: GuardKind | undefined, assumption: string | undefined): number => excuse(guard) + (assumption === undefined ? 0 : 4);

/** Unguarded beats guarded, unconditional beats a fallback, a real root beats a guess; among equals the first (shortest chain) stays. */
const externalWeight = (guarded: boolean, isFallback: boolean, isAssumed: boolean): number =>
  (isAssumed ? 4 : 0) + (guarded ? 2 : 0) + (isFallback ? 1 : 0);

/** The import chain that reached a file, from the launch line to the import of the file itself. */
export function chainOf(visit: ReachTrace | undefined): ChainLink[] {
  const links: ChainLink[] = [];
  for (let v = visit; v?.via; v = v.via.parent) {
    const { file, line, module, namedIn } = v.via;
    links.push({ file, line, module, ...(namedIn !== undefined ? { namedIn } : {}) });
  }
  return links.reverse();
}

/**
 * A settings module a `setdefault` picks is the one Django loads only if the
 * deployment does not set DJANGO_SETTINGS_MODULE, which dockguard cannot see
 * where the service runs (Cloud Run, Kubernetes): what it alone reaches is assumed.
 */
function settingsDefaultAssumption(ref: ImportRef, from: Visit): string | undefined {
  if (ref.namedIn !== SETTINGS_DEFAULT) return undefined;
  return `the deployment is taken to leave DJANGO_SETTINGS_MODULE unset, so that ${from.repoPath} picks ${ref.module}`;
}

/** A base image dockguard does not know may hold the module itself: its absence is then only assumed. */
function baseImageAssumption(image: ImageModel, module: string): { assumption: string } | Record<string, never> {
  return image.base.kind === 'unknown' ? { assumption: `${image.base.why}; it may hold ${module} (declare what it holds in the config)` } : {};
}
