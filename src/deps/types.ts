/**
 * Shapes of the dependency side: what a requirements file, a pyproject or a
 * lock file declares. No logic lives here.
 */
import type { Problem, RepoPath } from '../types.js';

/** The image the markers are evaluated for: always Linux/x86_64 CPython unless told otherwise. */
export interface MarkerEnv {
  /** Python minor of the image, `'3.11'`; a full `'3.11.9'` is accepted too. */
  pythonVersion: string;
  /** Extras asked for (`extra == "x"` is false for every other name). */
  extras?: string[];
  /** PEP 751 `dependency_groups` asked for. */
  dependencyGroups?: string[];
  /** `platform_machine`; `x86_64` when absent. */
  machine?: string;
  /** Values for `${VAR}` in requirements files (the RUN's environment). */
  vars?: Record<string, string>;
}

export type RequirementKind = 'registry' | 'url' | 'vcs' | 'path' | 'editable';

/** One declared or locked distribution. */
export interface Requirement {
  /** PEP 503-normalised; `''` when only a build could tell (a bare URL or a local directory). */
  name: string;
  rawName: string;
  /** `''` when none; `'==1.2.3'` for pins and every lock entry. */
  specifier: string;
  extras: string[];
  /** Raw marker text. */
  marker?: string;
  /** Evaluated for the image; undefined = could not evaluate. */
  markerResult: boolean | undefined;
  source: { file: RepoPath; line: number };
  kind: RequirementKind;
  /** Declared directly (requirements/pyproject) vs only transitive in a lock. */
  direct: boolean;
  /** URL, VCS URL or local path as written, for every kind but `registry`. */
  url?: string;
  /** Lock files: groups / categories the package belongs to (`main`, `dev`, `default`, `extra:x` …). */
  groups?: string[];
  /** Lock files: normalised names this package depends on, when the lock records edges. */
  dependsOn?: string[];
}

export type DependencyFormat = 'requirements' | 'pyproject' | 'poetry-lock' | 'uv-lock' | 'pipfile-lock' | 'pylock';

export interface DependencyFile {
  path: RepoPath;
  format: DependencyFormat;
  requirements: Requirement[];
  /** Every other file this one pulled in (`-r`, `-c`, setuptools dynamic `file=`), transitively. */
  includes: RepoPath[];
  /** From `-c` files: bound versions, never installed. */
  constraints: Requirement[];
  problems: Problem[];
}

/** A pyproject.toml: `requirements` are the main dependencies (PEP 621, or Poetry's main group). */
export interface PyprojectFile extends DependencyFile {
  format: 'pyproject';
  projectName: string | undefined;
  /** Optional dependencies per extra: installed only when the extra is asked for. */
  extras: Record<string, Requirement[]>;
  /** PEP 735 groups and Poetry groups (legacy dev-dependencies land in `dev`). */
  groups: Record<string, Requirement[]>;
  /** Poetry groups declared `optional = true` (not installed by a plain `poetry install`). */
  optionalGroups: string[];
  hasBuildSystem: boolean;
  /** Whether a [project] or [tool.poetry] table declares the project: without one, setuptools reads setup.py/setup.cfg. */
  declaresMetadata: boolean;
  /** `[build-system] build-backend`, when set. */
  buildBackend: string | undefined;
  /** `[tool.uv] package`, when set. */
  uvPackage: boolean | undefined;
  /** `[tool.uv] default-groups` (normalised names, or `all`): the groups `uv sync` takes without flags; `dev` when unset. */
  uvDefaultGroups: string[] | 'all' | undefined;
  /** `[tool.poetry] package-mode`, when set. */
  poetryPackageMode: boolean | undefined;
  /** `dynamic` lists `dependencies`: they live elsewhere (see `includes`). */
  dynamicDependencies: boolean;
  requiresPython: string | undefined;
}

/** Reads a repository file as text; undefined when it does not exist. */
export type TextReader = (path: RepoPath) => Promise<string | undefined>;
