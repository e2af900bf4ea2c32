import type { ImagePath, LaunchRoot } from '../types.js';
import { findLauncher } from './launchers/index.js';
import { launchPython } from './launchers/python.js';
import { basenameOf, DEFAULT_PATH, joinImagePath, resolveImagePath } from './image-paths.js';
import { isFailure } from './launch-context.js';
import { MAX_DEPTH, type Frame, type Walk } from './launch-walk.js';
import { explainUnknownProgram } from './launch-messages.js';
import { findWrapper } from './wrappers.js';
import { followShellProgram, followShellText } from './follow-shell.js';
import { followSupervisord } from './follow-supervisord.js';

/**
 * Follows one command line (exec form, or a command the shell parser
 * produced) to the Python it starts, through `exec`, wrappers, shells and
 * entry scripts. Findings go into `walk`; nothing is thrown.
 */
export function followCommand(argv: readonly string[], frame: Frame, walk: Walk): void {
  const dead = (reason: string, programs = frame.trail): void => {
    walk.dead.push({ programs, reason, viaExec: frame.viaExec });
  };
  if (frame.depth > MAX_DEPTH) return dead('commands and scripts call each other too deeply to follow');
  const [first, ...args] = argv;
  if (first === undefined) return dead('the command is empty');
  if (first === 'exec') {
    const rest = args[0] === '-a' ? args.slice(2) : args.filter((a, i) => i > 0 || !/^-[cl]+$/.test(a));
    if (rest.length === 0) return dead('`exec` has nothing to run (no CMD arguments for "$@")');
    return followCommand(rest, { ...frame, viaExec: true }, walk);
  }
  const name = basenameOf(first);
  const next: Frame = { ...frame, trail: [...frame.trail, name], depth: frame.depth + 1 };

  const wrapper = findWrapper(name);
  if (wrapper) {
    const unwrapped = wrapper(args);
    if ('failure' in unwrapped) return dead(`\`${name}\` ${unwrapped.failure}`, next.trail);
    if (unwrapped.rest.length === 0) return dead(`\`${name}\` is given no command to run`, next.trail);
    const cwd = unwrapped.chdir ? resolveImagePath(frame.cwd, unwrapped.chdir) : frame.cwd;
    return followCommand(unwrapped.rest, { ...next, cwd, env: { ...frame.env, ...unwrapped.env } }, walk);
  }
  if (SHELLS.has(name)) return followShellProgram(name, args, next, walk);
  if (name === 'supervisord') return followSupervisord(args, next, walk);

  const launcher = findLauncher(name);
  if (launcher) {
    const outcome = launcher({ args, cwd: frame.cwd, env: frame.env }, walk.context);
    if (isFailure(outcome)) return dead(outcome.failure, next.trail);
    const unset = unsetVariableIn(outcome.roots);
    if (unset) return dead(`\`${name}\` is given ${unset}, a variable the image does not set (whoever runs the container may)`, next.trail);
    walk.reached.push({ programs: next.trail, program: name, result: outcome, cwd: frame.cwd, env: frame.env, ...assumptionOf(frame) });
    return;
  }
  const path = locateExecutable(first, frame, walk);
  if (path) return followScriptFile(path, args, next, walk);
  // Installed by pip, not copied: a console script (also as a venv's bin/<name>) of the image's own project.
  const script = walk.context.consoleScript?.(name);
  if (!script) {
    // `doppler run -- cmd`, `op run -- cmd`, `wait-for-it.sh db:5432 -- cmd`: a program that is given `--` and then
    // a command is an exec wrapper by the universal convention (`--` ends its options, the rest is what it runs).
    const wrapped = commandAfterDoubleDash(args);
    if (wrapped) return followCommand(wrapped, next, walk);
    return dead(explainUnknownProgram(first), next.trail);
  }
  const root = { kind: 'module' as const, module: script.module, why: `console script ${name} (${script.declaredIn})` };
  const result = { roots: [root], front: [], installedProjects: [script.projectDir] };
  walk.reached.push({ programs: next.trail, program: name, result, cwd: frame.cwd, env: frame.env, ...assumptionOf(frame) });
}

/**
 * `gunicorn "$APP_MODULE"`, `python -m $SERVICE_MODULE`: a variable neither the image's ENV nor the
 * deployment's environment sets stays literal, and what it names cannot be known.
 */
function unsetVariableIn(roots: readonly LaunchRoot[]): string | undefined {
  for (const root of roots) {
    const names = root.kind === 'script' ? [root.path] : root.kind === 'module' ? [root.module] : root.imports;
    for (const name of names) {
      const variable = /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.exec(name)?.[0];
      if (variable) return variable;
    }
  }
  return undefined;
}

const assumptionOf = (frame: Frame): { assumption?: string } =>
  frame.unsure && frame.unsure.length > 0 ? { assumption: frame.unsure.join('; ') } : {};

/** What follows the first `--`, when it is a command (not more options). */
function commandAfterDoubleDash(args: readonly string[]): string[] | undefined {
  const end = args.indexOf('--');
  const rest = end === -1 ? [] : args.slice(end + 1);
  return rest.length > 0 && !rest[0]!.startsWith('-') ? rest : undefined;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** An entry script in the image: a Python file runs under python, anything else is read as sh. */
export function followScriptFile(path: ImagePath, args: string[], frame: Frame, walk: Walk, errexit = false): void {
  const dead = (reason: string): void => {
    walk.dead.push({ programs: frame.trail, reason, viaExec: frame.viaExec });
  };
  const text = walk.context.readImageText(path);
  if (text === undefined) return dead(`the entry script ${path} could not be read`);
  const shebang = /^#!(.*)/.exec(text)?.[1] ?? '';
  if (path.endsWith('.py') || /python/.test(shebang)) {
    const outcome = launchPython({ args: [path, ...args], cwd: frame.cwd, env: frame.env }, walk.context);
    if (isFailure(outcome)) return dead(outcome.failure);
    walk.reached.push({ programs: frame.trail, program: 'python', result: outcome, cwd: frame.cwd, env: frame.env, ...assumptionOf(frame) });
    return;
  }
  if (shebang && !/\b(sh|bash|dash|ash|zsh|ksh)\b/.test(shebang)) {
    return dead(`the entry script ${path} runs under \`${shebang.trim()}\`, which is not a shell or Python`);
  }
  followShellText(text, path, args, frame, walk, errexit);
}

/** The image file a program name runs: relative to the cwd when it has a `/`, else found on PATH. */
function locateExecutable(program: string, frame: Frame, walk: Walk): ImagePath | undefined {
  const { hasFile } = walk.context;
  if (program.includes('/')) {
    const path = resolveImagePath(frame.cwd, program);
    return hasFile(path) ? path : undefined;
  }
  for (const dir of (frame.env.PATH ?? DEFAULT_PATH).split(':')) {
    if (!dir.startsWith('/')) continue;
    const path = joinImagePath(resolveImagePath(frame.cwd, dir), program);
    if (hasFile(path)) return path;
  }
  return undefined;
}
