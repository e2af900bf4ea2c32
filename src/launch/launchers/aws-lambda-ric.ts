import type { Invocation, LauncherOutcome } from '../launch-context.js';

/**
 * `python -m awslambdaric app.handlers.main.handler` (AWS Lambda's runtime
 * interface client on a non-Lambda base image): it imports the module before
 * the last dot, written with dots or slashes, from the working directory
 * (which `python -m` puts at sys.path[0]), and calls the function after it.
 */
export function launchAwsLambdaRic(invocation: Invocation): LauncherOutcome {
  const handler = invocation.args.find((arg) => !arg.startsWith('-'));
  if (handler === undefined) return { failure: 'awslambdaric is given no handler (module.function)' };
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return { failure: `the Lambda handler ${handler} is not module.function` };
  const module = handler.slice(0, dot).replaceAll('/', '.');
  return { roots: [{ kind: 'module', module, why: 'Lambda handler module' }], front: [invocation.cwd] };
}
