import type { ImagePath } from '../../types.js';
import { dirnameOf, resolveImagePath } from '../image-paths.js';
import type { Invocation, Launcher, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';
import { moduleOfAppSpec, pickAppSpec } from './app-spec.js';

/**
 * Servers that import `module:app` with the cwd on sys.path (hypercorn,
 * daphne, waitress-serve). Only the options that take a value matter.
 */
export function makeModuleAppServer(program: string, takesValue: string[], appOption?: string): Launcher {
  const options = new Set(takesValue);
  return (invocation: Invocation): LauncherOutcome => {
    const parsed = parseOptions(invocation.args, options);
    const app = (appOption ? lastOption(parsed, appOption) : undefined) ?? pickAppSpec(parsed.positionals);
    if (!app) return { failure: `${program} is given no \`module:app\`` };
    const module = moduleOfAppSpec(app);
    // hypercorn also accepts a file path (`src/app.py:app`).
    if (module.endsWith('.py') || module.includes('/')) {
      const path = resolveImagePath(invocation.cwd, module.endsWith('.py') ? module : `${module}.py`);
      return { roots: [{ kind: 'script', path, why: `${program} app file` }], front: [dirnameOf(path)] };
    }
    const front: ImagePath[] = [invocation.cwd];
    return { roots: [{ kind: 'module', module, why: `${program} app module` }], front };
  };
}

export const launchHypercorn = makeModuleAppServer('hypercorn', [
  '-b', '--bind', '-c', '--config', '-w', '--workers', '-k', '--worker-class', '--root-path', '--log-level',
  '--access-log', '--access-logfile', '--error-log', '--error-logfile', '--certfile', '--keyfile', '--ca-certs',
  '--ciphers', '--graceful-timeout', '--keep-alive', '--max-requests', '--pid', '--insecure-bind', '--quic-bind',
  '-u', '--user', '-g', '--group', '-m', '--umask', '--statsd-host', '--statsd-prefix', '--backlog',
  '--read-timeout', '--access-logformat', '--log-config', '--server-name',
]);

export const launchDaphne = makeModuleAppServer('daphne', [
  '-b', '--bind', '-p', '--port', '-u', '--unix-socket', '--fd', '-e', '--endpoint', '--access-log',
  '--log-fmt', '--http-timeout', '--ping-interval', '--ping-timeout', '--application-close-timeout',
  '--websocket_timeout', '--websocket_connect_timeout', '--root-path', '--proxy-headers-host',
  '--proxy-headers-port', '-v', '--verbosity', '--server-name',
]);

export const launchWaitress = makeModuleAppServer('waitress-serve', [
  '--host', '--port', '--listen', '--unix-socket', '--unix-socket-perms', '--threads', '--url-scheme',
  '--url-prefix', '--ident', '--backlog', '--recv-bytes', '--send-bytes', '--outbuf-overflow',
  '--outbuf-high-watermark', '--inbuf-overflow', '--connection-limit', '--cleanup-interval',
  '--channel-timeout', '--max-request-header-size', '--max-request-body-size', '--asyncore-loop-timeout',
  '--trusted-proxy', '--trusted-proxy-count', '--trusted-proxy-headers', '--app',
], '--app');
