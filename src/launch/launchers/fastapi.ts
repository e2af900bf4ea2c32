import { joinImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';
import { moduleOfAppSpec } from './app-spec.js';
import { locatePackageImport } from './package-import.js';

const TAKES_VALUE = new Set(['--host', '--port', '--root-path', '--workers', '--app', '-e', '--entrypoint',
  '--forwarded-allow-ips']);
// fastapi-cli's search order when no path is given.
const DEFAULT_FILES = ['main.py', 'app.py', 'api.py', 'app/main.py', 'app/app.py', 'app/api.py'];

/** `fastapi run|dev [path]`: the file's package root goes on sys.path, like flask. */
export function launchFastapi(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { cwd } = invocation;
  const parsed = parseOptions(invocation.args, TAKES_VALUE);
  const entrypoint = lastOption(parsed, '--entrypoint', '-e');
  if (entrypoint) {
    return { roots: [{ kind: 'module', module: moduleOfAppSpec(entrypoint), why: 'fastapi entrypoint' }], front: [cwd] };
  }
  const [, path] = parsed.positionals;
  const target = path ?? DEFAULT_FILES.find((f) => context.hasFile(joinImagePath(cwd, f))) ?? 'main.py';
  const { module, dir } = locatePackageImport(cwd, target, context);
  return { roots: [{ kind: 'module', module, why: 'fastapi app' }], front: [dir] };
}
