import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-root.js';

let names: Record<string, string> | undefined;

/**
 * The PyPI distribution a Debian `python3-<x>` package holds (python3-yaml →
 * pyyaml), from dh-python's own table (data/debian-python-names.json), or
 * undefined for a package that is no Python distribution (python3-dev,
 * python3-venv). Read on the first apt line that names a python3-* package.
 */
export function pypiNameOfDebianPackage(debian: string): string | undefined {
  if (!debian.startsWith('python3-')) return undefined;
  names ??= (JSON.parse(readFileSync(dataFile('debian-python-names.json'), 'utf8')) as { names: Record<string, string> }).names;
  return Object.hasOwn(names, debian) ? names[debian] : undefined;
}
