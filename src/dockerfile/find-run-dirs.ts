import path from 'node:path';
import { runShellCommands } from '../shell/run-shell-commands.js';
import type { RunRecord } from '../types.js';

const WRAPPERS = new Set(['sudo', 'exec', 'nice', 'nohup', 'time', 'command', 'env']);
/** Options of mkdir and `install -d` that take a value, so the value is no folder. */
const VALUE_OPTIONS = new Set(['-m', '--mode', '-o', '--owner', '-g', '--group', '-Z', '--context']);

/**
 * Absolute image paths of the folders a shell-form RUN makes: `mkdir [-p]`
 * and `install -d`, relative ones from the RUN's working directory and any
 * `cd` before them. A folder that exists decides where a later COPY puts a
 * file (`COPY main.py /app` copies into the folder /app). A path with a
 * variable, glob or brace is left out: its name is unknown.
 */
export function findRunDirs(run: RunRecord): string[] {
  if (run.form !== 'shell') return [];
  const dirs: string[] = [];
  let cwd: string = run.workdir;
  for (const shell of runShellCommands(run)) {
    let words = shell.words;
    while (words[0] !== undefined && (WRAPPERS.has(words[0]) || /^[A-Za-z_]\w*=/.test(words[0]))) words = words.slice(1);
    const program = path.posix.basename(words[0] ?? '');
    const args = words.slice(1);
    if (program === 'cd') {
      if (args[0] !== undefined && !/[$`]/.test(args[0])) cwd = path.posix.resolve(cwd, args[0]);
      continue;
    }
    const makesDirs = program === 'mkdir' || (program === 'install' && args.some((a) => a === '-d' || a === '--directory' || /^-[a-zA-Z]*d[a-zA-Z]*$/.test(a)));
    if (!makesDirs) continue;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (VALUE_OPTIONS.has(arg)) i++;
      else if (!arg.startsWith('-') && !/[$`*?[{]/.test(arg)) dirs.push(path.posix.resolve(cwd, arg));
    }
  }
  return dirs;
}
