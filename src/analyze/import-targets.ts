import type { ImportRef } from '../types.js';

/** The absolute module an import names, and the names it pulls from it that may be submodules. */
export interface ImportTarget {
  module: string;
  submoduleCandidates: string[];
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
  const submoduleCandidates = ref.names.filter((name) => name !== '*').map((name) => `${module}.${name}`);
  return { module, submoduleCandidates };
}

/** The package a module's relative imports are resolved against. */
export function packageOf(module: string, isPackageInit: boolean): string {
  if (isPackageInit) return module;
  const dot = module.lastIndexOf('.');
  return dot === -1 ? '' : module.slice(0, dot);
}
