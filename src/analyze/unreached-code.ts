import type { ImportRef, ParsedModule, RepoPath, UnreachedDefinition } from '../types.js';
import type { NameUses } from './name-uses.js';
import type { ImportTarget } from './import-targets.js';

/** An import inside a top-level definition its own module never reaches, held back until the closure is known. */
export interface DeferredImport<V> {
  visit: V;
  ref: ImportRef;
  target: ImportTarget;
  definition: UnreachedDefinition;
  file: RepoPath;
  module: string;
}

/** The unreached definition an import line lies in, if any. */
export function unreachedDefinitionAt(parsed: ParsedModule, line: number): UnreachedDefinition | undefined {
  return parsed.unreached?.find((d) => d.lines.some(([first, last]) => line >= first && line <= last));
}

/**
 * A `__getattr__` branch for names nothing asks for never runs: PEP 562
 * calls it only for a name requested. Its imports are not followed at all.
 */
export const isUnaskedLazyBranch = (definition: UnreachedDefinition): boolean => definition.name === '__getattr__' && definition.via.length > 0;

/** Why a held-back import that nothing showed to run is still followed: a guess, in words. */
export function unreachedAssumption(definition: UnreachedDefinition, file: string): string {
  if (definition.name !== '__getattr__') return `in code this service does not reach: nothing in the service's code uses ${definition.name} of ${file}`;
  return definition.via.length > 0
    ? `in code this service does not reach: the __getattr__ of ${file} imports it only for ${definition.via.join(', ')}, which nothing in the service's code asks for`
    : `imported by the __getattr__ of ${file} (PEP 562) for names dockguard cannot tell`;
}

/**
 * Which held-back imports do run after all: those whose definition (or one
 * leading to it) is named by another module of the closure, anywhere in its
 * text (a call, an attribute, an import, a string, a comment: conservative),
 * or whose module another module star-imports (public names only).
 */
export async function pickReachable<V>(
  deferred: readonly DeferredImport<V>[],
  files: ReadonlySet<RepoPath>,
  starImported: ReadonlySet<string>,
  uses: NameUses,
): Promise<Set<DeferredImport<V>>> {
  await uses.scan(files, new Set(deferred.flatMap((d) => d.definition.via)));
  const isUsedElsewhere = (d: DeferredImport<V>): boolean => d.definition.via.some((name) => uses.isUsedOutside(name, d.file, files));
  // A star import takes public names, and asks a module's __getattr__ for those of its __all__ it does not bind.
  const isStarImported = (d: DeferredImport<V>): boolean =>
    starImported.has(d.module) && (!d.definition.name.startsWith('_') || (d.definition.name === '__getattr__' && d.definition.via.length > 0));
  return new Set(deferred.filter((d) => isUsedElsewhere(d) || isStarImported(d)));
}
