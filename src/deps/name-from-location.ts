import { normalizeName } from './normalize-name.js';

const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;

export function isArchive(location: string): boolean {
  return ARCHIVE.test(location.split(/[?#]/, 1)[0] ?? '');
}

/**
 * The distribution name a URL or path tells without building it: `#egg=name`,
 * or a wheel / sdist file name. `''` when only a build could tell (a directory).
 */
export function nameFromLocation(location: string): { rawName: string; name: string } {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(location)?.[1];
  if (egg) return { rawName: egg, name: normalizeName(egg) };
  const file = (location.split(/[?#]/, 1)[0] ?? '').split('/').pop() ?? '';
  if (/\.whl$/i.test(file)) {
    const raw = file.split('-', 1)[0] ?? '';
    return { rawName: raw, name: normalizeName(raw) };
  }
  if (isArchive(file)) {
    // sdist: `name-1.2.3.tar.gz`; the version starts at the last `-` followed by a digit.
    const m = /^(.+?)-\d[^-]*$/.exec(file.replace(ARCHIVE, ''));
    if (m?.[1]) return { rawName: m[1], name: normalizeName(m[1]) };
  }
  return { rawName: '', name: '' };
}
