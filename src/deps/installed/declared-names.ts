import path from 'node:path/posix';
import { asRepoPath, type RepoPath } from '../../types.js';
import { findCompanionLock } from '../find-companion-lock.js';
import { normalizeName } from '../normalize-name.js';
import { asTable, parseToml } from '../parse-toml.js';
import type { DependencyFile, PyprojectFile } from '../types.js';
import type { DependencyFileCache } from './dependency-file-cache.js';

/** Files a team declares dependencies in, which a lock of the same folder may pin. */
const DECLARATIONS = ['requirements.in', 'requirements.txt', 'pyproject.toml', 'Pipfile'];

/** The declaration file a lock was generated from (`requirements.in` for a pip-compile `requirements.txt`). */
export function findDeclarationOf(lock: RepoPath, files: ReadonlySet<RepoPath>): RepoPath | undefined {
  const dir = path.dirname(lock);
  for (const name of DECLARATIONS) {
    const candidate = asRepoPath(dir === '.' ? name : `${dir}/${name}`);
    if (candidate !== lock && files.has(candidate) && findCompanionLock(candidate, files) === lock) return candidate;
  }
  return undefined;
}

/** Every name a declaration file lists: main dependencies, extras and groups alike. */
export async function readDeclaredNames(file: RepoPath, cache: DependencyFileCache, pythonVersion: string): Promise<Set<string>> {
  if (path.basename(file) === 'Pipfile') return readPipfileNames(file, cache);
  const loaded: DependencyFile = await cache.load(file, pythonVersion);
  const names = new Set(loaded.requirements.map((r) => r.name));
  if (loaded.format === 'pyproject') {
    const project = loaded as PyprojectFile;
    for (const list of [...Object.values(project.extras), ...Object.values(project.groups)]) for (const r of list) names.add(r.name);
  }
  return names;
}

async function readPipfileNames(file: RepoPath, cache: DependencyFileCache): Promise<Set<string>> {
  const text = await cache.text(file);
  if (typeof text !== 'string') return new Set();
  const parsed = parseToml(file, text);
  if ('problem' in parsed) return new Set();
  const names = [...Object.keys(asTable(parsed.doc.packages)), ...Object.keys(asTable(parsed.doc['dev-packages']))];
  return new Set(names.map(normalizeName));
}
