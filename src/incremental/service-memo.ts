import { createHash } from 'node:crypto';
import type { ContentCache } from '../cache/open-cache.js';
import type { RepoPath, RepoSnapshot, ServiceAnalysis, ServiceSpec } from '../types.js';
import { isAtOrBelow } from '../discover/repo-path.js';

/**
 * What a service's last full check depended on: every input file with its
 * content id (Dockerfile, ignore files, entry scripts, the Python files of its
 * import closure, dependency files), and the folders its image copies whole.
 * When that check found no error, each plain Python module of the closure
 * also carries the fingerprint of what the analysis read from it, so a later
 * edit that leaves that unchanged (a function body) cannot make the service
 * look affected.
 */
export interface ServiceMemo {
  /** File → its content id (abbreviated; '' when absent), then `' ' + fingerprint` when one was recorded. */
  inputs: Record<string, string>;
  copiedDirs: string[];
  /** Whether that check found no error. Only a clean check can vouch for a later commit (see `isUnaffected`). */
  clean: boolean;
}

/** The commit's changes, split by whether they can change which files exist. */
export interface StagedPaths {
  /** Every staged path. */
  all: ReadonlySet<RepoPath>;
  /** Added, deleted, renamed or copied paths: they can change what an import resolves to. */
  structural: readonly RepoPath[];
}

/** The fingerprint of a file as the commit has it (see `fingerprintModule`); undefined when it cannot be parsed. */
export type CurrentFingerprint = (file: RepoPath) => Promise<string | undefined>;

/** Memos are large (an id per input file): spread by the first hex digit of the key, a check reads the sixteenth holding the services it needs. */
const namespaceOf = (key: string): string => `service-inputs-${key[0]}`;
const DEPENDENCY_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|Pipfile(\.lock)?|[^/]*\.lock|pylock[^/]*\.toml)$/;

/** One memo per service, config and tool version: any of them changing starts afresh. */
export function serviceMemoKey(spec: ServiceSpec, configFingerprint: string): string {
  return createHash('sha1').update(configFingerprint).update('\0').update(JSON.stringify(spec)).digest('hex');
}

/**
 * True only when the commit provably cannot change what this service's
 * check reports, and what it reported was clean: the last check found no
 * error, nothing was added, deleted or renamed in a folder its image copies,
 * and every input is either untouched (not staged, same content) or a Python
 * module whose fingerprint is the one that clean check recorded. Anything
 * else means: check it.
 *
 * Only a clean memo proves anything, so that the verdict never depends on
 * the cache: a service the memo leaves out would, checked cold from the same
 * inputs, be clean again. A memo of a blocked check is never a reason to skip:
 * a cold run that selects that service reports its errors, so a warm one must
 * too.
 */
export async function isUnaffected(memo: ServiceMemo | undefined, snapshot: RepoSnapshot, staged: StagedPaths, fingerprintOf: CurrentFingerprint): Promise<boolean> {
  if (!memo?.clean) return false;
  if (staged.structural.some((p) => memo.copiedDirs.some((dir) => isAtOrBelow(p, dir)))) return false;
  const touched: Array<{ file: RepoPath; fingerprint: string }> = [];
  // Thousands of inputs per service on every commit: compared in place, without building strings.
  for (const file in memo.inputs) {
    const recorded = memo.inputs[file]!;
    const current = snapshot.contentId(file as RepoPath);
    if (recordsId(recorded, current) && !staged.all.has(file as RepoPath)) continue;
    const space = recorded.indexOf(' ');
    if (current === undefined || space === -1) return false;
    touched.push({ file: file as RepoPath, fingerprint: recorded.slice(space + 1) });
  }
  const now = await Promise.all(touched.map(({ file }) => fingerprintOf(file)));
  return touched.every(({ fingerprint }, i) => now[i] === fingerprint);
}

/**
 * The memo of a service, or undefined when there is none or it is not a
 * memo this version writes: a value of another shape, or one that lost its
 * inputs (every memo lists at least the Dockerfile), is a miss, never a proof.
 */
export function readServiceMemo(cache: ContentCache, key: string, dockerfile: RepoPath): ServiceMemo | undefined {
  const value = cache.get<unknown>(namespaceOf(key), key);
  return isServiceMemo(value, dockerfile) ? value : undefined;
}

function isServiceMemo(value: unknown, dockerfile: RepoPath): value is ServiceMemo {
  if (typeof value !== 'object' || value === null) return false;
  const { inputs, copiedDirs, clean } = value as Partial<Record<keyof ServiceMemo, unknown>>;
  if (typeof clean !== 'boolean' || !Array.isArray(copiedDirs) || !copiedDirs.every((d) => typeof d === 'string')) return false;
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) return false;
  const ids = inputs as Record<string, unknown>;
  if (typeof ids[dockerfile] !== 'string' || ids[dockerfile] === ABSENT) return false;
  for (const file in ids) if (typeof ids[file] !== 'string') return false;
  return true;
}

