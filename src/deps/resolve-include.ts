import path from 'node:path/posix';
import { asRepoPath, type RepoPath } from '../types.js';

/**
 * A file named inside another (`-r`, `-c`, `file=`) is relative to the naming
 * file's directory. Returns a reason string when it cannot be followed.
 */
export function resolveInclude(from: RepoPath, target: string): RepoPath | { reason: string; outside?: true } {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target)) return { reason: `'${target}' is a URL, which is fetched at build time and cannot be read` };
  if (target.startsWith('/')) return { reason: `'${target}' is an absolute path, which depends on where pip runs` };
  const joined = path.normalize(path.join(path.dirname(from), target));
  // Every build context lies inside the repository, so no COPY can bring such a file into the image.
  if (joined === '..' || joined.startsWith('../')) return { reason: `'${target}' points outside the repository`, outside: true };
  if (joined === '.' || joined.endsWith('/')) return { reason: `'${target}' names a directory, not a file` };
  return asRepoPath(joined);
}
