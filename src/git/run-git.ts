import { execFile } from 'node:child_process';
import { GitError } from '../errors.js';

/** Runs git with an argument array (never a shell string) and returns stdout as a Buffer. */
export function runGit(cwd: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString('utf8').trim() || error.message;
          reject(new GitError(`git ${args[0]} failed: ${detail}`));
          return;
        }
        resolve(stdout);
      },
    );
    if (input) child.stdin?.end(input);
  });
}

/** Splits git's `-z` output: records end with NUL, names are raw bytes (no quoting). */
export function splitNul(output: Buffer): string[] {
  const text = output.toString('utf8');
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
