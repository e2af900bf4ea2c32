import type { LaunchRoot } from '../../types.js';
import { joinImagePath, resolveImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';
import { moduleOfAppSpec } from './app-spec.js';

const TAKES_VALUE = new Set(['-A', '--app', '-b', '--broker', '--result-backend', '--loader', '--config',
  '--workdir', '-l', '--loglevel', '-c', '--concurrency', '-Q', '--queues', '-n', '--hostname', '-P', '--pool',
  '-s', '--schedule', '-S', '--scheduler', '--logfile', '-f', '--pidfile']);

/**
 * `celery -A proj worker`: celery imports the app module with the cwd (or
 * `--workdir`) on sys.path. For a bare `-A proj` without an app attribute
 * celery falls back to `proj.celery`, so that module counts when present.
 */
export function launchCelery(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const parsed = parseOptions(invocation.args, TAKES_VALUE);
  const app = lastOption(parsed, '-A', '--app');
  if (!app) return { failure: 'celery is given no app (-A/--app)' };
  const cwd = resolveImagePath(invocation.cwd, lastOption(parsed, '--workdir') ?? '.');
  const module = moduleOfAppSpec(app);
  const roots: LaunchRoot[] = [{ kind: 'module', module, why: 'celery app' }];
  if (!app.includes(':')) {
    const dir = joinImagePath(cwd, ...module.split('.'));
    if (context.hasFile(joinImagePath(dir, 'celery.py')) || context.hasFile(joinImagePath(dir, 'celery', '__init__.py'))) {
      roots.push({ kind: 'module', module: `${module}.celery`, why: 'celery app' });
    }
  }
  return { roots, front: [cwd] };
}
