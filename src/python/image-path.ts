import path from 'node:path';
import { asImagePath, type ImagePath } from '../types.js';

/** Joins image path segments and normalises the result (POSIX, absolute). */
export function joinImagePath(base: ImagePath | string, ...parts: string[]): ImagePath {
  return asImagePath(path.posix.resolve('/', base, ...parts));
}

export function imageDirname(file: ImagePath): ImagePath {
  return asImagePath(path.posix.dirname(file));
}

/** `rel` of `target` below `base`, or undefined when it is not below it. */
export function relativeBelow(base: string, target: string): string | undefined {
  if (base === target) return '';
  const prefix = base === '/' || base === '' ? base : `${base}/`;
  if (base === '') return target;
  return target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
}
