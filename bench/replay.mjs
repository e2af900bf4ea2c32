#!/usr/bin/env node
/**
 * Replays a commit history through the hook, cold and warm, and checks that
 * the verdict never depends on the cache (issue 15's benchmark).
 *
 *   node bench/replay.mjs [--commits 40] [--files 3000] [--services 30] [--seed 7] [--repo bench/.work/replay-monorepo]
 *                         [--cli dist/bundle/cli.js] [--json]
 *
 * The repository is the synthetic monorepo (30 services sharing 12
 * libraries) with its planted bugs recorded in a committed baseline, as a
 * team adopting dockguard has old errors. The history is the mix of
 * bench/lib/replay-history.mjs. For every commit `check --staged` runs twice:
 * cold (no cache folder) and warm (the cache `dockguard init`'s check of
 * every service and the earlier commits left). The
 * two must give the same exit code and the same error findings; the bench
 * exits 1 when they ever differ. Then the commit is made (hooks off).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDirOf, commitStaged } from './hook-scenario.mjs';
import { summarize } from './lib/measure.mjs';
import { createHistory } from './lib/replay-history.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '40' },
    files: { type: 'string', default: '3000' },
    services: { type: 'string', default: '30' },
    seed: { type: 'string', default: '7' },
    repo: { type: 'string' },
    cli: { type: 'string', default: path.resolve(here, '..', 'dist', 'bundle', 'cli.js') },
    json: { type: 'boolean', default: false },
  },
});
const cli = path.resolve(values.cli);
const repo = path.resolve(values.repo ?? path.join(here, '.work', 'replay-monorepo'));
const log = (line) => process.stderr.write(`${line}\n`);
const gitIn = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

if (!existsSync(cli)) {
  log(`${cli} is missing: run npm run build first`);
  process.exit(2);
}
if (!existsSync(path.join(repo, 'dockguard-baseline.json'))) {
  rmSync(repo, { recursive: true, force: true });
  log(`generating ${repo} (${values.files} Python files, ${values.services} services, old errors in a baseline)…`);
  const generated = spawnSync(process.execPath, [path.join(here, 'generate-monorepo.mjs'), '--files', values.files, '--services', values.services, '--out', repo], { stdio: ['ignore', 2, 2] });
  if (generated.status !== 0) process.exit(2);
  const baseline = spawnSync(process.execPath, [cli, 'baseline'], { cwd: repo, stdio: ['ignore', 2, 2] });
  if (baseline.status !== 0) process.exit(2);
  gitIn('add', 'dockguard-baseline.json');
  commitStaged(repo, 'Adopt dockguard: record the old errors in a baseline');
}
// The history starts at the adoption commit, even after an interrupted run left replay commits on top.
const start = gitIn('log', '--format=%H', '--grep=^Adopt dockguard', '-1').trim() || gitIn('rev-parse', 'HEAD').trim();
gitIn('reset', '-q', '--hard', start);

/** mulberry32: the same history on every machine for a seed. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const history = createHistory(repo, random(Number(values.seed)));

/** Exit code and error findings of one `check --staged`, with its wall time. */
function runHook() {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [cli, 'check', '--staged', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 1) {
    log(`check --staged exited ${child.status}: ${child.stderr}`);
    gitIn('reset', '-q', '--hard', start);
    process.exit(2);
  }
  const errors = JSON.parse(child.stdout)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.service} ${f.rule} ${f.file} ${f.module ?? f.distribution ?? ''}`)
    .sort();
  const { summary } = JSON.parse(child.stdout);
  return { ms, code: child.status, errors, checked: summary.servicesChecked };
}

const cacheDir = cacheDirOf(repo);
const warmAside = `${cacheDir}.replay-warm`;
rmSync(cacheDir, { recursive: true, force: true });
rmSync(warmAside, { recursive: true, force: true });
// The warm cache starts as `dockguard init` leaves it: init runs a check of every service.
const initCheck = spawnSync(process.execPath, [cli, 'check', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
if (initCheck.status !== 0 && initCheck.status !== 1) {
  log(`the initial check exited ${initCheck.status}: ${initCheck.stderr}`);
  process.exit(2);
}
const loadBefore = loadavg()[0];
const commits = [];
for (const { kind, staged } of history.commits()) {
  if (commits.length === Number(values.commits)) break;
  gitIn('add', '-A', '--', ...staged.filter((file) => history.exists(file)));
  if (existsSync(cacheDir)) renameSync(cacheDir, warmAside);
  const cold = runHook();
  rmSync(cacheDir, { recursive: true, force: true });
  if (existsSync(warmAside)) renameSync(warmAside, cacheDir);
  const warm = runHook();
  const same = cold.code === warm.code && JSON.stringify(cold.errors) === JSON.stringify(warm.errors);
  commits.push({ edit: kind, files: staged.length, cold: cold.ms, warm: warm.ms, checked: warm.checked, blocked: cold.code === 1, same });
  if (!same) log(`commit ${commits.length} (${kind}): cold exit ${cold.code} with ${cold.errors.length} errors, warm exit ${warm.code} with ${warm.errors.length}`);
  gitIn('add', '-A');
  commitStaged(repo, `replay ${commits.length}: ${kind}`);
}
gitIn('reset', '-q', '--hard', start);
rmSync(cacheDir, { recursive: true, force: true });

const timesOf = (mode) => {
  const ms = commits.map((c) => c[mode]);
  return { ...summarize(ms), max: Math.max(...ms) };
};
/** Per kind of commit: how many, median cold and warm ms, and services checked (warm). */
function byKind(list) {
  const kinds = new Map();
  for (const c of list) kinds.set(c.edit, [...(kinds.get(c.edit) ?? []), c]);
  return [...kinds].map(([kind, cs]) => ({
    kind,
    commits: cs.length,
    cold: summarize(cs.map((c) => c.cold)).median,
    warm: summarize(cs.map((c) => c.warm)).median,
    checked: `${Math.min(...cs.map((c) => c.checked))}-${Math.max(...cs.map((c) => c.checked))}`,
    blocked: cs.filter((c) => c.blocked).length,
  }));
}
const report = {
  repo,
  commits: commits.length,
  blocked: commits.filter((c) => c.blocked).length,
  disagreements: commits.filter((c) => !c.same).length,
  load: { before: loadBefore, after: loadavg()[0], cores: availableParallelism() },
  cold: timesOf('cold'),
  warm: timesOf('warm'),
  commitsByKind: byKind(commits),
  perCommit: commits,
};
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`replayed ${report.commits} commits on ${repo} (${report.blocked} blocked); 1-minute load ${report.load.before.toFixed(1)} → ${report.load.after.toFixed(1)} on ${report.load.cores} cores`);
  console.log('mode  p50 ms  p95 ms  max ms');
  for (const mode of ['cold', 'warm']) console.log(`${mode}  ${report[mode].median.toFixed(0).padStart(6)}  ${report[mode].p95.toFixed(0).padStart(6)}  ${report[mode].max.toFixed(0).padStart(6)}`);
  console.log('\nkind                                              commits  cold p50  warm p50  services checked  blocked');
  for (const k of report.commitsByKind) {
    console.log(`${k.kind.padEnd(50)}${String(k.commits).padStart(7)}${k.cold.toFixed(0).padStart(10)}${k.warm.toFixed(0).padStart(10)}${k.checked.padStart(18)}${String(k.blocked).padStart(9)}`);
  }
  console.log(report.disagreements === 0 ? 'verdicts: identical cold and warm at every commit' : `verdicts: ${report.disagreements} commits differ between cold and warm`);
}
process.exit(report.disagreements === 0 ? 0 : 1);