/** Content id recorded for an input that does not exist (an ignore file that may be added later). */
const ABSENT = '';

/**
 * 16 hex digits of a blob id tell the versions of one file apart as surely as
 * all 40, and memos of 30 services over thousands of files are read on every
 * commit.
 */
const ID_LENGTH = 16;
const abbreviate = (id: string | undefined): string => (id === undefined ? ABSENT : id.slice(0, ID_LENGTH));

/** Whether a recorded input (`abbreviated-id` or `abbreviated-id fingerprint`) names the content id `current`. */
function recordsId(recorded: string, current: string | undefined): boolean {
  if (current === undefined) return recorded === ABSENT;
  const idLength = Math.min(ID_LENGTH, current.length);
  if (recorded.length < idLength || (recorded.length > idLength && recorded[idLength] !== ' ')) return false;
  for (let i = 0; i < idLength; i++) if (recorded.charCodeAt(i) !== current.charCodeAt(i)) return false;
  return true;
}

export interface MemoSources {
  /** Given only when the check found no error (the memo is then clean): a fingerprint vouches for a clean result, never a blocked one. */
  fingerprintOf?: (file: RepoPath) => string;
  /** The memo this one replaces (same key, so same tool version and rules): fingerprints of unchanged files are taken from it. */
  previous?: ServiceMemo;
}

/**
 * Records what a fully checked service depended on (only for snapshots with
 * content ids: the index).
 */
export function writeServiceMemo(cache: ContentCache, key: string, analysis: ServiceAnalysis, snapshot: RepoSnapshot, sources: MemoSources): void {
  const { fingerprintOf, previous } = sources;
  const image = analysis.image;
  const { dockerfile, context } = analysis.service;
  if (!image || analysis.status !== 'checked' || context === undefined || snapshot.kind !== 'index') return;
  const contextFile = (name: string) => (context === '' ? name : `${context}/${name}`) as RepoPath;
  const files = new Set<RepoPath>([dockerfile, ...analysis.reachedFiles, ...analysis.launchFiles]);
  for (const name of ['.dockerignore', '.gcloudignore']) files.add(contextFile(name));
  files.add(`${dockerfile}.dockerignore` as RepoPath);
  for (const origin of image.files.values()) if (DEPENDENCY_FILE.test(origin.repoPath)) files.add(origin.repoPath);
  // Every file an install of the image read, in any stage: a builder's requirements file changes the image
  // without being in it.
  for (const install of analysis.dependencies?.installs ?? []) for (const file of install.files) files.add(file as RepoPath);
  for (const run of image.runs) for (const mount of run.bindMounts) if (mount.repoPath) files.add(mount.repoPath);
  for (const script of analysis.dependencies?.scripts ?? []) files.add(script as RepoPath);
  // What .gitignore and .gitmodules say exists at build time kept this check clean: a change to them may not.
  if (image.opaque.some((o) => o.buildInput) || analysis.missing.some((m) => m.assumption !== undefined)) {
    for (const file of snapshot.files) if (/(^|\/)\.git(?:ignore|modules)$/.test(file)) files.add(file);
  }
  const fingerprinted = fingerprintOf ? fingerprintedFiles(analysis) : new Set<RepoPath>();
  const inputs: Record<string, string> = {};
  for (const file of files) {
    const id = abbreviate(snapshot.contentId(file));
    if (id === ABSENT || !fingerprinted.has(file)) {
      inputs[file] = id;
      continue;
    }
    const before = previous?.inputs[file];
    inputs[file] = before?.startsWith(`${id} `) ? before : `${id} ${fingerprintOf!(file)}`;
  }
  const copiedDirs = [...new Set(image.copies.flatMap((c) => c.sourceDirs.map((d) => d.repoDir)))];
  cache.set(namespaceOf(key), key, { inputs, copiedDirs, clean: fingerprintOf !== undefined } satisfies ServiceMemo);
}

/**
 * Plain modules only: a package `__init__.py` is also read as text (which
 * names it binds), and an entry script or config file to work out the
 * command. (A symbolic link qualifies: the snapshot gives it its target's
 * content and id.)
 */
function fingerprintedFiles(analysis: ServiceAnalysis): Set<RepoPath> {
  const readAsText = new Set(analysis.launchFiles);
  const files = new Set<RepoPath>();
  for (const file of analysis.modules.keys()) {
    if (file.endsWith('/__init__.py') || file === '__init__.py' || readAsText.has(file)) continue;
    files.add(file);
  }
  return files;
}
