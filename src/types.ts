import type { DependencyAnalysis } from './deps/dependency-analysis.js';
import type { Suppression } from './suppress/suppression.js';

/**
 * Shared data shapes of the whole pipeline. No logic lives here.
 *
 * Two kinds of path never mix: a path in the repository (`RepoPath`) and a
 * path inside the image (`ImagePath`). Branding makes mixing them a compile
 * error; convert only through `asRepoPath` / `asImagePath`.
 */

/** Repository-relative POSIX path, no leading `./`, no trailing `/`; the root is `''`. */
export type RepoPath = string & { readonly __brand: 'RepoPath' };
/** Absolute POSIX path inside the image, normalised (`/app`, `/`), no trailing `/` except the root. */
export type ImagePath = string & { readonly __brand: 'ImagePath' };

export const asRepoPath = (p: string): RepoPath => p as RepoPath;
export const asImagePath = (p: string): ImagePath => p as ImagePath;

export type Severity = 'error' | 'warning' | 'info';

/**
 * How sure a finding is. `proven`: every step from the service's real
 * entrypoint to the failure rests on what dockguard read. `assumed`: one step
 * rests on a guess, named in `assumption`. Only a proven finding may be an
 * error (enforced once, in run-rules.ts).
 */
export type Evidence = 'proven' | 'assumed';

/** One link of an import chain: `file` at `line` imports `module`. */
export interface ChainLink {
  file: string;
  line: number;
  module: string;
  /** The module is named in this Django setting (or `include()`) at that line, not imported by a statement. */
  namedIn?: string;
}

/** What to change to make a finding go away: the exact text and where it goes. */
export interface Fix {
  /** Repository-relative file to edit. */
  file: string;
  /** 1-based line the text goes after (0 = at the top). */
  line: number;
  /** The exact line(s) to add. */
  text: string;
  /** One sentence saying where and why, e.g. "add after line 7 (the last COPY of the final stage)". */
  description: string;
}

export interface Finding {
  /** Stable code, e.g. `DG001`. */
  code: string;
  /** Stable kebab-case name, e.g. `missing-copy`. */
  rule: string;
  severity: Severity;
  /** The service's Dockerfile, repository-relative. */
  service: string;
  /** The config entry name when one Dockerfile has several. */
  variant?: string;
  file: string;
  /** 1-based; 0 when the finding concerns the whole file. */
  line: number;
  message: string;
  module?: string;
  distribution?: string;
  chain?: ChainLink[];
  fix?: Fix;
  evidence: Evidence;
  /** The guess the finding rests on, in words ("the base image's contents are unknown"); set when `evidence` is `assumed`. */
  assumption?: string;
}

/**
 * A finding before it is attached to a service: what a stage or rule
 * observed. A rule states only the assumption, if any; `evidence` is derived
 * from it when the finding is made.
 */
export type Observation = Omit<Finding, 'service' | 'variant' | 'evidence'>;

export type ContextSource = 'config' | 'compose' | 'script' | 'inferred';

/** A repository path present at build time whose contents dockguard cannot see, and why it is there. */
export interface UnseenInput {
  path: RepoPath;
  /** `gitignored by website/.gitignore`, `made by ops/build.yaml:7 before the build`, `a git submodule`. */
  reason: string;
}

/** A repository folder (or file) bind-mounted into the running container, e.g. compose `./vote:/usr/local/app`. */
export interface RunMount {
  repoPath: RepoPath;
  /** Absolute, normalised path in the container. */
  target: string;
}

