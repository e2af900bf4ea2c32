import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The installed package's version (dist/ → package root). */
export function readOwnVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * What the cache is keyed by: the version, and the size and time of the
 * built code that is running. Between releases the version stays the same
 * while the analysis changes (a development build, a linked checkout), and a
 * value worked out by other code must be a miss, never an answer.
 */
export function readBuildIdentity(): string {
  try {
    // This module's own file: the bundle when dockguard runs as shipped.
    const built = statSync(fileURLToPath(import.meta.url));
    return `${readOwnVersion()}+${built.size}.${Math.trunc(built.mtimeMs)}`;
  } catch {
    return readOwnVersion();
  }
}
