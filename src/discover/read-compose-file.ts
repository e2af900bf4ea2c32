import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { resolveYamlAliases } from './resolve-yaml-aliases.js';
import path from 'node:path';
import type { RepoPath, RepoSnapshot, RunMount, ServiceEnvironment } from '../types.js';
import type { BuildInvocation } from './build-invocation.js';
import { contextNotFound, dockerfileNotFound, unreadableFile } from './discovery-problems.js';
import { readComposeMounts, type ComposeMount } from './read-compose-mounts.js';
import { joinRepoPath, parentDir } from './repo-path.js';
import type { ScanResult } from './scan-text-script.js';
import { shellWords } from './shell-words.js';

/** A compose file as discovery needs it: the `build:` of each service, paths as written. Plain data, so it can be cached by blob id. */
export interface ComposeBuilds {
  /** The first YAML error, when the file does not parse. */
  error?: { line: number; message: string };
  builds: Array<ComposeBuild & { name: string; line: number; entrypoint?: string | string[]; mounts?: ComposeMount[]; environment?: ComposeEnvironment; workingDir?: string }>;
}

/**
 * Reads the `build:` of every compose service: context relative to the
 * compose file's folder, dockerfile relative to the context, `args`,
 * `target`, and `command`/`entrypoint` as the launch override.
 */
export function readComposeFile(text: string, file: RepoPath, snapshot: RepoSnapshot, parsed: ComposeBuilds = parseComposeBuilds(text)): ScanResult {
  const result: ScanResult = { invocations: [], problems: [] };
  if (parsed.error) {
    result.problems.push(unreadableFile(file, parsed.error.line, parsed.error.message));
    return result;
  }
  for (const build of parsed.builds) {
    const context = joinRepoPath(parentDir(file), build.context);
    const dockerfile = context === undefined ? undefined : joinRepoPath(context, build.dockerfile);
    if (context === undefined || dockerfile === undefined) continue;
    if (!snapshot.files.has(dockerfile)) result.problems.push(dockerfileNotFound(file, build.line, dockerfile));
    else if (!snapshot.dirs.has(context)) result.problems.push(contextNotFound(file, build.line, dockerfile, context));
    else result.invocations.push(toInvocation({ ...build, file, context, dockerfile }, snapshot));
  }
  return result;
}

/** Parses the YAML (the slow part: ~10-50 ms for a compose file of 30 services) into `ComposeBuilds`. */
export function parseComposeBuilds(text: string): ComposeBuilds {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const error = doc.errors[0];
  if (error) return { error: { line: error.linePos?.[0]?.line ?? 0, message: error.message.split('\n')[0] ?? '' }, builds: [] };
  resolveYamlAliases(doc);
  const builds: ComposeBuilds['builds'] = [];
  const services = doc.get('services');
  if (!isMap(services)) return { builds };
  for (const pair of services.items) {
    const service = pair.value;
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isMap(service) || !service.has('build')) continue;
    const buildKey = service.items.find((item) => isScalar(item.key) && item.key.value === 'build')?.key as Node | undefined;
    const line = lineCounter.linePos(buildKey?.range?.[0] ?? 0).line;
    const build = readBuild(service.get('build'));
    if (!build) continue;
    const entrypoint = readOverride(service);
    const imageText = scalarText(service.get('image'));
    const image = imageText === undefined ? undefined : interpolate(imageText);
    const mounts = readComposeMounts(service.get('volumes'), interpolate);
    const environment = readEnvironment(service);
    const workingDir = readWorkingDir(service);
    builds.push({
      ...build, name, line,
      ...(entrypoint !== undefined ? { entrypoint } : {}), ...(image !== undefined ? { image } : {}), ...(mounts.length > 0 ? { mounts } : {}), ...(environment ? { environment } : {}),
      ...(workingDir !== undefined ? { workingDir } : {}),
    });
  }
  return { builds };
}

export interface ComposeBuild {
  context: string;
  dockerfile: string;
  target?: string;
  args: Record<string, string>;
  /** The service's `image:`: the name compose tags the build with. */
  image?: string;
}

/** `build: ./dir` or `build: { context, dockerfile, args, target }`; undefined when a path is not static. */
function readBuild(build: unknown): ComposeBuild | undefined {
  if (typeof build === 'string') {
    const context = interpolate(build);
    return context === undefined ? undefined : { context, dockerfile: 'Dockerfile', args: {} };
  }
  if (!isMap(build) || build.has('dockerfile_inline')) return undefined;
  const context = interpolate(scalarText(build.get('context')) ?? '.');
  const dockerfile = interpolate(scalarText(build.get('dockerfile')) ?? 'Dockerfile');
  if (context === undefined || dockerfile === undefined || /^[a-z]+:\/\/|^git@/.test(context)) return undefined;
  const out: ComposeBuild = { context, dockerfile, args: readArgs(build.get('args')) };
  const target = interpolate(scalarText(build.get('target')) ?? '');
  if (target) out.target = target;
  return out;
}

function readArgs(args: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (key: string, raw: string | undefined): void => {
    const value = raw === undefined ? undefined : interpolate(raw);
    // An arg without a value comes from the caller's environment: unknown here.
    if (value !== undefined) out[key] = value;
  };
  forEachEntry(args, add);
  return out;
}

/** Compose's two spellings of a mapping (`args:`, `environment:`): `{ KEY: value }` or `[KEY=value, KEY]` (a bare KEY has no value here). */
function forEachEntry(node: unknown, visit: (key: string, raw: string | undefined) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) if (isScalar(pair.key)) visit(String(pair.key.value), scalarText(pair.value));
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const text = scalarText(item) ?? '';
      const eq = text.indexOf('=');
      visit(eq > 0 ? text.slice(0, eq) : text, eq > 0 ? text.slice(eq + 1) : undefined);
    }
  }
}

