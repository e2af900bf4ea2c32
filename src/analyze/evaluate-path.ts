import path from 'node:path';
import { asImagePath, type ImagePath, type PathExpr } from '../types.js';

/**
 * Where a path a module computes points in the image, for the module's own
 * file and the process's cwd: `os.path.join` semantics (an absolute part
 * starts over), normalised, and a relative result taken from the cwd, as
 * Python does with a relative sys.path entry.
 */
export function evaluatePath(expr: PathExpr, file: ImagePath, cwd: ImagePath): ImagePath {
  return asImagePath(path.posix.resolve(cwd, evaluate(expr, file, cwd)));
}

function evaluate(expr: PathExpr, file: ImagePath, cwd: ImagePath): string {
  switch (expr[0]) {
    case 'lit':
      return expr[1];
    case 'file':
      return file;
    case 'cwd':
      return cwd;
    case 'dir':
      return path.posix.dirname(path.posix.resolve(cwd, evaluate(expr[1], file, cwd)));
    case 'up': {
      let dir = path.posix.resolve(cwd, evaluate(expr[1], file, cwd));
      for (let i = 0; i < expr[2]; i++) dir = path.posix.dirname(dir);
      return dir;
    }
    case 'join':
      return path.posix.resolve(cwd, ...expr[1].map((part) => evaluate(part, file, cwd)));
  }
}
