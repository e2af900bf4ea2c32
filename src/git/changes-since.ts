import { DockguardError } from '../errors.js';
import { asRepoPath } from '../types.js';
import { runGit, splitNul } from './run-git.js';
import { listTouchedPaths, parseRawDiff, type StagedChanges } from './staged-changes.js';

/** What a branch changes since it left `ref`, as a pull request shows it, plus the local edits not yet committed. */
export interface ChangesSince {
  /** The merge-base commit the changes are counted from. */
  base: string;
  changes: Omit<StagedChanges, 'base'>;
}

/**
 * The changes `check --since <ref>` is about, with pull-request semantics:
 * from the merge-base of `ref` and HEAD (as `git diff ref...HEAD` counts
 * them, so commits landed on `ref` meanwhile are not this branch's) to the
 * working tree, staged and unstaged edits included, plus untracked files that
 * are not ignored (they are part of the working tree a check reads).
 * Renames are detected, and both sides count, like deletions: a deleted
 * module can break the services that imported it.
 */
export async function listChangesSince(root: string, ref: string): Promise<ChangesSince> {
  const base = await findMergeBase(root, ref);
  const [diff, untracked] = await Promise.all([
    // One commit and no --cached: git compares that commit's tree with the working tree (through the index).
    runGit(root, ['diff', '-z', '--raw', '--no-abbrev', '-M', '--no-ext-diff', '--no-color', base, '--']),
    runGit(root, ['ls-files', '-z', '--others', '--exclude-standard', '--full-name']),
  ]);
  const changes = parseRawDiff(splitNul(diff));
  changes.added.push(...splitNul(untracked).map(asRepoPath));
  return { base, changes };
}

/**
 * The merge-base of `ref` and HEAD. The ref is first resolved to a commit
 * with `--end-of-options`, so a ref that looks like an option is never read
 * as one; a shallow clone that lacks the history gets a hint.
 */
async function findMergeBase(root: string, ref: string): Promise<string> {
  let commit: string;
  try {
    commit = (await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch {
    throw new DockguardError(`--since ${ref}: no such commit or branch`, 'check the name; in CI, fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin <branch>)');
  }
  try {
    return (await runGit(root, ['merge-base', commit, 'HEAD'])).toString('utf8').trim();
  } catch {
    throw new DockguardError(
      `--since ${ref}: no common ancestor with HEAD`,
      'the history is probably shallow: fetch more of it (actions/checkout with fetch-depth: 0, or git fetch --unshallow)',
    );
  }
}

/** The note a `--since` check prints: which base, and how much changed. */
export function describeChangesSince(ref: string, { base, changes }: ChangesSince): string {
  const count = listTouchedPaths(changes).length;
  return `changes since ${ref} (merge-base ${base.slice(0, 12)}): ${count} path${count === 1 ? '' : 's'}`;
}
