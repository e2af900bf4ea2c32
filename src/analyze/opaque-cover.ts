import { relativeBelow } from '../python/image-path.js';
import type { ImageModel } from '../types.js';

type Opaque = ImageModel['opaque'][number];

/** What follows a module's path in the name of a file that is that module. */
const MODULE_SUFFIX = /^(\.py[ci]?|(\.[^./]+)?\.(so|pyd))$/;

/**
 * The opaque content (external image, URL, RUN output, unresolved variable)
 * that could hold `path`: content dockguard cannot see is unknown, not
 * absent, so a file or module there may exist. A path covers when it lies
 * inside the opaque destination, or the destination lies inside the path (a
 * file dropped into a package folder).
 */
export function findOpaqueCover(opaque: ImageModel['opaque'], path: string): Opaque | undefined {
  let best: Opaque | undefined;
  for (const entry of opaque) {
    if (!covers(entry.path, path)) continue;
    if (!best || entry.line > best.line) best = entry;
  }
  return best;
}

/**
 * A module under any entry of a search path (sys.path, or the `__path__` of
 * the package that was found): `a.b` → `<entry>/a/b` (as a package folder,
 * `.py` or extension file).
 */
export function findOpaqueModuleCover(opaque: ImageModel['opaque'], searchPath: readonly string[], parts: readonly string[]): Opaque | undefined {
  if (opaque.length === 0) return undefined;
  const rel = parts.join('/');
  for (const entry of searchPath) {
    const found = findOpaqueCover(opaque, entry === '/' ? `/${rel}` : `${entry}/${rel}`);
    if (found) return found;
  }
  return undefined;
}

function covers(opaquePath: string, path: string): boolean {
  if (relativeBelow(opaquePath, path) !== undefined) return true;
  // Anything below `<path>/`, or the module's own file: `<path>.py`, `<path>.cpython-312-x86_64-linux-gnu.so`.
  if (opaquePath.startsWith(`${path}/`)) return true;
  return opaquePath.startsWith(`${path}.`) && MODULE_SUFFIX.test(opaquePath.slice(path.length));
}

/** The assumption a finding under opaque content rests on, in words. */
export function describeOpaqueCover(entry: Opaque): string {
  return `${entry.path} comes from ${entry.reason} (line ${entry.line}), whose contents cannot be seen; assumed not to provide it`;
}
