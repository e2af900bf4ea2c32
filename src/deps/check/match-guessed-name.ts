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

/** Name parts that say how a distribution is built or packaged, not what it provides. */
const PACKAGING_WORDS = new Set(['python', 'py', 'bin', 'binary', 'client', 'sdk', 'lib', 'ng', 'simd', 'cpu', 'gpu', 'cuda', 'headless', 'contrib', 'core', 'fork', 'next', 'lite', 'slim', 'full', 'dev']);
const distinctiveParts = (name: string): string[] => normalizeName(name).split('-').filter((part) => part.length > 1 && !PACKAGING_WORDS.has(part));

/**
 * An installed distribution whose modules dockguard does not know, named
 * like a build or fork of the one expected (`python-magic-bin` of
 * python-magic, `pillow-simd` of pillow, `opencv-contrib-python-headless`
 * of opencv-python): it may well ship the same module.
 */
export function findLikelyVariant(expected: readonly string[], module: string, unmapped: Iterable<string>): string | undefined {
  const wanted = new Set([...expected.flatMap(distinctiveParts), ...distinctiveParts(module.split('.')[0]!.replace(/_/g, '-'))]);
  for (const name of unmapped) if (distinctiveParts(name).some((part) => wanted.has(part))) return name;
  return undefined;
}
