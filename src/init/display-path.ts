import path from 'node:path';

/** Repository-relative when inside the repository (hooks folders may be elsewhere). */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