/** One service to check: a Dockerfile built with a given context, target and build args. */
export interface ServiceSpec {
  dockerfile: RepoPath;
  /** Build context root; `undefined` when it could not be determined (context-unknown). */
  context: RepoPath | undefined;
  contextSource: ContextSource;
  /** Where the context came from, for humans: `docker-compose.yml`, `scripts/deploy.sh:12`, … */
  contextOrigin?: string;
  /** With no context: the folder that explains the most COPY sources, offered as the config entry to add. */
  contextCandidate?: RepoPath;
  /**
   * Repository paths that exist when the image is built but not in the
   * repository: gitignored (downloaded or generated first), made by a build
   * step before `docker build`, or a submodule. A COPY from one puts content
   * nobody can see into the image, not nothing.
   */
  unseenInputs?: UnseenInput[];
  name?: string;
  variant?: string;
  target?: string;
  buildArgs: Record<string, string>;
  /** Entrypoint given by config or a compose `command:`; takes precedence over CMD. */
  entrypoint?: string | string[];
  /** Repository folders the running container has bind-mounted (compose `volumes:`): they hide what the image holds there. */
  mounts?: RunMount[];
  /** Variables the running container gets beside the image's ENV (compose `environment:`), and what may set PYTHONPATH unseen. */
  environment?: ServiceEnvironment;
  /** The container's working directory as compose sets it (`working_dir:`), in place of the image's WORKDIR. */
  workingDir?: ImagePath;
  /** Extra root files (repository paths) from config `roots`. */
  roots: RepoPath[];
  /** Context uploaded by gcloud: `.gcloudignore` filters it too. */
  gcloudUpload: boolean;
  /** Image names the repository's builds tag this Dockerfile's image with (compose `image:`, `docker build -t`). */
  tags?: string[];
}

/** The environment a deployment gives the container on top of the image's ENV. */
export interface ServiceEnvironment {
  values: Record<string, string>;
  /** Where a PYTHONPATH dockguard cannot read may come from, in words (`env_file .env, which may set PYTHONPATH`). */
  pythonPathUnknown?: string;
}

/**
 * The repository as dockguard sees it: a working tree, or (for `--staged`)
 * the index. Every read goes through here so the same analysis runs on both.
 */
export interface RepoSnapshot {
  /** Absolute path of the repository root on disk. */
  readonly root: string;
  readonly kind: 'worktree' | 'index';
  /** Every file that exists in this snapshot. */
  readonly files: ReadonlySet<RepoPath>;
  /** Every directory that holds at least one file, plus the root `''`. */
  readonly dirs: ReadonlySet<RepoPath>;
  /** Raw bytes of a file; rejects with `UnreadableFileError` when it cannot be read. */
  read(path: RepoPath): Promise<Buffer>;
  /** Git submodules (gitlinks): folders whose files are not in this repository. */
  readonly submodules?: readonly RepoPath[];
  /** Content id (git blob id when known) for caching; undefined when unknown. */
  contentId(path: RepoPath): string | undefined;
  /** Where a symbolic link leads (the file at the end of a chain of links); undefined for a plain file or a link that leads nowhere usable. */
  linkTarget?(path: RepoPath): RepoPath | undefined;
  /** Where a symbolic link to a folder of the repository leads (`services/api/shared -> ../../libs/shared`); undefined for anything else. */
  dirLinkTarget?(path: RepoPath): RepoPath | undefined;
}

/** A problem found while building a model (image, launch, imports). Rules turn these into findings. */
export interface Problem {
  /** The rule name this problem belongs to, e.g. `copy-source-missing`. */
  rule: string;
  file: string;
  line: number;
  message: string;
  severity?: Severity;
  fix?: Fix;
  module?: string;
  /** The guess this problem rests on; makes the finding `assumed` (at most a warning). */
  assumption?: string;
}

// ---------------------------------------------------------------- image model

/** Where an image file came from. */
export interface ImageFileOrigin {
  /** The repository file whose content lands here. */
  repoPath: RepoPath;
  /** 1-based Dockerfile line of the COPY/ADD that put it there (in the final stage's chain). */
  line: number;
  /**
   * Content a `COPY <<EOF` heredoc writes; `repoPath` is then the Dockerfile.
   * Padded with empty lines so that its line numbers are the Dockerfile's.
   */
  inline?: string;
  /** Bind-mounted into the running container (compose `volumes:`), not built into the image; `line` is then 0. */
  mounted?: true;
}

export type CommandForm =
  | { form: 'exec'; args: string[]; line: number }
  | { form: 'shell'; command: string; line: number };

/** One COPY/ADD that contributes to the final image (after stage chains are followed). */
export interface CopyRecord {
  line: number;
  instruction: 'COPY' | 'ADD';
  /** Sources as written (after variable substitution). */
  sources: string[];
  /** Destination as written (after variable substitution). */
  dest: string;
  /** Absolute destination in the image. */
  destPath: ImagePath;
  /** True when the destination names a directory (trailing `/`, `.`, or existing dir). */
  destIsDir: boolean;
  /** WORKDIR when the instruction ran. */
  workdir: ImagePath;
  /** `--from` stage name/index or image; undefined for the build context. */
  from?: string;
  /** Dockerfile stage that holds this instruction (name or index as string). */
  stage: string;
  /**
   * Repository directories whose contents this COPY placed at `destPath`
   * (a directory source `svc/` → `svc`; a file source `svc/a.py` → `svc`).
   * Used to map image directories back to the repository.
   */
  sourceDirs: Array<{ repoDir: RepoPath; imageDir: ImagePath }>;
}

