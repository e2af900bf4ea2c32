#!/usr/bin/env node
/**
 * How modelling cost grows with a Dockerfile's length (issue 12, item 9):
 * writes a one-service repository whose Dockerfile has `--lines` ENV/RUN
 * lines (each RUN sees every ENV before it), commits it, and times
 * `dockguard check` on it, wall time and peak RSS, at a few lengths so the
 * growth shows. Goal: 10,000 lines in under 1 s and 150 MB.
 *
 *   node bench/long-dockerfile.mjs [--lines 10000] [--runs 3] [--cli dist/bundle/cli.js] [--json]
 *
 * CPU time (user + system, GNU time) is printed next to wall time: on a
 * shared machine it is the steadier figure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMeasured } from './lib/measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1];
}

const CLI = path.resolve(option('cli', path.join(ROOT, 'dist', 'bundle', 'cli.js')));

/** ENV and RUN alternate; every tenth RUN installs, so the RUN records are read as well as built. */
export function renderLongDockerfile(lines) {
  const out = ['FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt'];
  for (let i = 0; out.length < lines - 2; i++) {
    out.push(`ENV SETTING_${i}=value-${i}`);
    out.push(i % 10 === 0 ? `RUN pip install --no-cache-dir "pkg-${i % 7}==1.${i % 5}" && echo $SETTING_${i}` : `RUN echo "step ${i}" > /tmp/step-${i}.txt`);
  }
  out.push('COPY app.py .', 'CMD ["python", "app.py"]');
  return `${out.join('\n')}\n`;
}

function writeRepo(lines) {
  const dir = mkdtempSync(path.join(tmpdir(), `dockguard-long-${lines}-`));
  writeFileSync(path.join(dir, 'Dockerfile'), renderLongDockerfile(lines));
  writeFileSync(path.join(dir, 'requirements.txt'), 'requests==2.32.3\n');
  writeFileSync(path.join(dir, 'app.py'), 'import requests\n\nprint(requests.get("https://example.com").status_code)\n');
  const git = (...args) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'long Dockerfile');
  return dir;
}

async function measure(lines, runs) {
  const repo = writeRepo(lines);
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const r = await runMeasured('node', [CLI, 'check', '--no-cache', '--format', 'json'], { cwd: repo });
      if (r.code !== 0 && r.code !== 1) throw new Error(`dockguard exited ${r.code}: ${r.stderr}`);
      results.push(r);
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    lines,
    wallMs: Math.round(median(results.map((r) => r.wallMs))),
    cpuMs: results[0].cpuMs === undefined ? undefined : Math.round(median(results.map((r) => r.cpuMs))),
    peakMB: Math.round(median(results.map((r) => r.peakKiB)) / 1024),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(CLI)) {
    console.error(`${CLI} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
  const lines = Number(option('lines', 10_000));
  const runs = Number(option('runs', 3));
  const sizes = [...new Set([Math.round(lines / 4), Math.round(lines / 2), lines])];
  const rows = [];
  for (const size of sizes) rows.push(await measure(size, runs));
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else for (const row of rows) console.log(`${String(row.lines).padStart(6)} lines: ${row.wallMs} ms wall, ${row.cpuMs ?? '?'} ms CPU, peak ${row.peakMB} MB`);
  const last = rows.at(-1);
  process.exitCode = last.wallMs < 1000 && last.peakMB < 150 ? 0 : 1;
}
