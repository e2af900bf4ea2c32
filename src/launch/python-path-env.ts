import type { ImagePath } from '../types.js';
import { resolveImagePath } from './image-paths.js';

/**
 * `PYTHONPATH` entries in order. Python makes relative entries absolute
 * against the start-up cwd, and an empty entry (`/app:` from
 * `ENV PYTHONPATH=/app:$PYTHONPATH`) becomes the cwd itself.
 */
export function readPythonPathEnv(env: Record<string, string>, cwd: ImagePath): ImagePath[] {
  const value = env.PYTHONPATH;
  if (value === undefined) return [];
  return value
    .split(':')
    // An unexpanded `$VAR` names no directory; the image model reports unresolved variables.
    .filter((entry) => !entry.includes('$'))
    .map((entry) => (entry === '' ? cwd : resolveImagePath(cwd, entry)));
}
