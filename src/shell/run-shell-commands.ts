import { inlineShellC } from './inline-shell-c.js';
import { parseShell } from './parse-shell.js';
import type { ShellCommand } from './shell-command.js';
import type { RunRecord } from '../types.js';

const parsed = new WeakMap<RunRecord, ShellCommand[]>();

/**
 * The simple commands of a shell-form RUN, parsed once per RUN: the install
 * reader, the wheel-build reader and the image model's write reader all
 * walk every RUN of the image. `sh -c '…'` calls are replaced by the
 * commands of their text.
 * Callers must not modify the result.
 */
export function runShellCommands(run: RunRecord): ShellCommand[] {
  let commands = parsed.get(run);
  if (!commands) {
    commands = inlineShellC(parseShell(run.command, { env: run.env }), run.env);
    parsed.set(run, commands);
  }
  return commands;
}
