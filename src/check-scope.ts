import path from 'node:path';
import { classifyBuildFile } from './discover/classify-build-file.js';
import { isDockerfileName } from './discover/is-dockerfile-name.js';
import { DockguardError } from './errors.js';
import { listTouchedPaths, type StagedChanges } from './git/staged-changes.js';
import { runGit, splitNul } from './git/run-git.js';
import { WATCHED_FILES_REGEX } from './init/watched-files.js';
import { isBuildTimeListing } from './select-services.js';
import { asRepoPath, type RepoPath, type RepoSnapshot } from './types.js';

/** Which paths a check is about; `undefined` paths = the whole repository. */
export interface CheckScope {
  paths: RepoPath[] | undefined;
  /** True when no given or staged path can change any image: the check can stop at once. */
  nothingRelevant: boolean;
  /** With `--staged`: what the commit changes (read once, also used to skip unaffected services). */
  staged?: StagedChanges;
}

const WATCHED = new RegExp(WATCHED_FILES_REGEX);

/** A path whose change can alter an image, its build context or what it installs. */
export function isRelevantPath(p: RepoPath): boolean {
  return WATCHED.test(p) || isDockerfileName(p) || classifyBuildFile(p) !== undefined || p.endsWith('package.json') || isBuildTimeListing(p);
}

/**
 * Paths given on the command line (relative to cwd) and, with `--staged`
 * (or `--since`), every path the commit (or the branch) touches —
 * deletions and both sides of renames included, since lint-staged only
 * passes the files that still exist.
 */
export async function resolveScope(
  root: string,
  cwd: string,
  given: readonly string[],
  snapshot: RepoSnapshot,
  /** With `--staged`: what the commit changes. */
  changes: StagedChanges | undefined,
  /** The config's file: it decides services, contexts, exclusions and rules, so staging it checks everything. */
  configFile?: string,
  /** With `--since`: every path changed since the merge-base, deleted ones and both sides of renames included. */
  changedSince?: readonly RepoPath[],
): Promise<CheckScope> {
  const touched = [...(changes ? listTouchedPaths(changes) : []), ...(changedSince ?? [])];
  if (given.length === 0 && !changes && !changedSince) return { paths: undefined, nothingRelevant: false };
  const known = new Set<RepoPath>(touched);
  const paths = new Set<RepoPath>(touched);
  const absent: Array<{ given: string; path: RepoPath }> = [];
  for (const p of given) {
    const repoPath = toRepoPath(root, p, cwd);
    if (exists(repoPath, snapshot, known)) paths.add(repoPath);
    else absent.push({ given: p, path: repoPath });
  }
  // A path deleted since HEAD (as `pre-commit run --from-ref/--to-ref` passes them) is a change to check, not a typo.
  const deleted = absent.length > 0 ? await listPathsAtHead(root, absent.map((a) => a.path)) : new Set<string>();
  for (const { given: p, path: repoPath } of absent) {
    if (!deleted.has(repoPath)) throw new DockguardError(`${p}: no such file or folder ${snapshot.kind === 'index' ? 'in the index (is it staged?)' : 'in the repository (git-ignored files are not part of any image)'}`);
    paths.add(repoPath);
  }
  const list = [...paths].sort();
  const withChanges = changes ? { staged: changes } : {};
  if (configFile !== undefined && list.includes(asRepoPath(configFile))) return { paths: undefined, nothingRelevant: false, ...withChanges };
  return { paths: list, nothingRelevant: !list.some((p) => isRelevantPath(p) || snapshot.dirs.has(p)), ...withChanges };
}

function toRepoPath(root: string, given: string, cwd: string): RepoPath {
  const rel = path.relative(root, path.resolve(cwd, given)).split(path.sep).join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new DockguardError(`${given} is outside the repository ${root}`);
  return rel as RepoPath;
}

const exists = (p: RepoPath, snapshot: RepoSnapshot, known: ReadonlySet<RepoPath>): boolean => snapshot.files.has(p) || snapshot.dirs.has(p) || known.has(p);

/** Which of `paths` HEAD has (files, or folders holding files); none without a first commit. */
async function listPathsAtHead(root: string, paths: readonly RepoPath[]): Promise<Set<string>> {
  try {
    const listed = splitNul(await runGit(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', 'HEAD', '--', ...paths]));
    const atHead = new Set<string>();
    for (const p of paths) if (listed.some((file) => file === p || file.startsWith(`${p}/`))) atHead.add(p);
    return atHead;
  } catch {
    return new Set();
  }
}
