/**
 * What a developer's virtualenv says about import names: for every installed
 * distribution, the modules it really provides. Virtualenvs are git-ignored, so
 * this is the one reader that looks at the disk outside the git snapshot.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { normalizeName } from './normalize-name.js';

export interface VenvIndex {
  /** Absolute directory of the virtualenv that was read. */
  location: string;
  /** Python minors found under lib/ (`['3.11']`). */
  pythonVersions: string[];
  /** Dotted prefix of a module or regular package → normalised distributions providing it. */
  modules: ReadonlyMap<string, readonly string[]>;
  /** Dotted prefix of a namespace package → normalised distributions contributing to it. */
  namespaces: ReadonlyMap<string, readonly string[]>;
  /** Every installed distribution, normalised. */
  distributions: ReadonlySet<string>;
  /** Distribution → its `*.dist-info` / `*.egg-info` folder, for reading its requirements when asked. */
  metadataDirs: ReadonlyMap<string, string>;
}

export interface ReadVenvOptions {
  /** Virtualenv directories to try, relative to the root or absolute; default `.venv`, `venv`. */
  venvDirs?: string[];
  /** The caller's `$VIRTUAL_ENV`; used only when it lies inside the root. */
  virtualEnv?: string;
}

/** Reads the first virtualenv found; undefined when there is none. */
export async function readVenvIndex(snapshotRoot: string, options: ReadVenvOptions = {}): Promise<VenvIndex | undefined> {
  for (const dir of venvCandidates(snapshotRoot, options)) {
    const sitePackages = await findSitePackages(dir);
    if (sitePackages.length === 0) continue;
    return indexSitePackages(dir, sitePackages);
  }
  return undefined;
}

function venvCandidates(root: string, options: ReadVenvOptions): string[] {
  const dirs = (options.venvDirs ?? ['.venv', 'venv']).map((d) => path.resolve(root, d));
  if (options.virtualEnv) {
    const relative = path.relative(path.resolve(root), path.resolve(options.virtualEnv));
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) dirs.unshift(path.resolve(options.virtualEnv));
  }
  return [...new Set(dirs)];
}

async function findSitePackages(venv: string): Promise<Array<{ dir: string; version: string | undefined }>> {
  const found: Array<{ dir: string; version: string | undefined }> = [];
  for (const entry of await listDir(path.join(venv, 'lib'))) {
    const version = /^python(\d+\.\d+)$/.exec(entry)?.[1];
    if (version) found.push({ dir: path.join(venv, 'lib', entry, 'site-packages'), version });
  }
  // Windows layout: Lib/site-packages without a version segment.
  if (found.length === 0) found.push({ dir: path.join(venv, 'Lib', 'site-packages'), version: undefined });
  const existing = await Promise.all(found.map(async (f) => ((await listDir(f.dir)).length > 0 ? f : undefined)));
  return existing.filter((f) => f !== undefined);
}

async function indexSitePackages(location: string, sites: Array<{ dir: string; version: string | undefined }>): Promise<VenvIndex> {
  const modules = new Map<string, string[]>();
  const namespaces = new Map<string, string[]>();
  const distributions = new Set<string>();
  const metadataFolders = new Map<string, string>();
  for (const site of sites) {
    const entries = await listDir(site.dir);
    const metadataDirs = entries.filter((e) => e.endsWith('.dist-info') || e.endsWith('.egg-info'));
    const topLevelFiles = new Set(entries.filter((e) => MODULE_FILE.test(e)).map((e) => e.slice(0, e.indexOf('.'))));
    const read = await Promise.all(metadataDirs.map((d) => readDistribution(site.dir, d, topLevelFiles)));
    for (const [i, dist] of read.entries()) {
      distributions.add(dist.name);
      if (!metadataFolders.has(dist.name)) metadataFolders.set(dist.name, path.join(site.dir, metadataDirs[i] as string));
      for (const prefix of dist.modules) addTo(modules, prefix, dist.name);
      for (const prefix of dist.namespaces) addTo(namespaces, prefix, dist.name);
    }
  }
  const pythonVersions = sites.map((s) => s.version).filter((v) => v !== undefined);
  return { location, pythonVersions, modules, namespaces, distributions, metadataDirs: metadataFolders };
}

