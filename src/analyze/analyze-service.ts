import path from 'node:path';
import type { BuildContext, BuildContextSpec } from '../dockerfile/build-context.js';
import { applyRunMounts } from '../dockerfile/apply-run-mounts.js';
import { applyDirectoryLinks } from '../dockerfile/apply-directory-links.js';
import { buildImageModel, type ImageModelInput } from '../dockerfile/build-image-model.js';
import { parseImageReference } from '../dockerfile/base-image.js';
import { deriveLaunch } from '../launch/derive-launch.js';
import { looksLikePythonImage } from '../launch/looks-like-python-image.js';
import { UnreadableFileError } from '../errors.js';
import { CONFIG_FILE_NAME } from '../config/load-config.js';
import { isStdlib, NEWEST_PYTHON, stdlibHasSubmodule } from '../deps/stdlib.js';
import { pythonVersionOfService } from '../deps/python-version.js';
import { analyzeDependencies, type DependencyContext } from '../deps/analyze-dependencies.js';
import type { ImageFileOrigin, ImageModel, ImagePath, Problem, RepoPath, RepoSnapshot, ServiceAnalysis, ServiceSpec } from '../types.js';
import { followImports } from './follow-imports.js';
import type { ModuleStore } from './module-store.js';
import { collectRoots } from './service-roots.js';
import { settleUnlessInstalled } from './settle-unless-installed.js';
import { INSTALLED_SITE, withInstalledProjects } from './installed-projects.js';
import { readBuildWrittenModules } from './build-written-files.js';
import { readConsoleScripts } from './read-console-scripts.js';
import { joinImagePath } from '../python/image-path.js';
import { describeSysPath } from './sys-path-entries.js';
import { findUnseenPathSources } from './unseen-path-sources.js';
import { findStartupPathFiles } from './startup-path-files.js';
import { findLocalProjectInstalls } from './local-project-installs.js';
import { findDockerfileSuppressions } from '../suppress/dockerfile-suppressions.js';

export interface AnalyzeContext {
  snapshot: RepoSnapshot;
  store: ModuleStore;
  dependencies: DependencyContext;
  loadContext: (spec: BuildContextSpec) => Promise<BuildContext>;
  /** Builds of the repository by the image name they tag (`myorg/base:latest`), for FROM lines that name them. */
  repositoryImages?: ReadonlyMap<string, ServiceSpec>;
}

/** Files larger than this are not Dockerfiles or entry scripts anyone writes by hand. */
const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * Models one service end to end: its build context and image, the command
 * the container runs, and the closure of Python imports from there.
 */
export interface ModelledService {
  analysis: ServiceAnalysis;
  context: BuildContext | undefined;
  /** False when the service was skipped or failed before its imports could be followed. */
  walkable: boolean;
}

