import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export { PACKAGE_ROOT };

/** A POSIX hook shipped in the package's hooks/ folder, copied into repositories without a hook manager. */
export const shippedHook = (name: string): string => path.join(PACKAGE_ROOT, 'hooks', name);

/** The pre-commit hook: holds the check; the shipped pre-merge-commit runs it. */
export const SHIPPED_HOOK = shippedHook('pre-commit');

/** Marker line in the shipped hook: tells our hook (safe to update) from a foreign one. */
export const HOOK_MARKER = 'dockguard-hook';

export function readToolVersion(): string {
  const file = path.join(PACKAGE_ROOT, 'package.json');
  if (!existsSync(file)) return '0.0.0';
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
}
