import type { DockguardConfig } from '../config/schema.js';
import type { ImageModel, RepoSnapshot, ServiceAnalysis } from '../types.js';
import { expandExternalImports } from './check/expand-external-imports.js';
import { findImplicitNeeds, toImplicitRules } from './check/find-implicit-needs.js';
import { findLockIssues } from './check/find-lock-issues.js';
import { findMissingPackages } from './check/find-missing-packages.js';
import { findMissingPrograms } from './check/find-missing-programs.js';
import { findSystemNeeds, toSystemRules } from './check/find-system-needs.js';
import { createSnapshotReader } from './create-snapshot-reader.js';
import type { DependencyAnalysis } from './dependency-analysis.js';
import { createDistributionMap, type DistributionMap } from './distribution-map.js';
import { collectInstalled } from './installed/collect-installed.js';
import { DependencyFileCache } from './installed/dependency-file-cache.js';
import { pythonVersionOfService, type ImagePythonVersion } from './python-version.js';
import { IMPLICIT_PACKAGE_RULES, type SystemPackageRule } from './usage-rules.js';
import { ImplicitRuleIndex } from './check/implicit-rule-index.js';
import { readVenvIndex, type VenvIndex } from './venv-metadata.js';
import { closeInstalled, EMPTY_CLOSURE } from './knowledge/close-installed.js';
import { createDependencyKnowledge, type DependencyKnowledge } from './knowledge/dependency-knowledge.js';
import { readRepositoryKnowledge } from './knowledge/read-repository-knowledge.js';
import { readVenvKnowledge } from './knowledge/read-venv-knowledge.js';

/** Shared by every service of one run: dependency files are read and parsed once, rules merged once. */
export interface DependencyContext {
  snapshot: RepoSnapshot;
  config: DockguardConfig;
  files: DependencyFileCache;
  map: DistributionMap;
  implicitRules: ImplicitRuleIndex;
  systemRules: readonly SystemPackageRule[];
  /** What distributions require: read once, on the first image that resolves dependencies. */
  knowledge(pythonVersion: string): Promise<DependencyKnowledge>;
}

export async function createDependencyContext(
  snapshot: RepoSnapshot,
  config: DockguardConfig,
  options: { virtualEnv?: string | undefined },
): Promise<DependencyContext> {
  const venv = await readVenvIndex(snapshot.root, options.virtualEnv !== undefined ? { virtualEnv: options.virtualEnv } : {});
  const files = new DependencyFileCache(createSnapshotReader(snapshot));
  let knowledge: Promise<DependencyKnowledge> | undefined;
  return {
    snapshot,
    config,
    files,
    knowledge: (pythonVersion) => (knowledge ??= readKnowledge(snapshot, files, venv, pythonVersion)),
    map: createDistributionMap({ packageMap: config.packageMap, ...(venv ? { venv } : {}) }),
    implicitRules: new ImplicitRuleIndex([...IMPLICIT_PACKAGE_RULES, ...toImplicitRules(config.implicitPackages)]),
    systemRules: toSystemRules(config.systemPackages),
  };
}

async function readKnowledge(snapshot: RepoSnapshot, files: DependencyFileCache, venv: VenvIndex | undefined, pythonVersion: string): Promise<DependencyKnowledge> {
  const [repository, fromVenv] = await Promise.all([
    readRepositoryKnowledge(snapshot, files, pythonVersion),
    venv ? readVenvKnowledge(venv, pythonVersion) : undefined,
  ]);
  return createDependencyKnowledge({ repository, ...(fromVenv ? { venv: fromVenv } : {}) });
}

/**
 * What the image installs against what the code imports and how it uses
 * it. Every decision of the DG1xx rules is made here; a requirements file
 * missing from the image when it is installed is also recorded on the
 * service's problems, where copy-source-missing (DG002) reads it.
 */
