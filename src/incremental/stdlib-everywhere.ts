import { isStdlib, SUPPORTED_PYTHON_VERSIONS } from '../deps/stdlib.js';
import type { RepoSnapshot } from '../types.js';

const everywhere = new Map<string, boolean>();

/**
 * Whether `module` (a top-level name) is in the standard library of every
 * Python version dockguard knows, so that an import of it resolves there
 * whatever Python an image turns out to have.
 */
export function isStdlibEverywhere(module: string): boolean {
  let known = everywhere.get(module);
  if (known === undefined) {
    known = SUPPORTED_PYTHON_VERSIONS.every((version) => isStdlib(module, version));
    everywhere.set(module, known);
  }
  return known;
}

/**
 * Every name a file or folder of the repository could be imported as: each
 * folder's name, each file's name up to its first dot (`calendar.py`,
 * `calendar.cpython-312-x86_64-linux-gnu.so`), and each submodule's folder.
 * A copied one of these would be found on sys.path before the standard
 * library (the script's folder, PYTHONPATH and the working directory come
 * first).
 */
export function namesInRepository(snapshot: RepoSnapshot): Set<string> {
  const names = new Set<string>();
  const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  // A snapshot's dirs hold every ancestor of its files, so each folder's own name and each file's stem cover every segment.
  for (const dir of snapshot.dirs) if (dir !== '') names.add(lastSegment(dir));
  for (const file of snapshot.files) names.add(lastSegment(file).split('.')[0]!);
  for (const submodule of snapshot.submodules ?? []) for (const segment of submodule.split('/')) names.add(segment);
  return names;
}
