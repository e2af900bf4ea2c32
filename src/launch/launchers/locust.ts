import { dirnameOf, resolveImagePath } from '../image-paths.js';
import type { Invocation, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';

/** Locust options that take a value; any other is a flag. */
const TAKES_VALUE = new Set([
  '-f', '--locustfile', '-H', '--host', '-u', '--users', '-r', '--spawn-rate', '-t', '--run-time', '--config',
  '--master-host', '--master-port', '--master-bind-host', '--master-bind-port', '--expect-workers', '--web-host',
  '--web-port', '-P', '--tags', '-T', '--exclude-tags', '--csv', '--html', '--loglevel', '-L', '--logfile',
  '--processes', '--stop-timeout', '--exit-code-on-error',
]);

/**
 * `locust -f /loadtest/locustfile.py`: locust imports each locustfile
 * (comma-separated; `locustfile.py` in the cwd by default, or
 * `LOCUST_LOCUSTFILE`) after putting its directory first on sys.path
 * (locust/util/load_locustfile.py).
 */
export function launchLocust(invocation: Invocation): LauncherOutcome {
  const parsed = parseOptions(invocation.args, TAKES_VALUE);
  const given = lastOption(parsed, '-f', '--locustfile') ?? invocation.env.LOCUST_LOCUSTFILE ?? 'locustfile.py';
  if (/^https?:\/\//.test(given)) return { failure: `locust loads its locustfile from a URL (${given})` };
  const files = given.split(',').filter(Boolean).map((f) => resolveImagePath(invocation.cwd, f.endsWith('.py') ? f : `${f}.py`));
  return {
    roots: files.map((path) => ({ kind: 'script' as const, path, why: 'locustfile' })),
    front: [...new Set(files.map(dirnameOf))],
  };
}
