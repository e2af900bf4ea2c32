import type { InstalledClosure } from '../knowledge/close-installed.js';

/**
 * Why the closure proves little: installed distributions whose requirements
 * no source knows may pull in the very package a finding calls missing.
 * Undefined when every requirement on the way is known.
 */
export function opaqueNote(closure: InstalledClosure): string | undefined {
  const names = closure.opaque;
  if (names.length === 0) return undefined;
  const shown = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `the requirements of ${shown}${more} are unknown to dockguard, and they may pull in more packages (add a lock, or a virtualenv, to make them known)`;
}
