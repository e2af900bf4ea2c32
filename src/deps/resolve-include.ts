import path from 'node:path/posix';
import { asRepoPath, type RepoPath } from '../types.js';

/**
 * A file named inside another (`-r`, `-c`, `file=`) is relative to the naming
 * file's directory. Returns a reason string when it cannot be followed.
 */
export function resolveInclude(from: RepoPath, target: string): RepoPath | { reason: string } {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target)) return { reason: `'${target}' is a URL, which is fetched at build time and cannot be read` };
  if (target.startsWith('/')) return { reason: `'${target}' is an absolute path, which depends on where pip runs` };
  const joined = path.normalize(path.join(path.dirname(from), target));
  if (joined === '..' || joined.startsWith('../')) return { reason: `'${target}' points outside the repository` };
  if (joined === '.' || joined.endsWith('/')) return { reason: `'${target}' names a directory, not a file` };
  return asRepoPath(joined);
}
