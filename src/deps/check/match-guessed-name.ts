import { normalizeName } from '../normalize-name.js';

/** Affixes distributions add to the name of the package they ship (`hvac-client`, `pyyaml`, `python-ldap`). */
const SUFFIXES = ['sdk', 'client', 'python', 'py'];
const PREFIXES = ['python', 'py'];

/**
 * An installed distribution whose name matches a guessed one loosely: the
 * same letters once separators are dropped, or after removing a common
 * affix (`weaviate` ~ `weaviate-client`, `yaml` ~ `pyyaml`). A guess is no
 * proof, so such a match is taken to provide the import.
 */
export function matchGuessedName(guesses: readonly string[], installed: Iterable<string>): string | undefined {
  const wanted = new Set(guesses.map(squash));
  for (const name of installed) {
    const key = squash(name);
    if (variantsOf(key).some((v) => wanted.has(v))) return name;
  }
  return undefined;
}

const squash = (name: string): string => normalizeName(name).replace(/-/g, '');

function variantsOf(key: string): string[] {
  const variants = [key];
  for (const suffix of SUFFIXES) if (key.endsWith(suffix) && key.length > suffix.length) variants.push(key.slice(0, -suffix.length));
  for (const prefix of PREFIXES) if (key.startsWith(prefix) && key.length > prefix.length) variants.push(key.slice(prefix.length));
  return variants;
}
