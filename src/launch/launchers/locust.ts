import type { ImagePath } from '../../types.js';
import { dirnameOf, resolveImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';

/** The value of `-f X`, `-fX`, `--locustfile X` or `--locustfile=X`, the last one given. */
function readLocustfileOption(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg === '-f' || arg === '--locustfile') found = args[++i];
    else if (arg.startsWith('--locustfile=')) found = arg.slice('--locustfile='.length);
    else if (arg.startsWith('-f') && !arg.startsWith('--')) found = arg.slice(2);
  }
  return found;
}

/**
 * `locust -f path/locustfile.py`: locust puts the cwd and then the file's
 * folder at the front of sys.path and imports the file under its own name
 * (the file may be given without `.py`; several may be comma-separated).
 * Defaults: `LOCUST_LOCUSTFILE`, else `locustfile.py` in the cwd.
 */
export function launchLocust(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { args, cwd, env } = invocation;
  const given = readLocustfileOption(args) ?? env.LOCUST_LOCUSTFILE ?? 'locustfile.py';
  const roots = [];
  const front: ImagePath[] = [];
  for (const name of given.split(',').map((n) => n.trim()).filter(Boolean)) {
    if (/^https?:\/\//.test(name)) return { failure: `locust loads its locustfile from a URL (${name})` };
    const path = resolveImagePath(cwd, name);
    const file = name.endsWith('.py') || !context.hasFile(resolveImagePath(cwd, `${name}.py`)) ? path : resolveImagePath(cwd, `${name}.py`);
    if (context.image.dirs.has(file)) return { failure: `locust is given the folder ${name}, whose files it loads at run time` };
    roots.push({ kind: 'script' as const, path: file, why: 'locustfile' });
    front.push(dirnameOf(file));
  }
  if (roots.length === 0) return { failure: 'locust is given no locustfile' };
  return { roots, front: [...new Set([...front, cwd])] };
}