function toInvocation(found: ComposeBuilds['builds'][number] & { file: RepoPath; context: RepoPath; dockerfile: RepoPath }, snapshot: RepoSnapshot): BuildInvocation {
  const invocation: BuildInvocation = {
    dockerfile: found.dockerfile,
    context: found.context,
    source: 'compose',
    origin: `${found.file}:${found.line}`,
    name: found.name,
    buildArgs: found.args,
    gcloudUpload: false,
  };
  if (found.target !== undefined) invocation.target = found.target;
  if (found.entrypoint !== undefined) invocation.entrypoint = found.entrypoint;
  if (found.environment !== undefined) invocation.environment = found.environment;
  if (found.workingDir !== undefined) invocation.workingDir = found.workingDir;
  if (found.image !== undefined && !found.image.includes('$')) invocation.tags = [found.image];
  const mounts = toRunMounts(found.file, found.mounts ?? [], snapshot);
  if (mounts.length > 0) invocation.mounts = mounts;
  return invocation;
}

/** Mounts whose source is a folder or file of the repository, as repository paths (sources relative to the compose file). */
function toRunMounts(file: RepoPath, mounts: ComposeMount[], snapshot: RepoSnapshot): RunMount[] {
  const out: RunMount[] = [];
  for (const mount of mounts) {
    const repoPath = joinRepoPath(parentDir(file), mount.source);
    if (repoPath === undefined || !(snapshot.dirs.has(repoPath) || snapshot.files.has(repoPath))) continue;
    out.push({ repoPath, target: path.posix.normalize(mount.target).replace(/(.)\/$/, '$1') });
  }
  return out;
}

/**
 * The container's PYTHONPATH (and DJANGO_SETTINGS_MODULE) as a compose service sets it (`environment:`,
 * as a map or a list), or why it may hold what dockguard cannot read: an
 * `env_file` (often untracked, never read) or a value taken from the
 * caller's shell.
 */
export type ComposeEnvironment = ServiceEnvironment;

function readEnvironment(service: YAMLMap): ComposeEnvironment | undefined {
  const values: Record<string, string> = {};
  let pythonPathUnknown: string | undefined;
  const add = (key: string, raw: string | undefined): void => {
    // Of the container's variables, only PYTHONPATH and Django's settings module change what the analysis
    // finds; keeping the others would split one build into variants that give the same result.
    if (key !== 'PYTHONPATH' && key !== 'DJANGO_SETTINGS_MODULE') return;
    const value = raw === undefined ? undefined : interpolate(raw);
    if (value !== undefined) values[key] = value;
    // A settings module dockguard cannot read is left out: the setdefault a module makes is then a guess, as without compose.
    else if (key === 'DJANGO_SETTINGS_MODULE') return;
    else pythonPathUnknown = raw === undefined ? 'PYTHONPATH, passed from the shell that runs compose' : `PYTHONPATH=${raw}`;
  };
  forEachEntry(service.get('environment'), add);
  const envFile = service.get('env_file');
  const files = (isSeq(envFile) ? envFile.items : envFile === undefined ? [] : [envFile]).map((f) => (isMap(f) ? scalarText(f.get('path')) : scalarText(f))).filter((f) => f !== undefined);
  // `environment:` wins over env_file, so an explicit PYTHONPATH is the one the container gets.
  if (files.length > 0 && values.PYTHONPATH === undefined && pythonPathUnknown === undefined) pythonPathUnknown = `env_file ${files.join(', ')}, which may set PYTHONPATH`;
  if (Object.keys(values).length === 0 && pythonPathUnknown === undefined) return undefined;
  return { values, ...(pythonPathUnknown !== undefined ? { pythonPathUnknown } : {}) };
}

/**
 * `working_dir:`, the container's working directory in place of the image's
 * WORKDIR: the folder `python -m` and `celery -A` put first on sys.path.
 * Docker refuses a relative one, so only an absolute, static path counts.
 */
function readWorkingDir(service: YAMLMap): string | undefined {
  const raw = scalarText(service.get('working_dir'));
  const value = raw === undefined ? undefined : interpolate(raw);
  if (value === undefined || !value.startsWith('/')) return undefined;
  return path.posix.normalize(value).replace(/(.)\/$/, '$1');
}

/** The launch a service's `entrypoint`/`command` give, if any. */
function readOverride(service: YAMLMap): string | string[] | undefined {
  const entrypoint = readLaunch(service.get('entrypoint'));
  const command = readLaunch(service.get('command'));
  // Compose's entrypoint replaces the image's and drops its CMD; command is appended to it.
  if (entrypoint !== undefined) return [...toArgv(entrypoint), ...(command ? toArgv(command) : [])];
  return command;
}

function readLaunch(value: unknown): string | string[] | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (isSeq(value)) return value.items.map((item) => scalarText(item) ?? '');
  return undefined;
}

function toArgv(command: string | string[]): string[] {
  return typeof command === 'string' ? (shellWords(command)[0] ?? []) : command;
}

function scalarText(value: unknown): string | undefined {
  const raw = isScalar(value) ? value.value : value;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** Compose interpolation: `${VAR:-default}` gives its default; any other variable is unknown. */
function interpolate(text: string): string | undefined {
  const out = text
    .replace(/\$\{\w+:?-([^}]*)\}/g, '$1')
    .replace(/\$\$/g, '\u0000');
  return /\$/.test(out) ? undefined : out.replace(/\u0000/g, '$');
}
