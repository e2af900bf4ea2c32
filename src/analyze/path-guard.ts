import { strongerGuard, type GuardKind } from '../python/guards.js';
import type { ImportRef } from '../types.js';

export type { GuardKind } from '../python/guards.js';

/**
 * The guard on the whole path to an import: the import's own, or one
 * further up the chain (a module imported under `except ImportError` whose
 * own import fails raises into that handler). The most optional one wins.
 */
export const pathGuard = (visitGuard: GuardKind | undefined, ref: ImportRef): GuardKind | undefined =>
  strongerGuard(visitGuard, refGuard(ref));

export const refGuard = (ref: ImportRef): GuardKind | undefined => (ref.guarded ? (ref.guardKind ?? 'import-error') : undefined);

/** How much a guard excuses, for choosing the path that proves most: unguarded first. */
const EXCUSE: Record<GuardKind | 'none', number> = { none: 0, broad: 1, condition: 2, 'import-error': 3 };
export const excuse = (guard: GuardKind | undefined): number => EXCUSE[guard ?? 'none'];

/**
 * A missing third-party module is an optional dependency only under an
 * `except ImportError` (or a version, `find_spec`, file-existence or
 * settings condition). Under `except Exception` or a bare `except:` it is error
 * handling: the feature breaks, so it stays an error.
 */
export const isOptionalDependency = (guard: GuardKind | undefined): boolean => guard === 'import-error' || guard === 'condition';

/**
 * Why a first-party module that exists nowhere is only a warning when
 * guarded: an optional local file (`local_settings.py`) that deployments
 * add or not. A module that exists in the repository but not in the image is
 * an error under any guard: the guard only hides that the image turned the
 * feature off.
 */
export function nowhereAssumption(guard: GuardKind | undefined): string | undefined {
  if (guard === undefined) return undefined;
  const how = guard === 'condition' ? 'runs only when a condition decided at run time holds (a file exists, a setting is on)' : 'is guarded by try/except';
  return `the import ${how}, so a module that exists nowhere is taken to be an optional local file (like local_settings.py)`;
}
