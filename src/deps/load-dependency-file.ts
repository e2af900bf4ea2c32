import path from 'node:path/posix';
import type { RepoPath } from '../types.js';
import { readPipfileLock } from './read-pipfile-lock.js';
import { readPoetryLock } from './read-poetry-lock.js';
import { readPylock } from './read-pylock.js';
import { readPyproject } from './read-pyproject.js';
import { readRequirementsFile } from './read-requirements-file.js';
import { readText } from './read-text.js';
import { readUvLock } from './read-uv-lock.js';
import { unreadable } from './rules.js';
import type { DependencyFile, DependencyFormat, MarkerEnv, TextReader } from './types.js';

/** The format a file name says, or undefined when it is no dependency file dockguard reads. */
export function detectDependencyFormat(file: string): DependencyFormat | undefined {
  const base = path.basename(file);
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'poetry.lock') return 'poetry-lock';
  if (base === 'uv.lock') return 'uv-lock';
  if (base === 'Pipfile.lock') return 'pipfile-lock';
  if (base === 'pylock.toml' || /^pylock\.[^.]+\.toml$/.test(base)) return 'pylock';
  if (/\.(txt|in)$/.test(base) || base.startsWith('requirements') || base.endsWith('.lock')) return 'requirements';
  return undefined;
}

/**
 * Reads any dependency file by its name (a file named otherwise is read as
 * pip requirements, since `pip install -r` takes any name). A pyproject whose
 * dependencies are dynamic pulls its `file=` requirements in as main ones.
 */
export async function loadDependencyFile(file: RepoPath, reader: TextReader, env: MarkerEnv): Promise<DependencyFile> {
  const format = detectDependencyFormat(file) ?? 'requirements';
  if (format === 'requirements') return readRequirementsFile(file, reader, env);
  const text = await readText(reader, file);
  if (typeof text !== 'string') {
    return { path: file, format, requirements: [], includes: [], constraints: [], problems: [unreadable(file, 0, `${file} ${text.reason}`)] };
  }
  switch (format) {
    case 'poetry-lock':
      return readPoetryLock(file, text, env);
    case 'uv-lock':
      return readUvLock(file, text, env);
    case 'pipfile-lock':
      return readPipfileLock(file, text, env);
    case 'pylock':
      return readPylock(file, text, env);
    case 'pyproject': {
      const project = readPyproject(file, text, env);
      for (const include of [...project.includes]) {
        const nested = await readRequirementsFile(include, reader, env);
        project.requirements.push(...nested.requirements);
        project.constraints.push(...nested.constraints);
        project.includes.push(...nested.includes.filter((p) => !project.includes.includes(p)));
        project.problems.push(...nested.problems);
      }
      return project;
    }
  }
}
