import type { ImagePath } from '../../types.js';
import { basenameOf, dirnameOf, joinImagePath, resolveImagePath } from '../image-paths.js';
import type { LaunchContext } from '../launch-context.js';

/**
 * Flask's `prepare_import` (also used by fastapi-cli): strip `.py` and
 * `__init__`, then climb while the parent directory is a package. The
 * directory left is inserted at sys.path[0]; the climbed names form the
 * module. A dotted name (`pkg.app`) climbs nothing and keeps the cwd.
 */
export function locatePackageImport(
  cwd: ImagePath,
  target: string,
  context: LaunchContext,
): { module: string; dir: ImagePath } {
  let p = resolveImagePath(cwd, target.endsWith('.py') ? target.slice(0, -3) : target);
  if (basenameOf(p) === '__init__') p = dirnameOf(p);
  const names: string[] = [];
  for (;;) {
    names.unshift(basenameOf(p));
    p = dirnameOf(p);
    if (p === '/' || !context.hasFile(joinImagePath(p, '__init__.py'))) break;
  }
  return { module: names.join('.'), dir: p };
}