export async function analyzeDependencies(analysis: ServiceAnalysis, ctx: DependencyContext): Promise<DependencyAnalysis> {
  const pythonVersion = pythonVersionOfService(analysis.image?.baseImage, analysis.launch?.programs);
  const result: DependencyAnalysis = {
    pythonVersion, installs: [], installed: [], resolving: [], opaque: [], incomplete: [], checks: [], missingPackages: [], implicitNeeds: [],
    missingPrograms: [], systemNeeds: [], lockDrift: [], unlockedInstalls: [], transitiveOnly: [], problems: [],
  };
  const image = analysis.image;
  if (image === undefined || analysis.status !== 'checked') return result;
  const version = pythonVersion.version;
  const { set, problems } = await collectInstalled({ image, snapshot: ctx.snapshot, files: ctx.files, config: ctx.config, pythonVersion: version });
  analysis.problems.push(...problems.filter((p) => p.rule === 'copy-source-missing'));
  result.problems = problems.filter((p) => p.rule !== 'copy-source-missing');
  const resolving = set.names().filter((name) => set.entriesOf(name).some((e) => e.pullsDependencies && e.via !== 'project'));
  const closure = resolving.length > 0 ? closeInstalled(set, await ctx.knowledge(version)) : EMPTY_CLOSURE;
  const guess = versionGuess(pythonVersion, image);
  const packages = findMissingPackages(expandExternalImports(analysis, ctx.map), { set, closure }, ctx.map, { version, ...(guess !== undefined ? { guess } : {}) }, image);
  const locks = await findLockIssues(set, image, ctx.snapshot, ctx.files, version);
  return {
    ...result,
    installs: set.installs,
    installed: set.names(),
    installedFrom: set.names().flatMap((name) => set.entriesOf(name).map((e) => ({ distribution: name, file: e.file, line: e.line, via: e.via }))),
    resolving,
    opaque: [...closure.opaque],
    incomplete: set.incomplete,
    checks: packages.checks,
    missingPackages: packages.missing,
    transitiveOnly: packages.transitiveOnly,
    implicitNeeds: findImplicitNeeds(analysis, ctx.implicitRules, { set, closure }, image),
    missingPrograms: findMissingPrograms(analysis, { set, closure }, image),
    systemNeeds: findSystemNeeds(set, image, ctx.systemRules, new Set(packages.checks.flatMap((c) => (c.installedAs !== undefined ? [c.installedAs] : [])))),
    lockDrift: locks.drift,
    unlockedInstalls: locks.unlocked,
    scripts: [...set.scripts],
    providedModules: analysis.missing
      .filter((m) => m.unlessProvided)
      .map((m) => m.module)
      .filter((module) => ctx.map.candidatesFor(module).some((c) => !c.isGuess && (set.has(c.distribution) || closure.pulledInBy.has(c.distribution)))),
  };
}

/** `apt-get install python3.12` (deadsnakes), `uv python install`, `pyenv install`: a Python besides the distribution's own. */
const INSTALLS_ANOTHER_PYTHON = /\bpython3\.\d+\b|\buv\s+python\s+install\b|\bpyenv\s+install\b|\bconda\b|\bmamba\b/;

/** `uv venv --python 3.12`, `uv sync -p 3.12`, `uv python install 3.12`: the version asked for, when the command names one. */
const UV_PYTHON = /\buv\s+(?:venv|sync|run|pip\s+\w+)\b[^;&|\n]*?\s(?:--python|-p)(?:=|\s+)(?:python|cpython-?)?(\S+)|\buv\s+python\s+install\b(?:\s+-\S+)*(?:\s+(?:cpython-?)?(\d\S*))?/;

/**
 * On an official python image, a Python uv puts in the image (`uv venv
 * --python 3.12`, `uv python install`, or `uv sync`/`uv venv` honouring a
 * copied `.python-version`) may be the one the container runs: the base
 * image's version is then a guess, unless uv asks for that same minor.
 */
function uvManagedPython(base: string, image: ImageModel): string | undefined {
  for (const run of image.runs) {
    const match = UV_PYTHON.exec(run.command);
    const pinned = /\buv\s+(?:venv|sync)\b/.test(run.command) && [...image.files.keys()].some((file) => file.endsWith('/.python-version'));
    if (!match && !pinned) continue;
    const asked = match?.[1] ?? match?.[2];
    const minor = asked === undefined ? undefined : /^(\d+\.\d+)/.exec(asked)?.[1];
    if (minor === base) continue;
    const what = match ? `\`${match[0].trim()}\`` : 'uv with a .python-version file';
    return `line ${run.line} runs ${what}, which puts ${minor !== undefined ? `Python ${minor}` : 'a Python of its own'} in the image beside the base image's ${base}`;
  }
  return undefined;
}

/**
 * Why the Python version the standard library is checked against is a
 * guess, or undefined when the image says it plainly: an official python
 * tag, a command naming its version, or a distribution's python3 in an image
 * that installs no other. A version outside the supported range is checked
 * as the nearest one, a guess too.
 */
function versionGuess(python: ImagePythonVersion, image: ImageModel): string | undefined {
  if (python.source === 'base-image' && python.note === undefined) return uvManagedPython(python.version, image);
  if (python.note === undefined || python.source === 'command') return undefined;
  if (python.source === 'default' || python.outsideRange !== undefined) return python.note;
  return image.runs.some((run) => INSTALLS_ANOTHER_PYTHON.test(run.command)) ? `${python.note}, and the image installs another Python too` : undefined;
}