/** A RUN instruction of the final image's chain, for the dependency side. */
export interface RunRecord {
  line: number;
  stage: string;
  /** Shell text, or the exec-form argv joined for display; for `RUN <<EOF` the heredoc's body. */
  command: string;
  /** Dockerfile line of the command text's first line when it is not `line` (a heredoc body starts below the RUN). */
  commandLine?: number;
  form: 'exec' | 'shell';
  args?: string[];
  workdir: ImagePath;
  /**
   * Variables the RUN sees, read by name only: a view of the values at this
   * RUN, shared structure between RUNs (see src/dockerfile/run-env.ts).
   */
  env: Readonly<Record<string, string>>;
  /** USER the RUN runs as, when a USER instruction set one (its `~` is that user's home). */
  user?: string;
  /**
   * `--mount=type=bind`: target image path → repo path for a mount of the
   * context; for one of another stage or image (`from`), the path there.
   */
  bindMounts: Array<{ target: ImagePath; repoPath: RepoPath | undefined; from?: string; source?: ImagePath }>;
}

/**
 * What dockguard knows of the image a stage is built FROM. An image it does
 * not know is `unknown`, never empty: its files, WORKDIR, Python packages,
 * programs and OS packages may be anything, so a finding that rests on their
 * absence is an assumption (see data/base-images.json for the known ones).
 */
export type BaseImage =
  | {
      kind: 'known';
      /** The reference as written after ARG substitution (`python:3.12-slim`). */
      reference: string;
      /** Entries of data/base-images.json it matched, most specific first (`uv-python`, `python-slim`). */
      ids: string[];
      /** OS package family; `none` for an image without a package manager (scratch, distroless). */
      family: 'debian' | 'alpine' | 'none';
      /** The official `python` image it is or is built on (`python:3.12-slim-bookworm`): the only source of a Python version. */
      pythonImage: string | undefined;
      /** Normalised Python distributions the image installs. */
      distributions: string[];
      /** Program name → its path in the image. */
      programs: Record<string, string>;
      /** OS packages installed by name (apt or apk, per `family`). */
      systemPackages: string[];
    }
  | {
      kind: 'unknown';
      /** The reference, or undefined when a variable left it unresolved. */
      reference: string | undefined;
      /** Why it is unknown, in words (for assumptions). */
      why: string;
    };

/** A path a RUN's command wrote: the stage and Dockerfile line of the RUN, and the absolute path in that stage. */
export interface WrittenByRun {
  stage: string;
  line: number;
  path: ImagePath;
}

export interface ImageModel {
  dockerfile: RepoPath;
  /** Stage name (or index) that was modelled as the image. */
  target: string;
  /** First external image of the target's FROM chain, after ARG substitution, e.g. `python:3.11-slim`. */
  baseImage: string | undefined;
  /** What is known of `baseImage`: `unknown` is a value, never read as empty. */
  base: BaseImage;
  /** Every file the image is known to contain, from the build context or earlier stages. */
  files: ReadonlyMap<ImagePath, ImageFileOrigin>;
  /** Every directory known to exist (parents of files, WORKDIRs, COPY destinations), plus `/`. */
  dirs: ReadonlySet<ImagePath>;
  /** Directories filled from sources that cannot be seen (external images, URLs). */
  /**
   * `buildInput`: filled from a source the build machine has but the repository lacks (gitignored, generated, a submodule).
   * `foreign`: from outside the build's sources and installs (an external image, a download, a clone, an archive, a
   * source named by an unknown variable), so it may hold any module, a third-party one included. Content a RUN makes
   * otherwise (a venv, a builder stage's site-packages) holds what the modelled installs put there.
   * `generated`: written by a code generator (protoc, an in-place Cython build), whose modules are those whose
   * file name (without `.py`) this regex source matches: they count as present whatever imports them.
   * `writtenBy`: the RUN whose command wrote it, and the path it wrote, in the stage it ran in (before any COPY --from).
   * `unlisted`: the folder a program whose outputs dockguard cannot list runs in (`make proto`, `buf generate`, a
   * repository script): it may have written a first-party module the repository lacks, never one the repository has.
   */
  opaque: Array<{ path: ImagePath; line: number; reason: string; buildInput?: boolean; foreign?: boolean; generated?: string; writtenBy?: WrittenByRun; unlisted?: boolean }>;
  copies: CopyRecord[];
  runs: RunRecord[];
  workdir: ImagePath;
  env: Record<string, string>;
  /** The Dockerfile line of the ENV that last set each variable of `env` (provenance, for `dockguard explain`). */
  envLines?: Record<string, number>;
  user: string | undefined;
  shell: string[];
  cmd: CommandForm | undefined;
  entrypoint: CommandForm | undefined;
  healthcheck: CommandForm | undefined;
  /** copy-source-missing, unmodelled-source, dockerfile-syntax, … */
  problems: Problem[];
  /**
   * Every stage the target needs: its parent stage (`FROM <stage>`) and the
   * files it holds when each of its RUNs starts (keyed by the RUN's line), so
   * an install can be checked against what was copied before it ran.
   */
  stages?: Array<{ label: string; parent: string | undefined; baseImage: string | undefined; base: BaseImage; filesAtRun: ReadonlyMap<number, ReadonlyMap<ImagePath, ImageFileOrigin>> }>;
}

