import { existsSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR_NAME } from '../cache/cache-dir-name.js';
import { repositoryError } from '../errors.js';
import type { ObjectFormat } from './read-index-file.js';
import { runGit } from './run-git.js';

export type Operation = 'merge' | 'rebase' | 'cherry-pick' | 'revert';

export interface RepoState {
  /** Absolute git dir of this checkout (`.git`, or `.git/worktrees/<name>` in a linked worktree). */
  gitDir: string;
  /** Absolute git dir shared by all worktrees. */
  commonDir: string;
  isBare: boolean;
  isLinkedWorktree: boolean;
  isShallow: boolean;
  /** Set when this repository is itself a submodule. */
  superproject: string | undefined;
  /** What git is in the middle of, if anything. */
  operation: Operation | undefined;
  /** Where dockguard keeps its cache (`git rev-parse --git-path dockguard-cache`), asked for in the same call. */
  cacheDir: string | undefined;
}

/**
 * Files git keeps while an operation waits for the user. A merge that needs
 * no conflict resolution writes none of them before it runs pre-merge-commit
 * (MERGE_HEAD appears only once a hook or a conflict stops it), so that check
 * carries no merge note; its scope is right all the same: HEAD is the first
 * parent and the index the merge result, so the staged changes are exactly
 * what the merge brings in.
 */
const MARKERS: Array<[string, Operation]> = [
  ['MERGE_HEAD', 'merge'],
  ['rebase-merge', 'rebase'],
  ['rebase-apply', 'rebase'],
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
];

/** What `git rev-parse` is asked for a repository state, in answer order; marker paths come from `--git-path` so linked worktrees are right. */
const STATE_ARGS = [
  '--absolute-git-dir',
  '--git-common-dir',
  '--is-bare-repository',
  '--is-shallow-repository',
  ...MARKERS.flatMap(([marker]) => ['--git-path', marker]),
  '--git-path',
  CACHE_DIR_NAME,
];
/** Lines printed for STATE_ARGS. */
const STATE_LINES = 5 + MARKERS.length;
/**
 * Prints nothing at all outside a submodule, so it goes last. Git answers it
 * by running `ls-files` in the parent folder, a second process: a hook asks
 * only when the git dir is where submodules keep theirs (`.git/modules/`).
 * A nested repository whose git dir was never absorbed there gets no note.
 */
const SUPERPROJECT_ARG = '--show-superproject-working-tree';
const looksLikeSubmodule = (commonDir: string): boolean => /[\\/]\.git[\\/]modules[\\/]/.test(commonDir);

/** One `git rev-parse` call in `root`. */
export async function detectRepoState(root: string): Promise<RepoState> {
  const lines = (await runGit(root, ['rev-parse', ...STATE_ARGS, SUPERPROJECT_ARG])).toString('utf8').split('\n');
  return readState(lines, root, lines[STATE_LINES] || undefined);
}

/**
 * What a `--staged` check needs before anything else, in one `git rev-parse`
 * run from `cwd` (a hook pays a few milliseconds per git process): the
 * repository root, its state, and HEAD (undefined before the first commit).
 */
export async function detectStagedRepo(cwd: string): Promise<StagedRepo> {
  let lines: string[];
  try {
    lines = (await runGit(cwd, ['rev-parse', '--show-toplevel', ...STATE_ARGS, '--git-path', 'index', '--show-object-format', '--revs-only', 'HEAD']))
      .toString('utf8')
      .split('\n');
  } catch (error) {
    throw repositoryError(cwd, error);
  }
  const [root = '', ...rest] = lines;
  const [indexPath = '', format = '', head] = rest.slice(STATE_LINES);
  const state = readState(rest, cwd, undefined);
  if (looksLikeSubmodule(state.commonDir)) {
    const superproject = (await runGit(cwd, ['rev-parse', SUPERPROJECT_ARG])).toString('utf8').trim();
    state.superproject = superproject || undefined;
  }
  // HEAD is printed only when there is one.
  return { ...state, root, head: head || undefined, ...readableIndex(cwd, indexPath, format) };
}

export interface StagedRepo extends RepoState {
  root: string;
  head: string | undefined;
  /** The index file dockguard may read itself, with the object format its ids use; absent when only git should read it. */
  index?: { file: string; objectFormat: ObjectFormat };
}

/**
 * A relative `$GIT_INDEX_FILE` is git's to interpret (relative to where a hook
 * runs, or to the top level?), and a git too old for `--show-object-format`
 * echoes the option back: both leave the index to `git ls-files`.
 */
function readableIndex(cwd: string, indexPath: string, format: string): Pick<StagedRepo, 'index'> {
  const fromEnvironment = process.env.GIT_INDEX_FILE;
  if (indexPath === '' || (format !== 'sha1' && format !== 'sha256')) return {};
  if (fromEnvironment !== undefined && !path.isAbsolute(fromEnvironment)) return {};
  return { index: { file: path.resolve(cwd, indexPath), objectFormat: format } };
}

/** Reads STATE_ARGS' answer lines; relative paths in them are relative to `base`, where git ran. */
function readState(lines: readonly string[], base: string, superproject: string | undefined): RepoState {
  const [gitDir = '', commonDir = '', bare, shallow] = lines;
  const markerPaths = lines.slice(4, 4 + MARKERS.length);
  const found = MARKERS.find((_, i) => existsSync(path.resolve(base, markerPaths[i] ?? '')));
  const resolvedCommon = path.resolve(base, commonDir);
  const cacheDir = lines[4 + MARKERS.length];
  return {
    gitDir,
    commonDir: resolvedCommon,
    isBare: bare === 'true',
    isLinkedWorktree: path.resolve(gitDir) !== resolvedCommon,
    isShallow: shallow === 'true',
    superproject,
    operation: found?.[1],
    // Never the repository root by default: an empty answer leaves the cache to find its own folder.
    cacheDir: cacheDir ? path.resolve(base, cacheDir) : undefined,
  };
}

/** Notes worth printing before a `--staged` check; none for a plain commit. */
export function describeRepoState(state: RepoState): string[] {
  const notes: string[] = [];
  if (state.operation === 'merge') notes.push('merge in progress: checking the merge result as staged');
  if (state.operation === 'rebase') notes.push('rebase in progress: checking the commit being replayed as staged');
  if (state.operation === 'cherry-pick') notes.push('cherry-pick in progress: checking the picked commit as staged');
  if (state.operation === 'revert') notes.push('revert in progress: checking the revert as staged');
  if (state.isLinkedWorktree) notes.push(`linked worktree: using its own index (${state.gitDir})`);
  if (state.superproject) notes.push(`this repository is a submodule of ${state.superproject}: checked on its own`);
  return notes;
}
