import type { ImportRef, ParsedModule, RepoPath, UnreachedDefinition } from '../types.js';
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

export const unreachedAssumption = (definition: string, file: string): string =>
  `in code this service does not reach: nothing in the service's code uses ${definition} of ${file}`;

/**
 * Which held-back imports do run after all: those whose definition (or one
 * leading to it) is named by another module of the closure, anywhere in its
 * text (a call, an attribute, an import, a string, a comment: conservative),
 * or whose module another module star-imports (public names only).
 */
export async function pickReachable<V>(
  deferred: readonly DeferredImport<V>[],
  files: Iterable<RepoPath>,
  starImported: ReadonlySet<string>,
  readText: (file: RepoPath) => Promise<string | undefined>,
): Promise<Set<DeferredImport<V>>> {
  const names = new Set(deferred.flatMap((d) => d.definition.via));
  const usedIn = new Map<string, Set<RepoPath>>();
  if (names.size > 0) {
    const pattern = new RegExp(`(?<![\\p{ID_Continue}])(?:${[...names].join('|')})(?![\\p{ID_Continue}])`, 'gu');
    for (const file of files) {
      const text = await readText(file);
      for (const match of text?.matchAll(pattern) ?? []) {
        const where = usedIn.get(match[0]) ?? new Set<RepoPath>();
        where.add(file);
        usedIn.set(match[0], where);
      }
    }
  }
  const isUsedElsewhere = (d: DeferredImport<V>): boolean =>
    d.definition.via.some((name) => [...(usedIn.get(name) ?? [])].some((file) => file !== d.file));
  const isStarImported = (d: DeferredImport<V>): boolean => starImported.has(d.module) && !d.definition.name.startsWith('_');
  return new Set(deferred.filter((d) => isUsedElsewhere(d) || isStarImported(d)));
}
