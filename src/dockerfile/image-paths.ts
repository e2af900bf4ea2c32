import path from 'node:path';
import { asImagePath, type ImagePath } from '../types.js';

/*
 * Inside the model an image path is kept without its leading `/` (root =
 * `''`) so stage trees and the build context share one shape; these helpers
 * convert at the edges.
 */

export function toImagePath(rel: string): ImagePath {
  return asImagePath('/' + rel);
}

/** Absolute image path (normalised) → internal key. */
export function toImageKey(abs: string): string {
  const cleaned = path.posix.normalize('/' + abs);
  return cleaned === '/' ? '' : cleaned.replace(/\/+$/, '').slice(1);
}

/** Resolves a path against WORKDIR as BuildKit's `pathRelativeToWorkingDir` does. */
export function resolveAgainst(workdir: ImagePath, target: string): string {
  return toImageKey(target.startsWith('/') ? target : `${workdir}/${target}`);
}

export function joinKey(dir: string, rel: string): string {
  if (dir === '') return rel;
  return rel === '' ? dir : `${dir}/${rel}`;
}

export function parentKey(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

export function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** True when `key` is `dir` or lies beneath it. */
export function isWithin(key: string, dir: string): boolean {
  return dir === '' || key === dir || key.startsWith(dir + '/');
}
