import path from 'node:path/posix';
import { asRepoPath, type RepoPath } from '../types.js';

/** Lock names that pin a declaration file, most specific first (same folder only). */
const COMPANIONS: Record<string, string[]> = {
  'requirements.txt': ['requirements-lock.txt', 'requirements.lock', 'requirements.lock.txt', 'requirements-frozen.txt'],
  'requirements.in': ['requirements.txt'],
  'pyproject.toml': ['uv.lock', 'poetry.lock', 'pylock.toml'],
  Pipfile: ['Pipfile.lock'],
};

/**
 * The lock file that goes with a declaration file, when the repository has
 * one: `requirements.in` ↔ `requirements.txt`, `pyproject.toml` ↔ `uv.lock`,
 * `poetry.lock` or (beside a Pipfile) `Pipfile.lock`.
 */
export function findCompanionLock(file: RepoPath, files: ReadonlySet<RepoPath>): RepoPath | undefined {
  const dir = path.dirname(file);
  const inDir = (name: string): RepoPath => asRepoPath(dir === '.' ? name : `${dir}/${name}`);
  const candidates = [...(COMPANIONS[path.basename(file)] ?? [])];
  if (path.basename(file) === 'pyproject.toml' && files.has(inDir('Pipfile'))) candidates.push('Pipfile.lock');
  return candidates.map(inDir).find((candidate) => files.has(candidate));
}
