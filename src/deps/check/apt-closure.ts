import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-root.js';

let pulledBy: Record<string, string[]> | undefined;

/**
 * True when one of `installed` is `name` or brings it in through its
 * Depends (data/apt-closure.json, generated from Debian's package lists).
 * The 1 MB table is read on the first question only: a run whose system
 * needs are all met by name never loads it.
 */
export function aptProvides(installed: ReadonlySet<string>, name: string): boolean {
  if (installed.has(name)) return true;
  pulledBy ??= (JSON.parse(readFileSync(dataFile('apt-closure.json'), 'utf8')) as { pulledBy: Record<string, string[]> }).pulledBy;
  return (pulledBy[name] ?? []).some((parent) => installed.has(parent));
}
