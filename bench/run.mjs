#!/usr/bin/env node
/**
 * Benchmark: dockguard's full check against a plain Python `ast` script over
 * the same generated monorepo, plus `node -e 0` as the start-up floor.
 * Commands run alternately (warm-up first), so machine noise hits all alike.
 *
 *   npm run bench            # builds, then runs this
 *   node bench/run.mjs [--runs 5] [--warmup 1] [--json] [--repo DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateMonorepo, manifestPathFor } from './lib/generate.mjs';
import { runMeasured, summarize } from './lib/measure.mjs';
import { formatTable, summarizeFindings } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    repo: { type: 'string', default: path.join(here, '.work', 'monorepo') },
  },
});
const repo = path.resolve(values.repo);
const cli = path.resolve(here, '..', 'dist', 'bundle', 'cli.js');
const log = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(manifestPathFor(repo))) {
  log(`generating ${repo} …`);
  generateMonorepo({ files: 3000, services: 30, seed: 1729, out: repo });
}
const manifest = JSON.parse(readFileSync(manifestPathFor(repo), 'utf8'));

const commands = [
  // Cold: the full check from scratch, no parse cache — the fair comparison with the ast script.
  { name: 'dockguard check', command: process.execPath, args: [cli, 'check', '--format', 'json', '--no-cache'], okCodes: [0, 1] },
  // Warm: the same check once the parse cache (keyed by content) holds every file.
  { name: 'dockguard (warm cache)', command: process.execPath, args: [cli, 'check', '--format', 'json'], okCodes: [0, 1] },
  { name: 'python ast script', command: 'python3', args: [path.join(here, 'extract_imports_ast.py'), repo], okCodes: [0] },
  { name: 'node -e 0', command: process.execPath, args: ['-e', '0'], okCodes: [0] },
];
if (!existsSync(cli)) {
  log(`skipping dockguard: ${cli} does not exist yet (run \`npm run bench\`, which builds first)`);
  commands.splice(0, 2);
}

const samples = new Map(commands.map((c) => [c.name, []]));
let lastDockguardOutput;
const rounds = Number(values.warmup) + Number(values.runs);
for (let round = 0; round < rounds; round += 1) {
  for (const c of commands) {
    const result = await runMeasured(c.command, c.args, { cwd: repo });
    if (!c.okCodes.includes(result.code)) {
      log(`${c.name} exited ${result.code}; the benchmark cannot continue.\n${result.stderr.slice(0, 2000)}`);
      process.exit(2);
    }
    if (c.name === 'dockguard check') lastDockguardOutput = result.stdout;
    if (round >= Number(values.warmup)) samples.get(c.name).push(result);
  }
}

const rows = commands.map((c) => {
  const runs = samples.get(c.name);
  const wall = summarize(runs.map((r) => r.wallMs));
  return {
    name: c.name,
    wallMedianMs: wall.median,
    wallP95Ms: wall.p95,
    filesPerSecond: c.name === 'node -e 0' ? undefined : manifest.pythonFiles / (wall.median / 1000),
    cpuMedianMs: runs[0].cpuMs === undefined ? undefined : summarize(runs.map((r) => r.cpuMs)).median,
    peakRssMiB: Math.max(...runs.map((r) => r.peakKiB)) / 1024,
  };
});
const python = rows.find((r) => r.name === 'python ast script');
const dockguard = rows.find((r) => r.name === 'dockguard check');
const summary = {
  repo,
  pythonFiles: manifest.pythonFiles,
  pythonLines: manifest.pythonLines,
  runs: Number(values.runs),
  rows,
  ratioToPython: dockguard ? dockguard.wallMedianMs / python.wallMedianMs : undefined,
  findings: dockguard ? summarizeFindings(lastDockguardOutput, manifest.planted) : undefined,
};
process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatTable(summary));
