import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError } from '../errors.js';

export interface GitObject {
  type: string;
  content: Buffer;
}

/** Reads git objects by id through one long-lived `git cat-file --batch`. */
export interface CatFileBatch {
  read(oid: string): Promise<GitObject>;
  /** Stops the git process; pending reads reject. Safe to call twice. */
  close(): void;
}

interface Pending {
  oid: string;
  resolve: (object: GitObject) => void;
  reject: (error: Error) => void;
}

/**
 * Starts lazily on the first read. Answers come back in request order, each as
 * `<oid> <type> <size>\n<content>\n`, or `<oid> missing\n` for an unknown id.
 * The process is unref'd while idle so a forgotten close() never keeps the CLI alive.
 */
export function openCatFileBatch(cwd: string): CatFileBatch {
  let child: ChildProcessWithoutNullStreams | undefined;
  let failure: Error | undefined;
  const waiting: Pending[] = [];
  let head = 0;
  // Requests made in the same tick go out in one write: one syscall, not one per file.
  let outgoing = '';
  let chunks: Buffer[] = [];
  let buffered = 0;
  // Bytes needed before parsing again, so a large blob is concatenated once, not per chunk.
  let expected = 1;

  // Toggled only when it changes: four handle calls per read added up to ~17 ms over a thousand reads.
  let isActive = false;
  const setActive = (active: boolean): void => {
    if (!child || active === isActive) return;
    isActive = active;
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref(): void; unref(): void }>) {
      if (active) handle.ref();
      else handle.unref();
    }
  };

  const next = (): Pending => {
    const pending = waiting[head++]!;
    if (head > 1024 && head * 2 > waiting.length) waiting.splice(0, head), (head = 0);
    return pending;
  };

  const fail = (error: Error): void => {
    failure ??= error;
    for (const pending of waiting.splice(head)) pending.reject(failure);
    waiting.length = head = 0;
  };

  const consume = (count: number): void => {
    const rest = chunks[0]!.subarray(count);
    chunks = rest.length > 0 ? [rest] : [];
    buffered = rest.length;
    expected = 1;
  };

  const drain = (): void => {
    while (head < waiting.length && buffered > 0) {
      const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      chunks = [data];
      const eol = data.indexOf(0x0a);
      if (eol < 0) {
        expected = data.length + 1;
        return;
      }
      const header = data.subarray(0, eol).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3) {
        consume(eol + 1);
        const pending = next();
        pending.reject(new GitError(`git object ${pending.oid} is missing from the repository`));
        continue;
      }
      const end = eol + 1 + Number(header[2]);
      if (data.length < end + 1) {
        expected = end + 1;
        return;
      }
      const content = Buffer.from(data.subarray(eol + 1, end));
      consume(end + 1);
      next().resolve({ type: header[1]!, content });
    }
    if (head >= waiting.length) setActive(false);
  };

  const start = (): ChildProcessWithoutNullStreams => {
    const proc = spawn('git', ['cat-file', '--batch'], {
      cwd,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    proc.stdout.on('data', (data: Buffer) => {
      chunks.push(data);
      buffered += data.length;
      if (buffered >= expected) drain();
    });
    proc.on('error', (error) => fail(new GitError(`git cat-file could not start: ${error.message}`)));
    proc.on('close', (code) => fail(new GitError(`git cat-file stopped (exit ${code}): ${stderr.trim()}`)));
    // EPIPE when git died; the close handler reports why.
    proc.stdin.on('error', () => undefined);
    return proc;
  };

  const send = (): void => {
    if (!failure) child!.stdin.write(outgoing);
    outgoing = '';
  };

  return {
    read(oid: string): Promise<GitObject> {
      if (failure) return Promise.reject(failure);
      child ??= start();
      setActive(true);
      return new Promise((resolve, reject) => {
        waiting.push({ oid, resolve, reject });
        if (outgoing === '') queueMicrotask(send);
        outgoing += `${oid}\n`;
      });
    },
    close(): void {
      fail(new GitError('git cat-file was closed'));
      if (child && child.exitCode === null) {
        child.stdin.end();
        child.kill();
      }
    },
  };
}
