import { resolveImagePath } from '../image-paths.js';
import type { Invocation, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';
import { moduleOfAppSpec, pickAppSpec } from './app-spec.js';

const TAKES_VALUE = new Set([
  '--host', '--port', '--uds', '--fd', '--reload-dir', '--reload-include', '--reload-exclude', '--reload-delay',
  '--workers', '--loop', '--http', '--ws', '--ws-max-size', '--ws-max-queue', '--ws-ping-interval',
  '--ws-ping-timeout', '--ws-per-message-deflate', '--lifespan', '--interface', '--env-file', '--log-config',
  '--log-level', '--root-path', '--limit-concurrency', '--limit-max-requests', '--backlog', '--timeout-keep-alive',
  '--timeout-graceful-shutdown', '--ssl-keyfile', '--ssl-certfile', '--ssl-keyfile-password', '--ssl-version',
  '--ssl-cert-reqs', '--ssl-ca-certs', '--ssl-ciphers', '--header', '--app-dir', '--forwarded-allow-ips',
  '--h11-max-incomplete-event-size',
]);

/** uvicorn inserts `--app-dir` (default: the cwd) at sys.path[0], then imports `module:attr`. */
export function launchUvicorn(invocation: Invocation): LauncherOutcome {
  const { cwd, env } = invocation;
  const parsed = parseOptions(invocation.args, TAKES_VALUE);
  const app = pickAppSpec(parsed.positionals) ?? env.UVICORN_APP;
  if (!app) return { failure: 'uvicorn is given no `module:app` (argument or UVICORN_APP)' };
  const appDir = resolveImagePath(cwd, lastOption(parsed, '--app-dir') ?? env.UVICORN_APP_DIR ?? '.');
  return {
    roots: [{ kind: 'module', module: moduleOfAppSpec(app), why: 'uvicorn app module' }],
    front: [appDir],
  };
}
