import path from 'node:path';

/**
 * A context (or stage) source path as BuildKit resolves it: clean
 * `'/' + src`, so a leading `/` and any `..` above the root are clamped to
 * the root and a trailing `/` disappears. The root itself is `.`.
 */
export function normalizeSourcePath(source: string): string {
  const cleaned = path.posix.normalize('/' + source).replace(/\/+$/, '');
  return cleaned === '' || cleaned === '/' ? '.' : cleaned.slice(1);
}

/** URLs and git remotes: ADD sources that never come from the build context. */
export function isRemoteSource(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/.test(source);
}