export async function modelService(service: ServiceSpec, ctx: AnalyzeContext): Promise<ModelledService> {
  const analysis = emptyAnalysis(service);
  const text = await readText(ctx.snapshot, service.dockerfile);
  if (typeof text !== 'string') {
    analysis.status = 'failed';
    analysis.reason = `Dockerfile ${text.reason}`;
    analysis.unreadable.push({ path: service.dockerfile, reason: text.reason });
    return { analysis, context: undefined, walkable: false };
  }
  analysis.suppressions = findDockerfileSuppressions(service.dockerfile, text);
  let context: BuildContext | undefined;
  if (service.context === undefined) {
    analysis.problems.push(contextUnknownProblem(service));
  } else {
    try {
      context = await ctx.loadContext({
        context: service.context,
        dockerfile: service.dockerfile,
        gcloudUpload: service.gcloudUpload,
        ...(service.unseenInputs ? { unseenInputs: service.unseenInputs } : {}),
      });
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      // An ignore file that cannot be read: what COPY sees is unknown, so nothing can be vouched for.
      analysis.status = 'failed';
      analysis.reason = `ignore file ${error.path} ${error.reason}`;
      analysis.unreadable.push({ path: error.path as RepoPath, reason: error.reason });
      return { analysis, context: undefined, walkable: false };
    }
  }
  const bases = await loadRepositoryImages(text, service.dockerfile, ctx, 0);
  const built = buildImageModel({
    dockerfile: service.dockerfile,
    text,
    context,
    buildArgs: service.buildArgs,
    ...(service.target !== undefined ? { target: service.target } : {}),
    repositoryImage: (reference) => bases.get(imageKey(reference)),
  });
  const mounted = applyRunMounts(applyDirectoryLinks(built, ctx.snapshot, context?.root), service.mounts, ctx.snapshot);
  // Compose's working_dir is the container's cwd: what `python -m` and relative paths start from.
  const image = service.workingDir === undefined ? mounted : { ...mounted, workdir: service.workingDir };
  analysis.image = image;
  const { scripts, files: launchFiles } = await readLaunchScripts(ctx.snapshot, image, service.entrypoint);
  const projects = await readConsoleScripts(ctx.snapshot, image, async (file) => {
    const read = await readText(ctx.snapshot, file);
    return typeof read === 'string' ? read : undefined;
  });
  const launch = deriveLaunch({
    image,
    ...(service.entrypoint !== undefined ? { override: service.entrypoint } : {}),
    readImageText: (p) => scripts.get(p),
    consoleScripts: projects.scripts,
    ...(service.environment ? { environment: service.environment.values } : {}),
  });
  // A base image built from the repository is an input of this check too.
  analysis.launchFiles = [...new Set([...launchFiles, ...projects.files, ...[...bases.values()].map((b) => b.dockerfile)])];
  analysis.launch = launch;
  if (image.baseImage === undefined && image.problems.some((p) => p.rule === 'dockerfile-syntax')) {
    analysis.status = 'failed';
    analysis.reason = 'the Dockerfile could not be parsed';
    return { analysis, context, walkable: false };
  }
  // Whether the image is a Python one is a property of what was built, not of the code mounted into it.
  if (!looksLikePythonImage(built, launch)) {
    analysis.status = 'skipped';
    analysis.reason = 'not Python: the image neither uses a Python base image nor runs or installs Python';
    // Only the Dockerfile's own problems matter for an image dockguard does not analyse.
    analysis.problems = analysis.problems.filter((p) => p.rule !== 'context-unknown');
    analysis.launch = { ...launch, problems: [] };
    return { analysis, context, walkable: false };
  }
  if (context === undefined) {
    analysis.status = 'failed';
    analysis.reason = 'build context unknown';
    return { analysis, context, walkable: false };
  }
  return { analysis, context, walkable: true };
}

/** Follows the imports of a modelled service and records what its image lacks. */
export async function walkService({ analysis, context }: ModelledService, ctx: AnalyzeContext): Promise<ServiceAnalysis> {
  const { service } = analysis;
  const image = analysis.image!;
  const launch = analysis.launch!;
  const sysPath = launch.fallback && !launch.sysPath.includes(image.workdir) ? [image.workdir, ...launch.sysPath] : launch.sysPath;
  const launchRoots = collectRoots(service, image, launch);
  analysis.entrypoints = launchRoots.map((r) => r.module ?? r.imagePath ?? '').filter((r) => r !== '');
  const startup = await findStartupPathFiles(image, service.dockerfile, async (file) => {
    const read = await readText(ctx.snapshot, file);
    return typeof read === 'string' ? read : undefined;
  });
  const roots = [...launchRoots, ...startup.roots];
  if (startup.read.length > 0) analysis.launchFiles = [...new Set([...analysis.launchFiles, ...startup.read])];
  const python = pythonVersionOfService(image.baseImage, launch.programs);
  const version = python.version ?? NEWEST_PYTHON;
  // Console scripts' projects, and every local project the image's own stages install.
  const projects = [...new Set([...(launch.installedProjects ?? []), ...(await findLocalProjectInstalls(image, ctx.snapshot))])];
  const written = await readBuildWrittenModules(projects, ctx.snapshot);
  // Kept on the plan, so that `explain` looks modules up where the walk did.
  if (projects.length > 0) analysis.launch = { ...launch, installedProjects: projects, ...(written.length > 0 ? { buildWrittenModules: written } : {}) };
  const closure = await followImports({
    image: withInstalledProjects(image, projects, ctx.snapshot, written),
    context,
    snapshot: ctx.snapshot,
    store: ctx.store,
    sysPath: [...new Set([...sysPath, ...launch.sysPathTail, ...(projects.length > 0 ? [INSTALLED_SITE] : []), ...startup.entries.map((e) => e.entry)].map((entry) => joinImagePath(entry)))],
    roots,
    isStdlib: (name) => isStdlib(name, version),
    stdlibHasSubmodule: (module) => stdlibHasSubmodule(module, version),
    pythonVersion: version,
    // Only a version the image states decides a version branch: a guessed one leaves both branches optional.
    python: { version, isExact: python.outsideRange === undefined && (python.note === undefined || python.source === 'command') },
    ignoreFileLines: await countIgnoreFileLines(ctx.snapshot, context),
    unseenPathSources: [...findUnseenPathSources(image, service), ...startup.unseen],
  });
  Object.assign(analysis, {
    missing: closure.missing,
    syntaxErrors: closure.syntaxErrors,
    unreadable: closure.unreadable,
    externalImports: closure.externalImports,
    reachedFiles: closure.reachedFiles,
    modules: closure.modules,
    sysPath: describeSysPath({ sysPath: closure.sysPath, image, launch, projects, changes: closure.pathChanges, pthEntries: startup.entries, composePythonPath: service.environment?.values.PYTHONPATH !== undefined }),
    reachedBy: closure.reachedBy,
  });
  analysis.problems.push(...closure.problems);
  analysis.dependencies = await analyzeDependencies(analysis, ctx.dependencies);
  settleUnlessInstalled(analysis);
  return analysis;
}

