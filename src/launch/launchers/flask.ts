import { joinImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';
import { locatePackageImport } from './package-import.js';

const TAKES_VALUE = new Set(['--app', '-A', '-e', '--env-file', '-h', '--host', '-p', '--port', '--cert', '--key',
  '--extra-files', '--exclude-patterns']);

/** Flask's import path split: the first `:` not followed by a path separator. */
const splitAppImport = (value: string): string => value.split(/:(?![\\/])/)[0] ?? value;

/** `flask [--app X] run`: X (or FLASK_APP) is a file or dotted module; default wsgi.py then app.py. */
export function launchFlask(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { cwd, env } = invocation;
  const parsed = parseOptions(invocation.args, TAKES_VALUE);
  const given = lastOption(parsed, '--app', '-A') ?? env.FLASK_APP;
  const why = given === undefined ? 'flask default app' : 'flask app';
  const target = given === undefined ? defaultFlaskApp(invocation, context) : splitAppImport(given);
  const { module, dir } = locatePackageImport(cwd, target, context);
  return { roots: [{ kind: 'module', module, why }], front: [dir] };
}

function defaultFlaskApp({ cwd }: Invocation, context: LaunchContext): string {
  return context.hasFile(joinImagePath(cwd, 'wsgi.py')) ? 'wsgi.py' : 'app.py';
}
