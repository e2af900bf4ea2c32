import { parseShell } from '../shell/parse-shell.js';
import type { ShellCommand } from '../shell/shell-command.js';
import { decideConditions } from './decide-conditions.js';
import type { ImagePath } from '../types.js';
import { followCommand, followScriptFile } from './follow-command.js';
import { resolveImagePath } from './image-paths.js';
import type { Frame, Walk } from './launch-walk.js';
import { substitutePositional } from './substitute-positional.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const FUNCTION = /^\s*(?:function\s+[\w-]+|[\w-]+\s*\(\s*\))/m;

/** `sh [-ec] 'cmd' [$0 args…]` or `sh script.sh args…`. */
export function followShellProgram(name: string, args: string[], frame: Frame, walk: Walk): void {
  let i = 0;
  let isInline = false;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '-o' || arg === '+o') i++;
    else if (/^-[a-z]*c[a-z]*$/i.test(arg)) isInline = true;
    else if (!/^[-+]./.test(arg)) break;
  }
  const target = args[i];
  if (target === undefined) {
    walk.dead.push({ programs: frame.trail, reason: `\`${name}\` starts an interactive shell`, viaExec: frame.viaExec });
  } else if (isInline) {
    followShellText(target, args[i + 1] ?? name, args.slice(i + 2), frame, walk);
  } else {
    followScriptFile(resolveImagePath(frame.cwd, target), args.slice(i + 1), frame, walk);
  }
}

/**
 * Follows the commands of a shell text that run. `cd`, `export`, `set --`
 * and `shift` change what later commands see. A branch whose condition the
 * known arguments and environment decide is taken or skipped; one they do
 * not decide is followed under that condition, named. An unconditional
 * `exec` ends the script: nothing after it runs.
 */
export function followShellText(text: string, scriptName: string, args: readonly string[], frame: Frame, walk: Walk): void {
  let cwd: ImagePath = frame.cwd;
  const env = { ...frame.env };
  let positional = [...args];
  const commands = parseShell(text, { env: frame.env });
  // A function's body is listed where it is defined, not where it runs: its `exec` ends nothing there.
  const hasFunctions = FUNCTION.test(text);
  for (const [k, command] of commands.entries()) {
    const decision = decideConditions(command.conditions, {
      env: { ...env, ...command.assignments }, positional, scriptName, cwd,
      hasFile: walk.context.hasFile, hasDir: (p) => walk.context.image.dirs.has(p),
    });
    if (!decision.runs) continue;
    const words = substitutePositional(command.words, scriptName, positional);
    const [first, ...rest] = words;
    if (first === undefined) {
      Object.assign(env, command.assignments);
      continue;
    }
    if (first === 'cd') {
      const dir = rest[0] ?? env.HOME ?? '/root';
      if (dir !== '-' && !dir.includes('$')) cwd = resolveImagePath(cwd, dir);
    } else if (first === 'export' || first === 'readonly') {
      for (const m of rest.map((w) => ASSIGNMENT.exec(w))) if (m) env[m[1] as string] = m[2] as string;
    } else if (first === 'unset') {
      for (const name of rest) delete env[name];
    } else if (first === 'set' && rest.includes('--')) {
      positional = rest.slice(rest.indexOf('--') + 1);
    } else if (first === 'shift') {
      positional = positional.slice(Number(rest[0] ?? 1) || 1);
    } else {
      const unsure = [...(frame.unsure ?? []), ...decision.unsure.map((c) => `runs only when ${c}`)];
      followCommand(words, { ...frame, cwd, env: { ...env, ...command.assignments }, viaExec: false, ...(unsure.length > 0 ? { unsure } : {}) }, walk);
      if (first === 'exec' && rest.length > 0 && decision.unsure.length === 0 && !hasFunctions && isUnconditional(commands, k)) return;
    }
  }
}

/** Runs whenever the script gets there: not the right side of `&&`/`||`, not fed by or into a pipe. */
function isUnconditional(commands: readonly ShellCommand[], k: number): boolean {
  const before = commands[k]?.separatorBefore;
  const after = commands[k + 1]?.separatorBefore;
  return (before === undefined || before === ';') && after !== '|' && after !== '&' && after !== '||' && after !== '&&';
}