// ---------------------------------------------------------------- launch

/** A Python file or module the container runs first. */
export type LaunchRoot = (
  | { kind: 'script'; path: ImagePath; why: string }
  /** `runsAsMain`: `python -m` / runpy run it as `__main__`, so a package runs its `__main__.py` too. */
  | { kind: 'module'; module: string; why: string; runsAsMain?: boolean }
  /** Source text run by `python -c` / a HEALTHCHECK. */
  | { kind: 'inline'; imports: string[]; why: string }
) & {
  /** Why the start may not happen or not matter (a shell branch's runtime condition, a failure the script survives). */
  assumption?: string;
};

export interface LaunchPlan {
  /** The program that really runs after wrappers (`gunicorn`, `python`, …); undefined if none. */
  program: string | undefined;
  /** Every program named on the way, wrappers included (for "is it installed" checks). */
  programs: string[];
  roots: LaunchRoot[];
  /** sys.path entries contributed by the launch mode and PYTHONPATH, in Python's order, before stdlib. */
  sysPath: ImagePath[];
  /** Entries appended after site-packages (functions-framework's source dir). */
  sysPathTail: ImagePath[];
  /** Why each entry of `sysPath` and `sysPathTail` is there (`folder of the script /app/main.py`, `PYTHONPATH`), by entry. */
  sysPathWhy?: Record<string, string>;
  /** Human description: `CMD gunicorn app:app (Dockerfile line 12)`. */
  description: string;
  /** True when no entrypoint could be derived and roots fall back to the service's own Python files. */
  fallback: boolean;
  /**
   * Repository folders of projects the container runs installed code of (a console script's project):
   * their packages are importable from site-packages even when no COPY put their source in the image.
   */
  installedProjects?: RepoPath[];
  /** Programs started only under an assumption (a shell branch's runtime condition), with it. */
  programAssumptions?: Record<string, string>;
  /** Modules those projects' builds write into their packages (setuptools-scm's `_version.py`): see readBuildWrittenModules. */
  buildWrittenModules?: RepoPath[];
  problems: Problem[];
}

// ---------------------------------------------------------------- python

export interface ImportRef {
  /** Dotted module as written; for relative imports without the dots (may be ''). */
  module: string;
  /** Number of leading dots (0 = absolute). */
  level: number;
  /** Names of `from m import a, b` (empty for `import m`; `*` for star imports). */
  names: string[];
  line: number;
  /**
   * A failure would be caught, or the import may not run: inside a `try:`
   * whose handler catches ImportError/ModuleNotFoundError/Exception/bare, or
   * under a condition (Python version, `find_spec`, a file's existence).
   */
  guarded: boolean;
  /**
   * How a guarded import is guarded, when not as an optional import (except
   * ImportError, version or find_spec branch): `broad` (except Exception /
   * bare except: error handling, so a missing module still breaks the
   * service) or `condition` (runs only when a condition decided at run time holds: a file exists, a setting is on).
   */
  guardKind?: 'broad' | 'condition';
  /**
   * In the handler of a `try:` that catches a failed import: for each such
   * enclosing `try`, the indices (in the module's `imports`) of its body's
   * imports. The import runs only if, in every group, one of them fails.
   */
  fallbackFor?: number[][];
  /** Under `if __name__ == "__main__":`: runs only when the file is the program, never when it is imported. */
  mainOnly?: boolean;
  /**
   * Under a branch that runs on some Python versions only (`if sys.version_info >= (3, 11):`):
   * masks of the minors on which it surely runs and surely does not (see evaluate-condition.ts),
   * decided against the image's Python; the branch in words.
   */
  pythonVersions?: { runs: number; skips: number; condition: string };
  /** From a string literal in a module that calls import_module/__import__ with a non-literal. */
  dynamic: boolean;
  /** Carries `# dockguard: ignore[...]` on its line: the rules listed (empty = all). */
  ignoredRules?: string[];
  /** Not an import statement: a string Django imports, named in this setting (`INSTALLED_APPS`…) or in `include()`. */
  namedIn?: string;
}

