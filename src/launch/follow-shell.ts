import { parseShell } from '../shell/parse-shell.js';
import { substituteRunTimePaths } from './run-time-paths.js';
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
  let errexit = false;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '-o' || arg === '+o') errexit = args[++i] === 'errexit' ? arg === '-o' : errexit;
    else if (!/^[-+]./.test(arg)) break;
    else {
      if (/^-[a-z]*c[a-z]*$/i.test(arg)) isInline = true;
      if (/^-[a-z]*e/i.test(arg)) errexit = true;
    }
  }
  const target = args[i];
  if (target === undefined) {
    walk.dead.push({ programs: frame.trail, reason: `\`${name}\` starts an interactive shell`, viaExec: frame.viaExec });
  } else if (isInline) {
    followShellText(target, args[i + 1] ?? name, args.slice(i + 2), frame, walk, errexit);
  } else {
    followScriptFile(resolveImagePath(frame.cwd, target), args.slice(i + 1), frame, walk, errexit);
  }
}

/**
 * Follows the commands of a shell text that run. `cd`, `export`, `set --`
 * and `shift` change what later commands see. A branch whose condition the
 * known arguments and environment decide is taken or skipped; one they do
 * not decide is followed under that condition, named, as is a command whose
 * failure the script survives (`|| true`, no `set -e`). An unconditional
 * `exec` ends the script: nothing after it runs.
 */
export function followShellText(text: string, scriptName: string, args: readonly string[], frame: Frame, walk: Walk, errexit = false): void {
  let cwd: ImagePath = frame.cwd;
  const env = { ...frame.env };
  let positional = [...args];
  let exitsOnError = errexit || /^#!\S+(?:\s+\S+)?\s+-[a-z]*e/.test(text);
  const commands = parseShell(text, { env: frame.env });
  // A function's body is listed where it is defined, not where it runs: its `exec` ends nothing there.
  const hasFunctions = FUNCTION.test(text);
  for (const [k, command] of commands.entries()) {
    const decision = decideConditions(command.conditions, {
      env: { ...env, ...command.assignments }, positional, scriptName, cwd,
      hasFile: walk.context.hasFile, hasDir: (p) => walk.context.image.dirs.has(p),
    });
    if (!decision.runs) continue;
    const atRunTime = (word: string): string => substituteRunTimePaths(word, cwd, scriptName);
    // Before $0 becomes the script's path: `$(dirname "$0")` is matched as written.
    const words = substitutePositional(command.words.map(atRunTime), scriptName, positional);
    const assignments = Object.fromEntries(Object.entries(command.assignments).map(([name, value]) => [name, atRunTime(value)]));
    const [first, ...rest] = words;
    if (first === undefined) {
      Object.assign(env, assignments);
      continue;
    }
    if (first === 'cd' || first === 'pushd') {
      const operands = rest[0] === '--' ? rest.slice(1) : rest;
      const dir = operands[0] ?? env.HOME ?? '/root';
      if (dir !== '-' && !dir.includes('$')) cwd = resolveImagePath(cwd, dir);
    } else if (first === 'export' || first === 'readonly') {
      for (const m of rest.map((w) => ASSIGNMENT.exec(w))) if (m) env[m[1] as string] = m[2] as string;
    } else if (first === 'unset') {
      for (const name of rest) delete env[name];
    } else if (first === 'set') {
      exitsOnError = readErrexit(rest, exitsOnError);
      if (rest.includes('--')) positional = rest.slice(rest.indexOf('--') + 1);
    } else if (first === 'shift') {
      positional = positional.slice(Number(rest[0] ?? 1) || 1);
    } else {
      const tolerated = toleratedFailure(commands, k, exitsOnError);
      const unsure = [...(frame.unsure ?? []), ...decision.unsure.map((c) => `runs only when ${c}`), ...(tolerated ? [tolerated] : [])];
      followCommand(words, { ...frame, cwd, env: { ...env, ...assignments }, viaExec: false, ...(unsure.length > 0 ? { unsure } : {}) }, walk);
      if (first === 'exec' && rest.length > 0 && decision.unsure.length === 0 && !hasFunctions && isUnconditional(commands, k)) return;
    }
  }
}

/** `set -e`, `set -euo pipefail`, `set -o errexit` turn exit-on-error on; `set +e` turns it off. */
function readErrexit(args: readonly string[], current: boolean): boolean {
  let on = current;
  args.forEach((arg, i) => {
    if ((arg === '-o' || arg === '+o') && args[i + 1] === 'errexit') on = arg === '-o';
    else if (/^-[a-z]*e/.test(arg)) on = true;
    else if (/^\+[a-z]*e/.test(arg)) on = false;
  });
  return on;
}

/** Runs whenever the script gets there: not the right side of `&&`/`||`, not fed by or into a pipe. */
function isUnconditional(commands: readonly ShellCommand[], k: number): boolean {
  const before = commands[k]?.separatorBefore;
  const after = commands[k + 1]?.separatorBefore;
  return (before === undefined || before === ';') && after !== '|' && after !== '&' && after !== '||' && after !== '&&';
}

/**
 * Why a failure of command k does not stop the container, if it does not:
 * a `||` after it handles it, or the script goes on to later commands
 * without `set -e`. The last command, an `exec`, and the left side of `&&`
 * decide whether the service starts.
 */
function toleratedFailure(commands: readonly ShellCommand[], k: number, exitsOnError: boolean): string | undefined {
  const command = commands[k] as ShellCommand;
  const next = commands[k + 1];
  if (next === undefined || command.words[0] === 'exec') return undefined;
  if (next.separatorBefore === '||' && isFailing(next.words)) return undefined;
  if (next.separatorBefore === '||') return `its failure does not stop the container: \`|| ${next.words.join(' ')}\` follows it`;
  if (exitsOnError || command.separatorBefore === '&&' || command.separatorBefore === '|') return undefined;
  // The script goes on only to a command outside this one's branch (`else …` is not what runs next).
  const after = commands.findIndex((c, j) => j > k && (c.conditions ?? []).every((x) => command.conditions?.includes(x)));
  if (after === -1 || (after === k + 1 && next.separatorBefore !== ';')) return undefined;
  return 'its failure does not stop the container: the script goes on to the next command (no `set -e`)';
}

/** `|| exit 1`, `|| exit` (the failed status), `|| false`: the failure still ends the script. */
const isFailing = (words: readonly string[]): boolean =>
  words[0] === 'false' || ((words[0] === 'exit' || words[0] === 'return') && (words[1] ?? '1') !== '0');
