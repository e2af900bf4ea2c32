import { parseShell } from '../shell/parse-shell.js';
import type { ImagePath } from '../types.js';
import { followCommand, followScriptFile } from './follow-command.js';
import { resolveImagePath } from './image-paths.js';
import type { Frame, Walk } from './launch-walk.js';
import { substitutePositional } from './substitute-positional.js';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

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
 * Follows every command of a shell text. `cd`, `export`, `set --` and
 * `shift` change what later commands see; every other command is followed,
 * because in `python migrate.py && exec gunicorn …` both run Python.
 */
export function followShellText(text: string, scriptName: string, args: readonly string[], frame: Frame, walk: Walk): void {
  let cwd: ImagePath = frame.cwd;
  const env = { ...frame.env };
  let positional = [...args];
  for (const command of parseShell(text, { env: frame.env })) {
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
      followCommand(words, { ...frame, cwd, env: { ...env, ...command.assignments }, viaExec: false }, walk);
    }
  }
}
