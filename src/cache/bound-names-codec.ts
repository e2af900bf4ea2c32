import type { BoundNames } from '../python/bound-names.js';

/** How a module's bound names are cached: `[names, [[module, level], …] of star imports, opaque ? 1 : 0]`. */
export type EncodedBoundNames = [string[], Array<[string, number]>, 0 | 1];

export const encodeBoundNames = (bound: BoundNames): EncodedBoundNames => [
  [...bound.names],
  bound.starImports.map((star) => [star.module, star.level]),
  bound.isOpaque ? 1 : 0,
];

/** Anything of another shape is a miss (parse again), never a wrong answer. */
export function decodeBoundNames(value: unknown): BoundNames | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [names, stars, opaque] = value as unknown[];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return undefined;
  if (!Array.isArray(stars) || !stars.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && Number.isInteger(s[1]))) return undefined;
  if (opaque !== 0 && opaque !== 1) return undefined;
  return {
    names: new Set(names as string[]),
    starImports: (stars as Array<[string, number]>).map(([module, level]) => ({ module, level, names: ['*'] })),
    isOpaque: opaque === 1,
  };
}
