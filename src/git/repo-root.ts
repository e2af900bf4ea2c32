import { repositoryError } from '../errors.js';
import { runGit } from './run-git.js';

/** The repository's top-level directory, found by git from `cwd`. */
export async function findRepoRoot(cwd: string): Promise<string> {
  try {
    const out = await runGit(cwd, ['rev-parse', '--show-toplevel']);
    return out.toString('utf8').trim();
  } catch (error) {
    throw repositoryError(cwd, error);
  }
}
