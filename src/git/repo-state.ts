import { existsSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR_NAME } from '../cache/cache-dir-name.js';
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

/** One `git rev-parse` call; marker paths come from `--git-path` so linked worktrees are right. */
export async function detectRepoState(root: string): Promise<RepoState> {
  const args = ['rev-parse', '--absolute-git-dir', '--git-common-dir', '--is-bare-repository', '--is-shallow-repository'];
  for (const [marker] of MARKERS) args.push('--git-path', marker);
  args.push('--git-path', CACHE_DIR_NAME);
  // Last: it prints nothing at all outside a submodule.
  args.push('--show-superproject-working-tree');
  const lines = (await runGit(root, args)).toString('utf8').split('\n');
  const [gitDir = '', commonDir = '', bare, shallow] = lines;
  const markerPaths = lines.slice(4, 4 + MARKERS.length);
  const found = MARKERS.find((_, i) => existsSync(path.resolve(root, markerPaths[i] ?? '')));
  const resolvedCommon = path.resolve(root, commonDir);
  return {
    gitDir,
    commonDir: resolvedCommon,
    isBare: bare === 'true',
    isLinkedWorktree: path.resolve(gitDir) !== resolvedCommon,
    isShallow: shallow === 'true',
    superproject: lines[5 + MARKERS.length] || undefined,
    operation: found?.[1],
    // Never the repository root by default: an empty answer leaves the cache to find its own folder.
    cacheDir: lines[4 + MARKERS.length] ? path.resolve(root, lines[4 + MARKERS.length]!) : undefined,
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
