import type { LaunchRoot } from '../../types.js';
import { splitArgs } from '../../shell/split-args.js';
import { joinImagePath, resolveImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';
import { allOptions, lastOption, parseOptions } from '../parse-options.js';
import { moduleOfAppSpec, pickAppSpec } from './app-spec.js';
import { readGunicornConfig } from './gunicorn-config.js';

// Options of gunicorn that take a value; anything else is a flag.
const TAKES_VALUE = new Set([
  '-c', '--config', '-b', '--bind', '--backlog', '-w', '--workers', '-k', '--worker-class', '--threads',
  '--worker-connections', '--max-requests', '--max-requests-jitter', '-t', '--timeout', '--graceful-timeout',
  '--keep-alive', '--limit-request-line', '--limit-request-fields', '--limit-request-field_size', '--chdir',
  '--pythonpath', '--paste', '--paster', '-p', '--pid', '--worker-tmp-dir', '-u', '--user', '-g', '--group',
  '-m', '--umask', '-e', '--env', '--access-logfile', '--access-logformat', '--error-logfile', '--log-file',
  '--log-level', '--logger-class', '--log-config', '--log-config-json', '--log-syslog-to', '--log-syslog-prefix',
  '--log-syslog-facility', '--statsd-host', '--statsd-prefix', '--dogstatsd-tags', '-n', '--name',
  '--forwarded-allow-ips', '--proxy-allow-from', '--keyfile', '--certfile', '--ssl-version', '--cert-reqs',
  '--ca-certs', '--ciphers', '--reload-engine', '--reload-extra-file', '--header-map', '--forwarder-headers',
  '--worker-class', '--raw-env',
]);

/**
 * gunicorn imports the app module after `chdir(--chdir)` with that directory
 * and `--pythonpath` entries inserted at sys.path[0]. `GUNICORN_CMD_ARGS`
 * counts too; the command line wins over it.
 */
export function launchGunicorn(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { cwd, env } = invocation;
  const fromEnv = env.GUNICORN_CMD_ARGS ? splitArgs(env.GUNICORN_CMD_ARGS) : [];
  const parsed = parseOptions([...fromEnv, ...invocation.args], TAKES_VALUE);
  const roots: LaunchRoot[] = [];
  const configOption = lastOption(parsed, '-c', '--config');
  // The config file is read before --chdir applies, so it is relative to the start-up cwd; without -c, gunicorn reads ./gunicorn.conf.py.
  const configPath = configOption === undefined ? joinImagePath(cwd, 'gunicorn.conf.py') : configOption.startsWith('python:') ? undefined : resolveImagePath(cwd, configOption);
  if (configOption?.startsWith('python:')) roots.push({ kind: 'module', module: configOption.slice(7), why: 'gunicorn config' });
  else if (configPath !== undefined && (configOption !== undefined || context.hasFile(configPath))) roots.push({ kind: 'script', path: configPath, why: 'gunicorn config' });
  const configText = configPath === undefined ? undefined : context.readImageText(configPath);
  const config = configText === undefined ? { settings: {} } : readGunicornConfig(configText);
  if ('failure' in config) return { failure: config.failure };
  // The command line wins over the config file, setting by setting.
  const app = pickAppSpec(parsed.positionals) ?? config.settings.wsgi_app;
  if (!app) return { failure: 'gunicorn is given no app module, on its command line or as `wsgi_app` in its config file' };
  const chdir = resolveImagePath(cwd, lastOption(parsed, '--chdir') ?? config.settings.chdir ?? '.');
  const pythonpathOptions = allOptions(parsed, '--pythonpath');
  const pythonpath = (pythonpathOptions.length > 0 ? pythonpathOptions : config.settings.pythonpath === undefined ? [] : [config.settings.pythonpath])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => resolveImagePath(chdir, v));
  return { roots: [{ kind: 'module', module: moduleOfAppSpec(app), why: 'gunicorn app module' }, ...roots], front: [...pythonpath, chdir] };
}
