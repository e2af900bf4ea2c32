#!/usr/bin/env node
/**
 * Replays a commit history through the hook, cold and warm, and checks that
 * the verdict never depends on the cache.
 *
 *   node bench/replay.mjs [--commits 40] [--files 2500] [--services 30] [--seed 7] [--repo bench/.work/replay-monorepo]
 *                         [--cli dist/bundle/cli.js] [--json]
 *
 * The repository is the synthetic monorepo with a clean HEAD (no planted
 * bugs). Each commit is one edit drawn from what real histories hold:
 * function bodies in shared libraries, a new third-party import in shared
 * code (and its removal), a requirements line removed and restored, Dockerfile
 * edits (a LABEL, an ENV, a COPY removed and restored), a module deleted and
 * restored, a module renamed and back. For every commit `check --staged` runs
 * twice: cold (no cache folder) and warm (the cache the earlier commits left).
 * The two must give the same exit code and the same error findings; the bench
 * exits 1 when they ever differ. Then the commit is made (hooks off), so old
 * errors stay in HEAD for a while, as they do in real repositories.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDirOf, commitStaged, findLibraryCopies } from './hook-scenario.mjs';
import { summarize } from './lib/measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '40' },
    files: { type: 'string', default: '2500' },
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
if (!existsSync(path.join(repo, '.git'))) {
  log(`generating ${repo} (${values.files} Python files, ${values.services} services, clean HEAD)…`);
  const generated = spawnSync(process.execPath, [path.join(here, 'generate-monorepo.mjs'), '--files', values.files, '--services', values.services, '--out', repo, '--no-plant'], { stdio: ['ignore', 2, 2] });
  if (generated.status !== 0) process.exit(2);
}
const start = gitIn('rev-parse', 'HEAD').trim();

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
const next = random(Number(values.seed));
const pick = (list) => list[Math.floor(next() * list.length)];

const [sharedLib, dockerfiles] = [...findLibraryCopies(repo)].sort((a, b) => b[1].length - a[1].length)[0];
const modulesOf = (lib) => gitIn('ls-files', '-z', `libs/${lib}`).split('\0').filter((f) => f.endsWith('.py') && !f.endsWith('__init__.py')).sort();
const sharedModules = modulesOf(sharedLib);
const read = (file) => readFileSync(path.join(repo, file), 'utf8');
const write = (file, text) => writeFileSync(path.join(repo, file), text);
const toggle = (file, line, where) => {
  const text = read(file);
  if (text.includes(`${line}\n`)) write(file, text.replace(`${line}\n`, ''));
  else write(file, where === 'top' ? `${line}\n${text}` : `${text}${line}\n`);
};
let counter = 0;
const kept = new Map();

/** Each edit changes the working tree; the replay stages everything it touched. */
const EDITS = {
  'function body in a shared library': () => {
    counter += 1;
    appendFileSync(path.join(repo, pick(sharedModules)), `\n\ndef _replay_${counter}(value):\n    return value + ${counter}\n`);
  },
  'new third-party import in shared code (toggled)': () => toggle(sharedModules[0], 'import yaml  # replay', 'top'),
  'requirements line removed (toggled)': () => {
    const file = `${path.dirname(dockerfiles[0])}/requirements.txt`;
    const first = kept.get(file) ?? read(file).split('\n')[0];
    kept.set(file, first);
    toggle(file, first, 'top');
  },
  'Dockerfile LABEL': () => appendFileSync(path.join(repo, pick(dockerfiles)), `LABEL replay.change="${++counter}"\n`),
  'Dockerfile ENV': () => appendFileSync(path.join(repo, pick(dockerfiles)), `ENV REPLAY_CHANGE=${++counter}\n`),
  'Dockerfile COPY of the shared library removed (toggled)': () => {
    const file = dockerfiles[1];
    const line = kept.get(file) ?? read(file).split('\n').find((l) => l.startsWith(`COPY libs/${sharedLib}/`));
    kept.set(file, line);
    const text = read(file);
    write(file, text.includes(`${line}\n`) ? text.replace(`${line}\n`, '') : text.replace(/^(CMD|ENTRYPOINT)/m, `${line}\n$1`));
  },
  'shared module deleted (toggled)': () => {
    const file = sharedModules[1];
    if (kept.has(`deleted:${file}`)) {
      write(file, kept.get(`deleted:${file}`));
      kept.delete(`deleted:${file}`);
    } else {
      kept.set(`deleted:${file}`, read(file));
      gitIn('rm', '-q', file);
    }
  },
  'shared module renamed (toggled)': () => {
    const file = sharedModules[2];
    const moved = file.replace(/\.py$/, '_moved.py');
    if (existsSync(path.join(repo, file))) gitIn('mv', file, moved);
    else gitIn('mv', moved, file);
  },
};

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
  return { ms, code: child.status, errors };
}

const cacheDir = cacheDirOf(repo);
const warmAside = `${cacheDir}.replay-warm`;
rmSync(cacheDir, { recursive: true, force: true });
rmSync(warmAside, { recursive: true, force: true });
const loadBefore = loadavg()[0];
const commits = [];
for (let i = 0; i < Number(values.commits); i++) {
  const name = pick(Object.keys(EDITS));
  EDITS[name]();
  gitIn('add', '-A');
  if (existsSync(cacheDir)) renameSync(cacheDir, warmAside);
  const cold = runHook();
  rmSync(cacheDir, { recursive: true, force: true });
  if (existsSync(warmAside)) renameSync(warmAside, cacheDir);
  const warm = runHook();
  const same = cold.code === warm.code && JSON.stringify(cold.errors) === JSON.stringify(warm.errors);
  commits.push({ edit: name, cold: cold.ms, warm: warm.ms, blocked: cold.code === 1, same });
  if (!same) log(`commit ${i + 1} (${name}): cold exit ${cold.code} with ${cold.errors.length} errors, warm exit ${warm.code} with ${warm.errors.length}`);
  commitStaged(repo, `replay ${i + 1}: ${name}`);
}
gitIn('reset', '-q', '--hard', start);
rmSync(cacheDir, { recursive: true, force: true });

const timesOf = (mode) => {
  const ms = commits.map((c) => c[mode]);
  return { ...summarize(ms), max: Math.max(...ms) };
};
const report = {
  repo,
  commits: commits.length,
  blocked: commits.filter((c) => c.blocked).length,
  disagreements: commits.filter((c) => !c.same).length,
  load: { before: loadBefore, after: loadavg()[0], cores: availableParallelism() },
  cold: timesOf('cold'),
  warm: timesOf('warm'),
  edits: commits.map((c) => c.edit),
};
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`replayed ${report.commits} commits on ${repo} (${report.blocked} blocked); 1-minute load ${report.load.before.toFixed(1)} → ${report.load.after.toFixed(1)} on ${report.load.cores} cores`);
  console.log('mode  p50 ms  p95 ms  max ms');
  for (const mode of ['cold', 'warm']) console.log(`${mode}  ${report[mode].median.toFixed(0).padStart(6)}  ${report[mode].p95.toFixed(0).padStart(6)}  ${report[mode].max.toFixed(0).padStart(6)}`);
  console.log(report.disagreements === 0 ? 'verdicts: identical cold and warm at every commit' : `verdicts: ${report.disagreements} commits differ between cold and warm`);
}
process.exit(report.disagreements === 0 ? 0 : 1);
