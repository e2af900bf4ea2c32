import path from 'node:path/posix';
import { runShellCommands } from '../../shell/run-shell-commands.js';
import { asImagePath, type RepoPath, type RunRecord } from '../../types.js';
import { extractInstalls, type InstallCommand } from '../installs.js';

/** `pip wheel -r requirements.txt -w /wheels`: what a later `pip install /wheels/*` installs. */
export interface WheelBuild {
  stage: string;
  /** Absolute image directory the wheels land in. */
  dir: string;
  run: RunRecord;
  /** The same arguments read as an install. */
  install: InstallCommand;
}

const PIP = /(^|\/)pip(\d(\.\d+)?)?$/;
const WHEEL_DIR = new Set(['-w', '--wheel-dir', '-d', '--dest']);

/**
 * Wheel builds of a RUN (`pip wheel`, `pip download`), read through the
 * install reader by renaming the subcommand, so every option means the same.
 */
export function findWheelBuilds(run: RunRecord, dockerfile: RepoPath): WheelBuild[] {
  const commands = run.form === 'exec' && run.args ? [{ words: run.args }] : runShellCommands(run);
  const builds: WheelBuild[] = [];
  let cwd = run.workdir as string;
  for (const { words } of commands) {
    if (words[0] === 'cd' && words[1] !== undefined) cwd = path.resolve(cwd, words[1]);
    const at = words.findIndex((w, i) => (w === 'wheel' || w === 'download') && PIP.test(words[i - 1] ?? ''));
    if (at < 0) continue;
    let dir = cwd;
    const rest: string[] = [];
    const args = words.slice(at + 1);
    for (let i = 0; i < args.length; i++) {
      const word = args[i] as string;
      const eq = word.indexOf('=');
      if (WHEEL_DIR.has(word)) dir = path.resolve(cwd, args[++i] ?? '.');
      else if (eq > 0 && WHEEL_DIR.has(word.slice(0, eq))) dir = path.resolve(cwd, word.slice(eq + 1));
      else if (/^-w./.test(word)) dir = path.resolve(cwd, word.slice(2));
      else rest.push(word);
    }
    const asInstall: RunRecord = { ...run, form: 'exec', args: ['pip', 'install', ...rest], command: '', workdir: asImagePath(cwd) };
    const install = extractInstalls(asInstall, dockerfile)[0];
    if (install) builds.push({ stage: run.stage, dir, run, install: { ...install, line: run.line } });
  }
  return builds;
}
