import type { InstalledClosure } from '../knowledge/close-installed.js';

/** First word of a distribution name (`langchain` of langchain-community). */
const familyWord = (name: string): string => name.toLowerCase().split(/[-_.]/)[0] ?? '';

/** Whether two distributions are of one family: their first words are equal, or one starts the other (elastic-transport, elasticsearch). */
export function isSameFamily(a: string, b: string): boolean {
  const [x, y] = [familyWord(a), familyWord(b)];
  if (x.length < 4 || y.length < 4) return x === y && x !== '';
  return x.startsWith(y) || y.startsWith(x);
}

/**
 * Why the closure proves little: installed distributions whose requirements
 * no source knows, or knows only for another release than the image pins,
 * may pull in the very package a finding calls missing. Undefined when
 * every requirement on the way is known for the release installed.
 */
export function opaqueNote(closure: InstalledClosure, expected: readonly string[] = []): string | undefined {
  const notes: string[] = [];
  const names = closure.opaque;
  if (names.length > 0) {
    const shown = names.slice(0, 3).join(', ');
    const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
    notes.push(`the requirements of ${shown}${more} are unknown to dockguard, and they may pull in more packages (add a lock, or a virtualenv, to make them known)`);
  }
  // A later release's new requirements are, in practice, of its own family (langchain → langchain-community,
  // elasticsearch → elastic-transport, google-cloud-spanner → google-cloud-core): only those are left unproven,
  // so that one newer pin does not turn every proven missing package of the image into a guess.
  const assumed = closure.assumed.filter(({ name }) => expected.some((distribution) => isSameFamily(distribution, name))).map(({ why }) => why);
  if (assumed.length > 0) {
    const more = assumed.length > 2 ? `, and ${assumed.length - 2} more` : '';
    notes.push(`${assumed.slice(0, 2).join('; ')}${more}: the releases installed may require packages dockguard does not know of (a lock of the repository makes them known)`);
  }
  return notes.length > 0 ? notes.join('; ') : undefined;
}
