import { homedir } from 'node:os';
import path from 'node:path';
import { runGit } from '../git/run-git.js';

/** `core.hooksPath` as configured, or undefined when unset. */
export async function readHooksPath(root: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['config', '--get', 'core.hooksPath'])).toString('utf8').trim() || undefined;
  } catch {
    return undefined; // `git config --get` exits 1 when the key is unset
  }
}

/**
 * Where git looks for hooks: `core.hooksPath` (relative to the working tree
 * root, where hooks run; `~/` is the home folder), else the common git dir's
 * `hooks` (shared by linked worktrees).
 */
export async function findHooksDir(root: string, hooksPath: string | undefined): Promise<string> {
  if (hooksPath !== undefined) {
    if (hooksPath === '~' || hooksPath.startsWith('~/')) return path.join(homedir(), hooksPath.slice(1));
    return path.resolve(root, hooksPath);
  }
  const out = await runGit(root, ['rev-parse', '--git-common-dir']);
  return path.resolve(root, out.toString('utf8').trim(), 'hooks');
}
