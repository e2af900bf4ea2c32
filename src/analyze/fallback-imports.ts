import type { ImportRef } from '../types.js';

/** What became of one import: found in the image, the standard library, a first-party module the image lacks, or third-party. */
export type ImportStatus = 'image' | 'stdlib' | 'missing' | 'external';

/** Whether an `except ImportError` handler's import runs, given what became of its `try` body's imports. */
export type FallbackVerdict = { runs: 'never' } | { runs: 'always' } | { runs: 'if-missing'; modules: string[] };

/**
 * The handler runs when an import of the body fails. A body whose imports
 * all resolve in the image (or are stdlib) never fails, so the handler's
 * imports never run; a body with a first-party module the image lacks
 * always fails. A body that imports third-party modules fails only when one
 * is not installed, which the dependency check decides. Nested handlers run
 * only when every enclosing body failed. A body import not analysed (a
 * relative import above the top-level package) fails.
 */
export function judgeFallback(
  ref: ImportRef,
  imports: readonly ImportRef[],
  statusOf: (ref: ImportRef) => ImportStatus | undefined,
): FallbackVerdict {
  let undecided: string[] | undefined;
  for (const group of ref.fallbackFor ?? []) {
    const body = group.flatMap((i) => (imports[i] ? [imports[i]] : []));
    const statuses = body.map((r) => statusOf(r) ?? 'missing');
    if (statuses.includes('missing')) continue;
    if (!statuses.includes('external')) return { runs: 'never' };
    undecided ??= body.filter((_, i) => statuses[i] === 'external').map((r) => r.module);
  }
  return undecided ? { runs: 'if-missing', modules: undecided } : { runs: 'always' };
}

/**
 * A try body's first-party import that the image lacks does not break the
 * service when its except ImportError handler imports a replacement that
 * the image has (or, for a third-party one, that may be installed): those
 * body imports, each with the assumption its finding then rests on.
 */
export function findReplacedImports(
  imports: readonly ImportRef[],
  handlerRef: ImportRef,
  replacement: string,
  statuses: ReadonlyMap<ImportRef, ImportStatus>,
  targets: ReadonlyMap<ImportRef, string>,
): Array<{ module: string; line: number; assumption: string }> {
  const installed = statuses.get(handlerRef) === 'external' ? ' if it is installed' : '';
  const replaced: Array<{ module: string; line: number; assumption: string }> = [];
  for (const index of handlerRef.fallbackFor?.flat() ?? []) {
    const body = imports[index];
    const module = body && statuses.get(body) === 'missing' ? targets.get(body) : undefined;
    if (body === undefined || module === undefined) continue;
    const assumption = `its except ImportError handler imports ${replacement} instead (line ${handlerRef.line}), which replaces it${installed}`;
    replaced.push({ module, line: body.line, assumption });
  }
  return replaced;
}
