import { dirnameOf, resolveImagePath } from '../image-paths.js';
import type { Invocation, LauncherOutcome } from '../launch-context.js';
import { lastOption, parseOptions } from '../parse-options.js';

const TAKES_VALUE = new Set(['--target', '--source', '--signature-type', '--host', '--port']);

/**
 * functions-framework loads the source file by path (default `main.py` in
 * the cwd) and appends its directory to the end of sys.path, after
 * site-packages.
 */
export function launchFunctionsFramework(invocation: Invocation): LauncherOutcome {
  const { cwd, env } = invocation;
  const parsed = parseOptions(invocation.args, TAKES_VALUE);
  const source = lastOption(parsed, '--source') ?? env.FUNCTION_SOURCE ?? 'main.py';
  const path = resolveImagePath(cwd, source);
  return { roots: [{ kind: 'script', path, why: 'functions-framework source' }], front: [], tail: [dirnameOf(path)] };
}