/**
 * The repository builds a FROM line of `text` may name, loaded ahead (text
 * and context are read asynchronously, the image model is built in one
 * synchronous pass), with their own bases, a few levels deep.
 */
async function loadRepositoryImages(text: string, dockerfile: RepoPath, ctx: AnalyzeContext, depth: number): Promise<Map<string, ImageModelInput>> {
  const found = new Map<string, ImageModelInput>();
  if (!ctx.repositoryImages || ctx.repositoryImages.size === 0 || depth >= 3) return found;
  for (const [key, spec] of ctx.repositoryImages) {
    if (spec.dockerfile === dockerfile || spec.context === undefined || !text.includes(key.split(':')[0] as string)) continue;
    const baseText = await readText(ctx.snapshot, spec.dockerfile);
    if (typeof baseText !== 'string') continue;
    let context: BuildContext;
    try {
      context = await ctx.loadContext({ context: spec.context, dockerfile: spec.dockerfile, gcloudUpload: spec.gcloudUpload });
    } catch (error) {
      if (error instanceof UnreadableFileError) continue;
      throw error;
    }
    const nested = await loadRepositoryImages(baseText, spec.dockerfile, ctx, depth + 1);
    found.set(key, {
      dockerfile: spec.dockerfile, text: baseText, context, buildArgs: spec.buildArgs,
      ...(spec.target !== undefined ? { target: spec.target } : {}),
      repositoryImage: (reference) => nested.get(imageKey(reference)),
    });
  }
  return found;
}

/** `docker.io/myorg/base` and `myorg/base:latest` name one image. */
export function imageKey(reference: string): string {
  const { repository, tag } = parseImageReference(reference);
  return `${repository}:${tag}`;
}

/** Every build of the repository by the image names it tags (the first build of a name wins). */
export function indexRepositoryImages(specs: readonly ServiceSpec[]): Map<string, ServiceSpec> {
  const index = new Map<string, ServiceSpec>();
  for (const spec of specs) for (const tag of spec.tags ?? []) if (!index.has(imageKey(tag))) index.set(imageKey(tag), spec);
  return index;
}

function emptyAnalysis(service: ServiceSpec): ServiceAnalysis {
  return {
    service,
    status: 'checked',
    image: undefined,
    launch: undefined,
    entrypoints: [],
    missing: [],
    syntaxErrors: [],
    unreadable: [],
    externalImports: [],
    reachedFiles: [],
    launchFiles: [],
    modules: new Map(),
    problems: [] as Problem[],
  };
}

async function readText(snapshot: RepoSnapshot, file: RepoPath): Promise<string | { reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await snapshot.read(file);
  } catch (error) {
    if (error instanceof UnreadableFileError) return { reason: error.reason };
    throw error;
  }
  if (bytes.length > MAX_TEXT_BYTES) return { reason: `is too large to be a Dockerfile (${Math.round(bytes.length / 1024)} KiB)` };
  if (bytes.includes(0)) return { reason: 'is a binary file' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return { reason: 'is not valid UTF-8' };
  return text;
}

