import type { ImageModel, ImagePath, LaunchPlan } from '../types.js';
import { assemblePlan } from './assemble-plan.js';
import type { ConsoleScript } from './console-scripts.js';
import { computeEffectiveCommand, type EffectiveCommand } from './effective-command.js';
import { followCommand } from './follow-command.js';
import type { LaunchContext } from './launch-context.js';
import { describeNoCommand, describeUnfollowed, ENTRYPOINT_UNKNOWN } from './launch-messages.js';
import type { Walk } from './launch-walk.js';
import { findLauncher } from './launchers/index.js';
import { healthcheckArgv } from './healthcheck-argv.js';

export interface DeriveLaunchInput {
  image: ImageModel;
  /** Entrypoint from config or a compose `command:`; replaces CMD (a string is shell form). */
  override?: string | string[];
  /** Content of an image file that comes from the repository (entry scripts, gunicorn.conf.py). */
  readImageText: (p: ImagePath) => string | undefined;
  /** Console scripts of the projects the image's build copies in, by command name. */
  consoleScripts?: ReadonlyMap<string, ConsoleScript>;
  /** Variables the deployment sets on top of the image's ENV (compose `environment:`). */
  environment?: Record<string, string>;
}

/**
 * From CMD/ENTRYPOINT (and HEALTHCHECK) to the Python files and modules the
 * container starts from, and the sys.path they are resolved on. When no
 * Python start can be found the plan says so (`fallback`) with a problem:
 * the check must never pass silently.
 */
export function deriveLaunch(input: DeriveLaunchInput): LaunchPlan {
  const { image } = input;
  const context: LaunchContext = {
    image,
    readImageText: input.readImageText,
    hasFile: (p) => image.files.has(p),
    launcherFor: findLauncher,
    consoleScript: (name) => input.consoleScripts?.get(name),
  };
  const command = computeEffectiveCommand(image, input.override);
  const env = { ...image.env, ...input.environment };
  const main = walkArgv(command.argv, image, context, env);
  const health = walkArgv(healthcheckArgv(image), image, context, env);
  if (main.reached.length === 0) return fallbackPlan(image, command, main);
  return assemblePlan(command.description, main.reached, health.reached);
}

function walkArgv(argv: string[] | undefined, image: ImageModel, context: LaunchContext, env: Record<string, string>): Walk {
  const walk: Walk = { context, reached: [], dead: [] };
  if (argv) followCommand(argv, { cwd: image.workdir, env: { ...env }, trail: [], depth: 0, viaExec: false }, walk);
  return walk;
}

function fallbackPlan(image: ImageModel, command: EffectiveCommand, walk: Walk): LaunchPlan {
  // The command a script `exec`s is the one the container lives on: blame it first.
  const blamed = walk.dead.filter((d) => d.viaExec).at(-1) ?? walk.dead.at(-1);
  const message = command.argv
    ? describeUnfollowed(command.description, blamed?.reason ?? 'it runs nothing')
    : describeNoCommand(image.dockerfile);
  const programs = blamed?.programs ?? [];
  return {
    program: programs.at(-1),
    programs,
    roots: [],
    sysPath: [],
    sysPathTail: [],
    description: command.description,
    fallback: true,
    problems: [{ rule: ENTRYPOINT_UNKNOWN, file: image.dockerfile, line: command.line, message, severity: 'warning' }],
  };
}
