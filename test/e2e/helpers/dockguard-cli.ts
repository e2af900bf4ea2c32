import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package under test: this checkout, built (`npm test` builds first). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CLI = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'cli.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails loudly instead of letting every e2e test fail with a confusing "module not found". */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it) before the e2e tests`);
}

/**
 * Environment for a child that runs git or a hook, as a developer's shell
 * would have it: no colour, a fixed identity, none of the caller's GIT_*
 * variables (a test run started from a hook would otherwise point every
 * child at the caller's index), and none of vitest's test markers (they
 * switch lint-staged's progress output to a JSON event stream).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(GIT_|VITEST)/.test(key)) env[key] = value;
  for (const key of ['FORCE_COLOR', 'NODE_ENV', 'TEST']) delete env[key];
  return {
    ...env,
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...extra,
  };
}

/** Runs a program with an argument array (never a shell) and collects its output. */
export function run(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = childEnv()): RunResult {
  const result = spawnSync(program, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `node dist/bundle/cli.js …` in `cwd`. */
export function dockguard(cwd: string, ...args: string[]): RunResult {
  return run(process.execPath, [CLI, ...args], cwd);
}

/** The summary line ends with the wall time; everything else must be byte-identical between runs. */
export function withoutTiming(text: string): string {
  return text.replace(/ · \d+\.\d\ds$/gm, ' · <time>');
}
