import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

/** Peak RSS (KiB) of a running process, polled from /proc when GNU time is missing. */
function pollPeakRss(pid, onPeak) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]));
    } catch {
      // The process ended between two polls; the last reading stands.
    }
  }, 5);
  return () => {
    clearInterval(timer);
    onPeak(peak);
  };
}

/**
 * Runs one command to completion and returns its wall time (ms, measured
 * around the spawn), CPU time (user + system ms, GNU time only: steadier than
 * wall time on a busy machine), exit code, stdout and peak RSS (KiB). Peak RSS comes
 * from GNU time's `%M` when available (exact), else from /proc polling (a
 * lower bound for very short processes).
 */
export function runMeasured(command, args, { cwd }) {
  const useTime = existsSync(GNU_TIME);
  const scratch = useTime ? mkdtempSync(path.join(tmpdir(), 'dockguard-bench-')) : undefined;
  const rssFile = scratch && path.join(scratch, 'rss');
  const [program, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    let peakKiB = 0;
    let cpuMs;
    const stopPolling = useTime ? () => {} : pollPeakRss(child.pid, (peak) => { peakKiB = peak; });
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      stopPolling();
      if (useTime) {
        const [rss, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        peakKiB = rss || 0;
        cpuMs = (user + system) * 1000;
        rmSync(scratch, { recursive: true, force: true });
      }
      resolve({ wallMs, cpuMs, code, peakKiB, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Median and nearest-rank p95 of a list of numbers. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
  return { median, p95 };
}
