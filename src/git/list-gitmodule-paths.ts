import { asRepoPath, type RepoPath } from '../types.js';

/** The `path = …` values of a `.gitmodules` file: where each submodule is checked out. */
export function listGitmodulePaths(text: string): RepoPath[] {
  return [...text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)].map((m) => asRepoPath((m[1] as string).replace(/^"(.*)"$/, '$1').replace(/\/+$/, '')));
}
