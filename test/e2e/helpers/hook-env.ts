import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childEnv, CLI, run, type RunResult } from './dockguard-cli.js';

/**
 * A folder holding a `dockguard` command that runs this checkout's build,
 * the way a global install would put it on PATH. The caller removes it.
 */
export function makeDockguardOnPath(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-bin-'));
  const bin = path.join(dir, 'dockguard');
  writeFileSync(bin, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(CLI)} "$@"\n`);
  chmodSync(bin, 0o755);
  return { dir, env: childEnv({ PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` }) };
}

/** Single quotes keep every character literal in sh; a quote itself is closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `git commit -m` through whatever hooks the repository has installed. */
export function commit(root: string, message: string, env: NodeJS.ProcessEnv): RunResult {
  return run('git', ['commit', '-m', message], root, env);
}

export function head(root: string): string {
  return run('git', ['rev-parse', '--verify', '-q', 'HEAD'], root).stdout.trim();
}

export function porcelainStatus(root: string): string {
  return run('git', ['status', '--porcelain', '--untracked-files=all'], root).stdout;
}
