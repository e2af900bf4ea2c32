import path from 'node:path';
import { asImagePath, type ImagePath } from '../types.js';

/** Absolute image path of `p` seen from `cwd` (already absolute paths are normalised). */
export function resolveImagePath(cwd: ImagePath, p: string): ImagePath {
  return asImagePath(path.posix.resolve(cwd, p));
}

export function dirnameOf(p: ImagePath): ImagePath {
  return asImagePath(path.posix.dirname(p));
}

export function basenameOf(p: string): string {
  return path.posix.basename(p);
}

export function joinImagePath(dir: ImagePath, ...rest: string[]): ImagePath {
  return asImagePath(path.posix.join(dir, ...rest));
}

/** `PATH` when the image sets none: the default of the official Debian-based images. */
export { DEFAULT_IMAGE_PATH as DEFAULT_PATH } from '../dockerfile/base-image.js';