/** How many rounds of "a script names another script" are read (entrypoint → start → start-worker). */
const SCRIPT_ROUNDS = 4;

/**
 * Entry scripts and gunicorn config files the launch plan may need to read,
 * and which files those are: files the command names (the image's CMD,
 * ENTRYPOINT and HEALTHCHECK, or the compose `command:` that replaces CMD),
 * then the files those scripts name in turn (`/entrypoint` runs `/start`).
 */
async function readLaunchScripts(snapshot: RepoSnapshot, image: ImageModel, override: string | string[] | undefined): Promise<{ scripts: Map<ImagePath, string>; files: RepoPath[] }> {
  const commandText = [image.cmd, image.entrypoint, image.healthcheck]
    .map((c) => (c === undefined ? '' : c.form === 'exec' ? c.args.join(' ') : c.command))
    .concat(override === undefined ? [] : [Array.isArray(override) ? override.join(' ') : override])
    .join(' ');
  const files = new Set<RepoPath>();
  const scripts = new Map<ImagePath, string>();
  // The command itself is matched as text (a file name anywhere in it); what scripts name, word by word.
  let isNamed = (base: string): boolean => commandText.includes(base);
  for (let round = 0; round < SCRIPT_ROUNDS; round++) {
    const wanted = new Map<ImagePath, ImageFileOrigin>();
    for (const [imagePath, origin] of image.files) {
      if (scripts.has(imagePath)) continue;
      const base = path.posix.basename(imagePath);
      const isSupervisorConfig = /\.(conf|ini)$/.test(base) && (base.startsWith('supervisord') || imagePath.includes('supervisor'));
      const always = round === 0 && (base === 'gunicorn.conf.py' || base.endsWith('.sh') || isSupervisorConfig);
      if (!always && !isNamed(base)) continue;
      wanted.set(imagePath, origin);
    }
    const read = await Promise.all(
      [...wanted].map(async ([imagePath, origin]) => [imagePath, origin, origin.inline ?? (await readText(snapshot, origin.repoPath))] as const),
    );
    const words = new Set<string>();
    for (const [imagePath, origin, text] of read) {
      if (origin.inline === undefined) files.add(origin.repoPath);
      if (typeof text !== 'string') continue;
      scripts.set(imagePath, text);
      // Python files are read by what runs them; only scripts and configs start further programs.
      if (!imagePath.endsWith('.py')) for (const word of text.split(/[\s'"`;&|()<>=$]+/)) if (word !== '') words.add(path.posix.basename(word));
    }
    if (words.size === 0) break;
    isNamed = (base) => words.has(base);
  }
  return { scripts, files: [...files] };
}

/** Lines of each ignore file of the context, to place an exception at its end. */
export async function countIgnoreFileLines(snapshot: RepoSnapshot, context: BuildContext | undefined): Promise<Map<RepoPath, number>> {
  const counts = new Map<RepoPath, number>();
  for (const file of context?.ignoreFiles ?? []) {
    const text = await readText(snapshot, file);
    if (typeof text === 'string') counts.set(file, text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '').length);
  }
  return counts;
}

/** The config entry to add is the fix: with a candidate folder, the exact entry; without one, where it goes. */
function contextUnknownProblem(service: ServiceSpec): Problem {
  const problem: Problem = {
    rule: 'context-unknown',
    file: service.dockerfile,
    line: 0,
    message: `cannot tell which folder ${service.dockerfile} is built from: ${service.contextOrigin ?? 'no build command or compose file names it'}; add it to the config's "services"`,
  };
  if (service.contextCandidate !== undefined) {
    const entry = { dockerfile: service.dockerfile, context: service.contextCandidate === '' ? '.' : service.contextCandidate };
    problem.fix = {
      file: CONFIG_FILE_NAME,
      line: 0,
      text: JSON.stringify(entry),
      description: `add to "services" in ${CONFIG_FILE_NAME} if ${service.contextCandidate === '' ? 'the repository root' : service.contextCandidate} is the folder it is built from`,
    };
  }
  return problem;
}
