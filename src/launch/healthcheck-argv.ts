import type { ImageModel } from '../types.js';

/**
 * The argv of `HEALTHCHECK CMD …`, which runs inside the container and may
 * import the service's code (`python -c "import app.health"`). Tolerates a
 * model that kept Docker's `CMD`/`CMD-SHELL` marker in the command.
 */
export function healthcheckArgv(image: ImageModel): string[] | undefined {
  const check = image.healthcheck;
  if (!check) return undefined;
  const shell = image.shell.length > 0 ? image.shell : ['/bin/sh', '-c'];
  if (check.form === 'shell') return [...shell, check.command.replace(/^\s*CMD\s+/, '')];
  const [first, ...rest] = check.args;
  if (first === 'CMD-SHELL') return [...shell, rest.join(' ')];
  if (first === 'CMD') return rest;
  if (first === 'NONE') return undefined;
  return [...check.args];
}