/**
 * A path as a module computes it, to evaluate where the module lies in the
 * image: a literal, `__file__`, the cwd, a dirname, N folders up
 * (`.parents[N-1]`), or a join.
 */
export type PathExpr = ['lit', string] | ['file'] | ['cwd'] | ['dir', PathExpr] | ['up', PathExpr, number] | ['join', PathExpr[]];

/** A `sys.path.insert`/`append` a module makes; `expr` is null when dockguard cannot evaluate the path. */
export interface PathChange {
  line: number;
  op: 'insert' | 'append';
  expr: PathExpr | null;
}

/**
 * A top-level function or class holding imports that nothing in its own
 * module reaches. Its imports run only if another module uses it, or one of
 * the definitions in `via` (itself included) that lead to it.
 */
export interface UnreachedDefinition {
  name: string;
  /** 1-based line ranges of the code that runs only when it is used (body, methods). */
  lines: Array<[number, number]>;
  via: string[];
}

export interface ParsedModule {
  imports: ImportRef[];
  /** String literals that look like dotted module paths, in modules with a non-literal dynamic import. */
  dynamicCandidates: Array<{ value: string; line: number }>;
  /** 1-based lines of `import_module(…)` / `__import__(…)` calls whose module name is computed at run time. */
  computedImports: number[];
  /** 1-based lines of syntax errors (tree-sitter ERROR/MISSING nodes, CPython's nesting limits); `message` says which limit. */
  syntaxErrors: Array<{ line: number; column: number; message?: string }>;
  /** Names of attribute calls (`.to_dataframe(`) and plain calls, for usage-based rules. */
  calls: string[];
  /** String literals worth matching by usage rules (URLs, ENGINE values); trimmed to short ones. */
  strings: string[];
  /** `sys.path` changes the module makes, in source order; absent when it makes none. */
  pathChanges?: PathChange[];
  /** Top-level definitions with imports that the module's own code never reaches; absent when none. */
  unreached?: UnreachedDefinition[];
}

/** A module-level failure to read a Python file. */
export interface UnreadableFile {
  path: RepoPath;
  reason: string;
  /** Set when Python may well read the file (an encoding dockguard cannot decode, a huge module): a warning. */
  assumption?: string;
}

/** An import that does not resolve to image or repository code: third-party or stdlib. */
export interface ExternalImport {
  module: string;
  file: RepoPath;
  line: number;
  /** An optional dependency: on its path, an `except ImportError` (or a run-time condition) would absorb its absence. */
  guarded: boolean;
  /** Guarded by a run-time condition (a setting, the environment, a file's existence), not by an `except`. */
  conditional?: true;
  /** Optional because it sits in a Python-version branch the image may not take: the branch in words. */
  condition?: string;
  chain: ChainLink[];
  ignoredRules?: string[];
  /** The guess reaching this import rests on (only fallback roots reach it, …); a finding about it is at most a warning. */
  assumption?: string;
  /**
   * The import is the fallback of an `except ImportError` whose `try` imports
   * these third-party modules: it runs only when one of them is not installed.
   */
  onlyIfMissing?: string[];
  /**
   * `from module import name`: one entry per name (`google.cloud.storage`),
   * each with its own best site, guard and chain. A namespace root such as
   * `google.cloud` names no distribution and is expanded into these.
   */
  importedNames?: ExternalImport[];
}

// ---------------------------------------------------------------- analysis

