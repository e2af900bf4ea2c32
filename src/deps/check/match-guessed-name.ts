import { normalizeName } from '../normalize-name.js';

/** Affixes distributions add to the name of the package they ship (`hvac-client`, `pyyaml`, `python-ldap`). */
const SUFFIXES = ['sdk', 'client', 'python', 'py'];
const PREFIXES = ['python', 'py'];

/**
 * An installed distribution whose name matches a guessed one loosely: the
 * same letters once separators are dropped, or after removing a common
 * affix (`weaviate` ~ `weaviate-client`, `yaml` ~ `pyyaml`), or a plugin of
 * a framework named after it (`solo` ~ `django-solo`, `knox` ~
 * `django-rest-knox`). A guess is no proof, so such a match is taken to
 * provide the import.
 */
export function matchGuessedName(guesses: readonly string[], installed: Iterable<string>): string | undefined {
  const wanted = new Set(guesses.map(squash));
  for (const name of installed) {
    const key = squash(name);
    if (variantsOf(key).some((v) => wanted.has(v))) return name;
    if (guesses.some((guess) => isFrameworkPluginOf(name, guess))) return name;
  }
  return undefined;
}

/** Frameworks whose plugins are published as `<framework>-<name>` and imported as `<name>`. */
const FRAMEWORKS = new Set(['django', 'djangorestframework', 'drf', 'dj', 'flask', 'fastapi', 'starlette', 'sqlalchemy', 'celery', 'pytest', 'sphinx', 'mkdocs', 'wagtail', 'pyramid', 'aiohttp', 'graphene', 'scrapy', 'streamlit']);
/** Words such a plugin's name adds beside the framework's (`django-rest-knox`, `django-two-factor-auth`). */
const PLUGIN_WORDS = new Set(['rest', 'admin', 'auth', 'app', 'ext', 'contrib', 'plugin']);

/**
 * `django-solo` for `solo`: the distribution's words hold the guess's words
 * in a row, and every other word names a framework (one at least) or is a
 * word plugins add.
 */
function isFrameworkPluginOf(distribution: string, guess: string): boolean {
  const words = normalizeName(distribution).split('-');
  const wanted = normalizeName(guess).split('-');
  const isAffix = (w: string) => FRAMEWORKS.has(w) || PLUGIN_WORDS.has(w) || PACKAGING_WORDS.has(w);
  // The guess must name something of its own: `auth` is no plugin of django-rest-auth (which ships rest_auth).
  if (!words.some((w) => FRAMEWORKS.has(w)) || wanted.every(isAffix)) return false;
  for (let at = 0; at + wanted.length <= words.length; at++) {
    if (!wanted.every((w, i) => words[at + i] === w)) continue;
    const rest = [...words.slice(0, at), ...words.slice(at + wanted.length)];
    if (rest.every(isAffix)) return true;
  }
  return false;
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
