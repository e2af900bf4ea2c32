import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-root.js';

interface DebianPythonData {
  names: Record<string, string>;
  depends: Record<string, string[]>;
}

let data: DebianPythonData | undefined;

function load(): DebianPythonData {
  data ??= JSON.parse(readFileSync(dataFile('debian-python-names.json'), 'utf8')) as DebianPythonData;
  return data;
}

/**
 * The PyPI distribution a Debian `python3-<x>` package holds (python3-yaml →
 * pyyaml), from dh-python's own table and apt-file's index
 * (data/debian-python-names.json), or undefined for a package that is no
 * Python distribution (python3-dev, python3-venv). Read on the first apt
 * line that names a python3-* package.
 */
export function pypiNameOfDebianPackage(debian: string): string | undefined {
  if (!debian.startsWith('python3-')) return undefined;
  const { names } = load();
  return Object.hasOwn(names, debian) ? names[debian] : undefined;
}

/** The python3-* package that holds a PyPI distribution (redis → python3-redis), or undefined when Debian has none. */
export function debianPackageOf(distribution: string): string | undefined {
  const { names } = load();
  return Object.keys(names).find((debian) => names[debian] === distribution);
}

/**
 * The python3-* packages `apt-get install <debian>` brings along with it,
 * recursively (python3-requests brings python3-chardet; python3-opencv
 * python3-numpy), the package itself first.
 */
export function debianPythonClosure(debian: string): string[] {
  const { depends } = load();
  const seen = [debian];
  for (let i = 0; i < seen.length; i++) {
    const pkg = seen[i] as string;
    for (const dep of Object.hasOwn(depends, pkg) ? (depends[pkg] as string[]) : []) if (!seen.includes(dep)) seen.push(dep);
  }
  return seen;
}
