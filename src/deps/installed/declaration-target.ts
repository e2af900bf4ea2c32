import path from 'node:path/posix';
import type { RepoPath } from '../../types.js';
import type { DependencyFile } from '../types.js';
import type { DependencyFileCache } from './dependency-file-cache.js';
import type { DeclarationTarget } from './installed-set.js';

const COMMANDS: Record<string, string> = { 'uv.lock': 'uv add', 'poetry.lock': 'poetry add', 'Pipfile.lock': 'pipenv install', 'pdm.lock': 'pdm add' };

/**
 * Where a new dependency goes for an install that reads `declaration`:
 * after its last main requirement (or at the end of a requirements file),
 * with the lock to regenerate and the command that does both.
 */
export async function declarationTarget(declaration: DependencyFile | RepoPath, lock: RepoPath | undefined, installLine: number, cache: DependencyFileCache): Promise<DeclarationTarget> {
  const file = typeof declaration === 'string' ? declaration : declaration.path;
  const base = path.basename(file);
  const lastRequirement = typeof declaration === 'string' ? 0 : Math.max(0, ...declaration.requirements.map((r) => r.source.line));
  const kind: DeclarationTarget['kind'] =
    base === 'Pipfile' ? 'pipfile' : base === 'pyproject.toml' ? (await isPoetryProject(file, cache) ? 'poetry' : 'pep621') : 'requirements';
  const afterLine = kind === 'requirements' ? await cache.lineCount(file) : lastRequirement || (await headerLine(file, kind, cache));
  const command = lock !== undefined ? COMMANDS[path.basename(lock)] : undefined;
  return { file, kind, afterLine, installLine, ...(lock !== undefined ? { lock } : {}), ...(command !== undefined ? { command } : {}) };
}

async function isPoetryProject(file: RepoPath, cache: DependencyFileCache): Promise<boolean> {
  const text = await cache.text(file);
  return typeof text === 'string' && /^\s*\[tool\.poetry\.dependencies\]/m.test(text) && !/^\s*dependencies\s*=/m.test(text);
}

/** The line of the table or key new entries go under. */
async function headerLine(file: RepoPath, kind: DeclarationTarget['kind'], cache: DependencyFileCache): Promise<number> {
  const text = await cache.text(file);
  if (typeof text !== 'string') return 0;
  const lines = text.split(/\r\n|\n|\r/);
  const pattern = kind === 'pipfile' ? /^\s*\[packages\]/ : kind === 'poetry' ? /^\s*\[tool\.poetry\.dependencies\]/ : /^\s*dependencies\s*=\s*\[/;
  return lines.findIndex((l) => pattern.test(l)) + 1;
}