/** A first-party module the service imports but the image lacks. */
export interface MissingModule {
  module: string;
  /** Importing file (repository path) and 1-based line; for a launch root, the Dockerfile line. */
  file: string;
  line: number;
  guarded: boolean;
  dynamic: boolean;
  chain: ChainLink[];
  /** Where the module lives in the repository; undefined when it exists nowhere (deleted or renamed). */
  repoPath: RepoPath | undefined;
  /** Why it is not in the image; `not-on-path`: the image holds its file, in a folder not on sys.path (see `inImageAt`). */
  reason: 'not-copied' | 'ignored' | 'outside-context' | 'nowhere' | 'not-on-path';
  /** With `not-on-path`: where the image holds the module's file, and the folder that would have to be on sys.path. */
  inImageAt?: { file: ImagePath; root: ImagePath };
  /** The ignore file that hides it, when `reason` is `ignored`. */
  ignoredBy?: RepoPath;
  fix?: Fix;
  ignoredRules?: string[];
  /** The guess this finding rests on (reached only from fallback roots, under unknown content, …); makes it a warning. */
  assumption?: string;
  /** The module is named like a standard-library module: in the container Python imports that one instead. */
  stdlibShadow?: boolean;
  /**
   * The repository folder is not known to be on the image's sys.path (found from a guessed base, or outside
   * the build context): an installed distribution of that name is what Python imports, so this finding
   * stands only when no install provides the module.
   */
  unlessInstalled?: boolean;
  /**
   * An absolute import of a repository folder the image lacks entirely (no package of that name in the
   * image shadows site-packages): an installed distribution known to provide the module is what Python
   * imports then (a vendored `google/api/` beside googleapis-common-protos), so the finding is dropped
   * when one is installed. Unlike `unlessInstalled`, nothing installed leaves it standing as is.
   */
  unlessProvided?: boolean;
}

export type ServiceStatus = 'checked' | 'skipped' | 'failed';

/** Everything known about one service after modelling; rules read only this. */
export interface ServiceAnalysis {
  service: ServiceSpec;
  status: ServiceStatus;
  /** Why a service was skipped or failed (`not Python`, `excluded by config`, …). */
  reason?: string;
  image: ImageModel | undefined;
  launch: LaunchPlan | undefined;
  /** Root descriptions for output: modules and files the container starts from. */
  entrypoints: string[];
  missing: MissingModule[];
  syntaxErrors: Array<{ file: RepoPath; line: number; column: number; message?: string }>;
  unreadable: UnreadableFile[];
  /** Imports that resolve neither in the image nor in the repository (third-party or stdlib). */
  externalImports: ExternalImport[];
  /** Repository files of the import closure (what the service really runs). */
  reachedFiles: RepoPath[];
  /** Files read as text to work out the command (entry shell scripts, gunicorn.conf.py). */
  launchFiles: RepoPath[];
  /** Parsed modules of the closure, by repository path (usage-based rules read them). */
  modules: ReadonlyMap<RepoPath, ParsedModule>;
  /** Problems found before analysis (context, discovery). */
  problems: Problem[];
  /** `# dockguard: ignore[…]` comments of the Dockerfile. */
  suppressions?: Suppression[];
  /** What the image installs, compared with what the code imports (undefined until that stage ran). */
  dependencies?: DependencyAnalysis;
  /** The sys.path the import walk used, in order, each entry with why it is there (set once imports were followed). */
  sysPath?: SysPathEntry[];
  /** How the walk first reached each image file of the closure: the import that led there and its guard. */
  reachedBy?: ReadonlyMap<ImagePath, ReachTrace>;
}

/** One sys.path entry of a service and why Python has it. */
export interface SysPathEntry {
  path: ImagePath;
  /** In words: `folder of the script /app/main.py`, `PYTHONPATH`, `sys.path.insert`. */
  why: string;
  /** Where it is set, when a line says so (the ENV line, the module that inserts it). */
  file?: string;
  line?: number;
}

/**
 * How the import walk reached a file: the import (`via`) written at
 * `file:line`, from the file `parent` was reached as, and the guard or guess
 * on that whole path. A chain is read by following `parent` to a root.
 */
export interface ReachTrace {
  guard: 'import-error' | 'broad' | 'condition' | undefined;
  assumption: string | undefined;
  via: { parent: ReachTrace | undefined; file: string; line: number; module: string; namedIn?: string } | undefined;
}
