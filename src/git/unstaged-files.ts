import { runGit, splitNul } from './run-git.js';

/**
 * Which of `files` differ between the index and the working tree: a fix made
 * but not staged is not part of the commit, and a blocked developer should
 * be told so rather than wonder why the hook still fails. Best effort: a git
 * failure here only loses the hint.
 */
export async function listUnstagedFiles(root: string, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  try {
    return splitNul(await runGit(root, ['diff', '--name-only', '-z', '--', ...files.map((f) => `:(literal)${f}`)])).sort();
  } catch {
    return [];
  }
}