async function readDistribution(site: string, metadataName: string, topLevelFiles: ReadonlySet<string>) {
  const metadataDir = path.join(site, metadataName);
  // `<name>-<version>.dist-info`: the name never contains `-` (wheel escaping), so split at the first one.
  const name = normalizeName(metadataName.replace(/\.(dist|egg)-info$/, '').split('-')[0] as string);
  const topLevel = await readOptional(path.join(metadataDir, 'top_level.txt'));
  // RECORD can run to tens of thousands of lines; when every top-level name is a plain module
  // or a regular package on disk, it cannot tell more, so it is not read.
  const names = (topLevel ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (names.length > 0 && (await allRegular(site, names, topLevelFiles))) return { name, modules: names, namespaces: [] };
  const [record, installedFiles] = await Promise.all([
    readOptional(path.join(metadataDir, 'RECORD')),
    readOptional(path.join(metadataDir, 'installed-files.txt')),
  ]);
  // egg-info lists files relative to itself (`../yaml/__init__.py`).
  const files = record ?? (installedFiles ?? '').replace(/^\.\.\//gm, '');
  return { name, ...providedModules(files, topLevel ?? '') };
}

async function allRegular(site: string, names: string[], topLevelFiles: ReadonlySet<string>): Promise<boolean> {
  const regular = await Promise.all(
    names.map(async (n) => IDENTIFIER.test(n) && (topLevelFiles.has(n) || (await exists(path.join(site, n, '__init__.py'))))),
  );
  return regular.every(Boolean);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MODULE_FILE = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.[^.]+)*\.(?:py|so|pyd)$/;

/**
 * Dotted prefixes a distribution provides, from its RECORD (like importlib.metadata's
 * packages_distributions, but keeping namespace depth): `google/cloud/storage/__init__.py`
 * gives module `google.cloud.storage` and namespaces `google`, `google.cloud`.
 * top_level.txt only adds names RECORD did not explain (it says `google` for namespaces).
 */
export function providedModules(record: string, topLevel: string): { modules: string[]; namespaces: string[] } {
  const files = record.split(/\r?\n/).map(firstCsvField).filter((f) => f !== '' && !f.startsWith('/'));
  const packageDirs = new Set(files.filter((f) => /(^|\/)__init__\.[^/]+$/.test(f)).map((f) => f.slice(0, f.lastIndexOf('/'))));
  const modules = new Set<string>();
  const namespaces = new Set<string>();
  // RECORDs run to tens of thousands of lines, nearly all inside a few packages: settle each directory once.
  const settled = new Map<string, Settled>();
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    const dir = slash === -1 ? '' : file.slice(0, slash);
    let place = settled.get(dir);
    if (place === undefined) settled.set(dir, (place = settleDirectory(dir, packageDirs)));
    if (place.kind === 'unreachable') continue;
    if (place.kind === 'package') {
      modules.add(place.name);
    } else {
      const stem = MODULE_FILE.exec(file.slice(slash + 1))?.[1];
      if (stem === undefined || stem === '__init__') continue;
      modules.add(dir === '' ? stem : `${dir.replace(/\//g, '.')}.${stem}`);
    }
    for (const namespace of place.namespaces) namespaces.add(namespace);
  }
  const explained = new Set([...modules, ...namespaces].map((m) => m.split('.')[0]));
  for (const name of topLevel.split(/\r?\n/).map((l) => l.trim().replace(/\//g, '.'))) {
    if (name !== '' && !explained.has(name.split('.')[0] as string)) modules.add(name);
  }
  return { modules: [...modules].sort(), namespaces: [...namespaces].sort() };
}

type Settled =
  | { kind: 'package'; name: string; namespaces: string[] }
  | { kind: 'namespace'; namespaces: string[] }
  | { kind: 'unreachable' };

/**
 * Where files of `dir` live for imports: inside a regular package (its dotted name), directly
 * in namespace directories or the top level (each file is its own module), or nowhere an
 * import can reach (`../bin`, `foo.dist-info`, `__pycache__`).
 */
function settleDirectory(dir: string, packageDirs: ReadonlySet<string>): Settled {
  if (dir === '') return { kind: 'namespace', namespaces: [] };
  const segments = dir.split('/');
  if (!segments.every((s) => IDENTIFIER.test(s) && s !== '__pycache__')) return { kind: 'unreachable' };
  const namespaces: string[] = [];
  for (let depth = 1; depth <= segments.length; depth++) {
    const prefix = segments.slice(0, depth);
    if (packageDirs.has(prefix.join('/'))) return { kind: 'package', name: prefix.join('.'), namespaces };
    namespaces.push(prefix.join('.'));
  }
  return { kind: 'namespace', namespaces };
}

/** RECORD is CSV; a path holding a comma is quoted with doubled inner quotes. */
function firstCsvField(line: string): string {
  if (!line.startsWith('"')) {
    const comma = line.indexOf(',');
    return (comma === -1 ? line : line.slice(0, comma)).trim();
  }
  const match = /^"((?:[^"]|"")*)"/.exec(line);
  return match ? (match[1] as string).replace(/""/g, '"') : '';
}
