import type { ImportRef } from '../types.js';

/** The absolute module an import names. */
export interface ImportTarget {
  module: string;
}

/**
 * Turns an import statement into absolute module names, resolving relative
 * imports against the importing module's package. Returns undefined for a
 * relative import that climbs above the top-level package (Python raises
 * ImportError there; the file never ran that way).
 */
export function importTarget(ref: ImportRef, currentPackage: string): ImportTarget | undefined {
  let module = ref.module;
  if (ref.level > 0) {
    const parts = currentPackage === '' ? [] : currentPackage.split('.');
    if (ref.level - 1 >= parts.length) return undefined;
    const base = parts.slice(0, parts.length - (ref.level - 1));
    module = [...base, ...(ref.module === '' ? [] : ref.module.split('.'))].join('.');
  }
  if (module === '') return undefined;
  return { module };
}

/**
 * The names `from module import a, b` pulls that may be submodules, as
 * absolute modules. Worked out only for an import of a package found in the
 * image: a check of every service holds the targets of ~45,000 imports, and
 * these strings for all of them were ~3 MB of its heap.
 */
export function submoduleCandidates(target: ImportTarget, ref: ImportRef): string[] {
  return ref.names.filter((name) => name !== '*').map((name) => `${target.module}.${name}`);
}

/** The package a module's relative imports are resolved against. */
export function packageOf(module: string, isPackageInit: boolean): string {
  if (isPackageInit) return module;
  const dot = module.lastIndexOf('.');
  return dot === -1 ? '' : module.slice(0, dot);
}
