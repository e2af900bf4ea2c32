import path from 'node:path';
import { loadBuildTimeInputs } from '../discover/build-time-inputs.js';
import { asRepoPath, type RepoPath, type RepoSnapshot, type UnseenInput } from '../types.js';
import { createIgnoreMatcher, parseIgnoreFile, type IgnoreMatcher } from './dockerignore.js';
import { createGcloudIgnoreMatcher, listGcloudIncludes, parseGcloudIgnore } from './gcloudignore.js';

export interface BuildContext {
  root: RepoPath;
  /** Context-relative files visible after ignore rules. */
  files: ReadonlySet<string>;
  /** Context-relative directories holding visible files; `''` is the root. */
  dirs: ReadonlySet<string>;
  /** Context-relative files hidden by an ignore file. */
  excluded: ReadonlySet<string>;
  /** For each excluded file, the ignore file that hides it. */
  excludedBy: ReadonlyMap<string, RepoPath>;
  /** The ignore files applied, in the order they filter. */
  ignoreFiles: RepoPath[];
  /**
   * Why a context path the repository lacks is sent all the same (gitignored,
   * made by a build step, a submodule); undefined when nothing says it is or
   * an ignore file hides it.
   */
  unseenReason(key: string): string | undefined;
  /** Context keys of the inputs build steps make, for a COPY of a folder that holds them. */
  unseenKeys: readonly string[];
}

export interface BuildContextSpec {
  context: RepoPath;
  dockerfile: RepoPath;
  /** Uploaded by gcloud first: `<context>/.gcloudignore` filters too. */
  gcloudUpload: boolean;
  /** Paths that build steps make before this build (see ServiceSpec.unseenInputs). */
  unseenInputs?: readonly UnseenInput[];
}

/**
 * The files `docker build` would see. BuildKit reads
 * `<Dockerfile>.dockerignore` next to the Dockerfile instead of
 * `<context>/.dockerignore` when it exists; a gcloud upload filters by
 * `.gcloudignore` before Docker sees anything.
 */
export async function loadBuildContext(snapshot: RepoSnapshot, spec: BuildContextSpec): Promise<BuildContext> {
  const filters: Array<{ file: RepoPath; matcher: IgnoreMatcher }> = [];
  if (spec.gcloudUpload) {
    const file = joinRepo(spec.context, '.gcloudignore');
    if (snapshot.files.has(file)) filters.push({ file, matcher: await loadGcloudIgnore(snapshot, spec.context, file) });
  }
  const dockerignore = pickDockerignore(snapshot, spec);
  if (dockerignore) {
    const text = (await snapshot.read(dockerignore)).toString('utf8');
    filters.push({ file: dockerignore, matcher: createIgnoreMatcher(parseIgnoreFile(text)) });
  }

  const prefix = spec.context === '' ? '' : spec.context + '/';
  const files = new Set<string>();
  const dirs = new Set<string>(['']);
  const excludedBy = new Map<string, RepoPath>();
  for (const repoFile of snapshot.files) {
    if (!repoFile.startsWith(prefix)) continue;
    const rel = repoFile.slice(prefix.length);
    const hiddenBy = filters.find((f) => f.matcher.isExcluded(rel, false));
    if (hiddenBy) {
      excludedBy.set(rel, hiddenBy.file);
      continue;
    }
    files.add(rel);
    addParentDirs(dirs, rel);
  }
  const buildTime = await loadBuildTimeInputs(snapshot);
  const made = (spec.unseenInputs ?? []).filter((input) => input.path === spec.context || input.path.startsWith(prefix));
  const unseenReason = (key: string): string | undefined => {
    if (files.has(key) || dirs.has(key) || filters.some((f) => f.matcher.isExcluded(key, false))) return undefined;
    const repoPath = asRepoPath(prefix + key);
    const step = made.find((input) => repoPath === input.path || repoPath.startsWith(`${input.path}/`));
    return step?.reason ?? buildTime.reasonFor(repoPath);
  };
  return {
    root: spec.context,
    files,
    dirs,
    excluded: new Set(excludedBy.keys()),
    excludedBy,
    ignoreFiles: filters.map((f) => f.file),
    unseenReason,
    unseenKeys: made.map((input) => input.path.slice(prefix.length)).filter((key) => key !== '' && unseenReason(key) !== undefined),
  };
}

/**
 * `loadBuildContext` shared by every service of one run: services built from
 * the same folder with the same ignore files see the same context, and
 * filtering a large repository through ignore patterns is worth doing once.
 */
export function createBuildContextLoader(snapshot: RepoSnapshot): (spec: BuildContextSpec) => Promise<BuildContext> {
  const loaded = new Map<string, Promise<BuildContext>>();
  return (spec) => {
    const made = (spec.unseenInputs ?? []).map((input) => input.path).join('\0');
    const key = `${spec.context}\0${pickDockerignore(snapshot, spec) ?? ''}\0${spec.gcloudUpload}\0${made}`;
    let context = loaded.get(key);
    if (!context) {
      context = loadBuildContext(snapshot, spec);
      loaded.set(key, context);
    }
    return context;
  };
}

function pickDockerignore(snapshot: RepoSnapshot, spec: BuildContextSpec): RepoPath | undefined {
  const besideDockerfile = asRepoPath(spec.dockerfile + '.dockerignore');
  if (snapshot.files.has(besideDockerfile)) return besideDockerfile;
  const inContext = joinRepo(spec.context, '.dockerignore');
  return snapshot.files.has(inContext) ? inContext : undefined;
}

async function loadGcloudIgnore(snapshot: RepoSnapshot, context: RepoPath, file: RepoPath): Promise<IgnoreMatcher> {
  const text = (await snapshot.read(file)).toString('utf8');
  const included = new Map<string, string>();
  for (const name of listGcloudIncludes(text)) {
    const target = joinRepo(context, name);
    if (snapshot.files.has(target)) included.set(name, (await snapshot.read(target)).toString('utf8'));
  }
  return createGcloudIgnoreMatcher(parseGcloudIgnore(text, (name) => included.get(name), file));
}

function joinRepo(dir: RepoPath, name: string): RepoPath {
  return asRepoPath(dir === '' ? path.posix.normalize(name) : path.posix.join(dir, name));
}

function addParentDirs(dirs: Set<string>, file: string): void {
  for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
    const dir = file.slice(0, slash);
    if (dirs.has(dir)) return;
    dirs.add(dir);
  }
}
