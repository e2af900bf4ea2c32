/**
 * Which Python minor an image runs, read from its base image reference. Used to
 * pick the stdlib list and to evaluate markers, so a guess is always labelled.
 */
import { describeBaseImage, parseImageReference } from '../dockerfile/base-image.js';
import { NEWEST_PYTHON, OLDEST_PYTHON, SUPPORTED_PYTHON_VERSIONS } from './stdlib.js';

export interface ImagePythonVersion {
  /** Supported minor, e.g. `'3.11'`. */
  version: string;
  source: 'base-image' | 'command' | 'default';
  /** Why the version is a guess or an approximation; absent when the tag says it plainly. */
  note?: string;
  /** The minor the image really runs when it is outside the supported range (`'2.7'`, `'3.6'`): `version` is then the nearest one checked instead. */
  outsideRange?: string;
}

// The python3 that `apt-get install python3` / `apk add python3` gives on each release.
const DEBIAN: Record<string, string> = { '10': '3.7', buster: '3.7', '11': '3.9', bullseye: '3.9', '12': '3.11', bookworm: '3.11', '13': '3.13', trixie: '3.13' };
const UBUNTU: Record<string, string> = { '18.04': '3.6', bionic: '3.6', '20.04': '3.8', focal: '3.8', '22.04': '3.10', jammy: '3.10', '24.04': '3.12', noble: '3.12', '24.10': '3.12', oracular: '3.12', '25.04': '3.13', plucky: '3.13' };
const ALPINE: Record<string, string> = { '3.15': '3.9', '3.16': '3.10', '3.17': '3.10', '3.18': '3.11', '3.19': '3.11', '3.20': '3.12', '3.21': '3.12', '3.22': '3.12' };

/** Images whose name is the interpreter itself, tagged by Python version (`python:3.11-slim`). */
const PYTHON_NAMED = new Set(['python', 'pypy']);

export function pythonVersionOfImage(baseImage: string | undefined): ImagePythonVersion {
  if (baseImage === undefined || baseImage.trim() === '') return fallback('the base image is unknown');
  if (/\$/.test(baseImage)) return fallback(`the base image ${baseImage} contains an unresolved variable`);
  // Only the official python image (or one the table knows is built on it) says its version in the tag:
  // `ghcr.io/acme/python:3.9` or `acme/app:python3.9` may hold any interpreter.
  const base = describeBaseImage(baseImage);
  const official = base.kind === 'known' ? base.pythonImage : PYTHON_NAMED.has(parseImageReference(baseImage).repository) ? baseImage : undefined;
  if (official !== undefined) {
    const { tag } = splitImageReference(official);
    const version = /^(\d+)\.(\d+)/.exec(tag);
    if (version) return fromVersion(`${version[1]}.${version[2]}`, baseImage);
    return { version: NEWEST_PYTHON, source: 'base-image', note: `${baseImage} follows the newest Python 3; assumed ${NEWEST_PYTHON}` };
  }
  const { name, tag } = splitImageReference(baseImage.trim());
  if (PYTHON_NAMED.has(name)) return fallback(`${baseImage} is not the official python image, so its tag does not prove a Python version`);

  const distroless = /^python3(?:-debian(\d+))?$/.exec(name);
  if (distroless) {
    const release = distroless[1] ?? '12';
    return fromSystem(DEBIAN[release], baseImage, `the python3 of Debian ${release} that ${baseImage} ships`);
  }

  if (name === 'debian') return fromSystem(DEBIAN[releaseOf(tag)], baseImage, systemNote('Debian'));
  if (name === 'ubuntu') return fromSystem(UBUNTU[releaseOf(tag)], baseImage, systemNote('Ubuntu'));
  if (name === 'alpine') return fromSystem(ALPINE[/^\d+\.\d+/.exec(tag)?.[0] ?? ''], baseImage, systemNote('Alpine'));
  return fallback(`cannot tell the Python version of ${baseImage}`);
}

/**
 * The Python a service runs: a command that names its interpreter's version
 * (`python3.12 app.py`, `/usr/bin/python3.11 -m app`, a deadsnakes install on
 * Ubuntu) runs that one, whatever the base image's own python3 is; otherwise
 * the base image's (see `pythonVersionOfImage`).
 */
export function pythonVersionOfService(baseImage: string | undefined, programs: readonly string[] = []): ImagePythonVersion {
  const named = programs.map((p) => /^(?:python|pypy)(\d+\.\d+)$/.exec(p.slice(p.lastIndexOf('/') + 1))?.[1]).find((v) => v !== undefined);
  if (named === undefined) return pythonVersionOfImage(baseImage);
  const result = fromVersion(named, `the command's python${named}`);
  return { ...result, source: 'command', note: result.note ?? `the container runs python${named}` };
}

/** `registry:5000/org/python:3.11-slim@sha256:…` → name `python`, tag `3.11-slim`. */
function splitImageReference(reference: string): { name: string; tag: string } {
  const { repository, tag } = parseImageReference(reference);
  return { name: repository.slice(repository.lastIndexOf('/') + 1), tag };
}

/** `bookworm-slim` → `bookworm`, `12.5` → `12`, `22.04` → `22.04`, `latest` → `latest`. */
function releaseOf(tag: string): string {
  const ubuntu = /^\d{2}\.\d{2}/.exec(tag);
  if (ubuntu) return ubuntu[0];
  return (/^[a-z]+|^\d+/.exec(tag)?.[0] ?? tag);
}

function fromVersion(minor: string, image: string): ImagePythonVersion {
  if (SUPPORTED_PYTHON_VERSIONS.includes(minor)) return { version: minor, source: 'base-image' };
  const nearest = compare(minor, OLDEST_PYTHON) < 0 ? OLDEST_PYTHON : NEWEST_PYTHON;
  return { version: nearest, source: 'base-image', outsideRange: minor, note: `${image} runs Python ${minor}, outside ${OLDEST_PYTHON}–${NEWEST_PYTHON}; checked as ${nearest}` };
}

function systemNote(distro: string): string {
  return `the python3 package of this ${distro} release, if the image installs it`;
}

function fromSystem(minor: string | undefined, image: string, why: string): ImagePythonVersion {
  if (minor === undefined) return fallback(`cannot tell which release ${image} is`);
  const result = fromVersion(minor, image);
  const note = `Python ${minor}: ${why}`;
  return { ...result, note: result.note ? `${result.note}; ${note}` : note };
}

function fallback(reason: string): ImagePythonVersion {
  return { version: NEWEST_PYTHON, source: 'default', note: `${reason}; assumed Python ${NEWEST_PYTHON}` };
}

function compare(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
