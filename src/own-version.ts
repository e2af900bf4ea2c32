import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import { readFileSync } from 'node:fs';

/** The installed package's version (dist/ → package root). */
export function readOwnVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
