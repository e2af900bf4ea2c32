import type { InstalledClosure } from '../knowledge/close-installed.js';

/**
 * Why the closure proves little: installed distributions whose requirements
 * no source knows, or knows only for another release than the image pins,
 * may pull in the very package a finding calls missing. Undefined when
 * every requirement on the way is known for the release installed.
 */
export function opaqueNote(closure: InstalledClosure): string | undefined {
  const notes: string[] = [];
  const names = closure.opaque;
  if (names.length > 0) {
    const shown = names.slice(0, 3).join(', ');
    const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
    notes.push(`the requirements of ${shown}${more} are unknown to dockguard, and they may pull in more packages (add a lock, or a virtualenv, to make them known)`);
  }
  const assumed = closure.assumed;
  if (assumed.length > 0) {
    const more = assumed.length > 2 ? `, and ${assumed.length - 2} more` : '';
    notes.push(`${assumed.slice(0, 2).join('; ')}${more}: the releases installed may require packages dockguard does not know of (a lock of the repository makes them known)`);
  }
  return notes.length > 0 ? notes.join('; ') : undefined;
}
