import { createHash } from 'node:crypto';
import type { ContentCache } from '../cache/open-cache.js';
import type { RepoPath, RepoSnapshot, ServiceAnalysis, ServiceSpec } from '../types.js';

/**
 * What a service's last full check depended on: every input file with its
 * content id (Dockerfile, ignore files, the Python files of its import
 * closure, dependency files), and the folders its image copies whole.
 */
export interface ServiceMemo {
  inputs: Record<string, string>;
  copiedDirs: string[];
}

/** The commit's changes, split by whether they can change which files exist. */
export interface StagedPaths {
  /** Every staged path. */
  all: ReadonlySet<RepoPath>;
  /** Added, deleted, renamed or copied paths: they can change what an import resolves to. */
  structural: readonly RepoPath[];
}

const NAMESPACE = 'service-inputs';
const DEPENDENCY_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|constraints[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|Pipfile(\.lock)?|[^/]*\.lock|pylock[^/]*\.toml)$/;

const isAtOrBelow = (file: string, dir: string): boolean => dir === '' || file === dir || file.startsWith(`${dir}/`);

/** One memo per service, config and tool version: any of them changing starts afresh. */
export function serviceMemoKey(spec: ServiceSpec, configFingerprint: string): string {
  return createHash('sha1').update(configFingerprint).update('\0').update(JSON.stringify(spec)).digest('hex');
}

/**
 * True only when the commit provably cannot change what this service's image
 * runs: no staged path is one of its inputs, every input is still the
 * content it was checked with, and nothing was added, deleted or renamed in
 * a folder its image copies. Anything else means: check it.
 */
export function isUnaffected(memo: ServiceMemo | undefined, snapshot: RepoSnapshot, staged: StagedPaths): boolean {
  if (!memo) return false;
  for (const [file, id] of Object.entries(memo.inputs)) {
    if (staged.all.has(file as RepoPath) || (snapshot.contentId(file as RepoPath) ?? ABSENT) !== id) return false;
  }
  return !staged.structural.some((p) => memo.copiedDirs.some((dir) => isAtOrBelow(p, dir)));
}

export function readServiceMemo(cache: ContentCache, key: string): ServiceMemo | undefined {
  return cache.get<ServiceMemo>(NAMESPACE, key);
}

/** Content id recorded for an input that does not exist (an ignore file that may be added later). */
const ABSENT = '';

/** Records what a fully checked service depended on (only for snapshots with content ids: the index). */
export function writeServiceMemo(cache: ContentCache, key: string, analysis: ServiceAnalysis, snapshot: RepoSnapshot): void {
  const image = analysis.image;
  const { dockerfile, context } = analysis.service;
  if (!image || analysis.status !== 'checked' || context === undefined || snapshot.kind !== 'index') return;
  const contextFile = (name: string) => (context === '' ? name : `${context}/${name}`) as RepoPath;
  const files = new Set<RepoPath>([dockerfile, ...analysis.reachedFiles]);
  for (const name of ['.dockerignore', '.gcloudignore']) files.add(contextFile(name));
  files.add(`${dockerfile}.dockerignore` as RepoPath);
  for (const origin of image.files.values()) if (DEPENDENCY_FILE.test(origin.repoPath)) files.add(origin.repoPath);
  for (const run of image.runs) for (const mount of run.bindMounts) if (mount.repoPath) files.add(mount.repoPath);
  const inputs: Record<string, string> = {};
  for (const file of files) inputs[file] = snapshot.contentId(file) ?? ABSENT;
  const copiedDirs = [...new Set(image.copies.flatMap((c) => c.sourceDirs.map((d) => d.repoDir)))];
  cache.set(NAMESPACE, key, { inputs, copiedDirs } satisfies ServiceMemo);
}
