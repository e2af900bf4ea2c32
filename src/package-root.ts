import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's folder, found by walking up from this module: the
 * same code runs from dist/ (tsc output), from the single-file bundle in
 * dist/bundle/, and from src/ under the test runner.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'dockguard') return dir;
    if (path.dirname(dir) === dir) throw new Error(`dockguard's package.json was not found above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A file shipped in the package's data/ folder. */
export const dataFile = (name: string): string => path.join(PACKAGE_ROOT, 'data', name);
