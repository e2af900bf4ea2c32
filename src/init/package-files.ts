import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** dockguard's own folder: two levels above this file both in src/init and dist/init. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The POSIX hook shipped in the package and copied into repositories without a hook manager. */
export const SHIPPED_HOOK = path.join(PACKAGE_ROOT, 'hooks', 'pre-commit');

/** Marker line in the shipped hook: tells our hook (safe to update) from a foreign one. */
export const HOOK_MARKER = 'dockguard-hook';

export function readToolVersion(): string {
  const file = path.join(PACKAGE_ROOT, 'package.json');
  if (!existsSync(file)) return '0.0.0';
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
}
