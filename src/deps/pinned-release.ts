/**
 * The release a requirement's specifier pins (`==0.12.3`, `===0.12.3`,
 * `~=0.12.3`), or undefined for a range, a wildcard or none: a range lets
 * the installer pick, so the pin is unknown.
 */
export function pinnedRelease(specifier: string): string | undefined {
  const found = /^\s*(?:===?|~=)\s*([0-9][A-Za-z0-9.!+_-]*)\s*$/.exec(specifier);
  return found?.[1];
}
