import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI (`npm test` builds before running the tests). */
export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'bundle', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `dockguard <args>` in `cwd` without colour, the way a user's shell would. */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): CliRun {
  const { FORCE_COLOR: _force, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Replaces the run time in a summary line so whole outputs can be compared. */
export const withoutTiming = (text: string): string => text.replace(/ · \d+\.\d\ds$/m, ' · <time>');
