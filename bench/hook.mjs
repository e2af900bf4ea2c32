#!/usr/bin/env node
/**
 * The pre-commit hook, end to end: `node dist/bundle/cli.js check --staged` on
 * the synthetic monorepo with a typical commit staged (3 Python files of a
 * shared library and one Dockerfile), cold and warm, next to `node -e 0`.
 *
 *   node bench/hook.mjs [--runs 15] [--files 5000] [--services 30] [--repo bench/.work/hook-monorepo]
 *                       [--lib acme_search] [--dockerfile-edit label|env] [--cli dist/bundle/cli.js]
 *                       [--clean-head] [--json]
 *
 * The library edited is the one most services copy unless --lib names another.
 * By default the commit lands on the generated repository with its planted
 * bugs, so the services that already fail are checked again on every commit;
 * --clean-head generates it without them (default repo
 * bench/.work/hook-monorepo-clean), as a repository that passes its hook is.
 *
 * --dockerfile-edit says what the Dockerfile edit is (see hook-scenario.mjs):
 * `label` (default) leaves its service's model as it was, `env` changes it,
 * so that service is checked in full.
 *
 * Rounds interleave the commands so drift on a busy machine hits all alike:
 * cold (no cache folder; the run's own cache is then deleted), warm (on a
 * cache first filled by one check of a change every service must check, as
 * weeks of commits leave it; the bench's change is re-staged with new
 * content each round, so the edited files miss as on a real commit),
 * --no-cache (neither reads nor writes it), node -e 0. The warm cache is set
 * aside while the cold run goes. Wall time is taken around the spawn, so
 * process start is included.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDirOf, commitStaged, headOf, restoreRepo, stageHookChange, stageVisibleLibraryChange } from './hook-scenario.mjs';
import { summarize } from './lib/measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    files: { type: 'string', default: '5000' },
    services: { type: 'string', default: '30' },
    repo: { type: 'string' },
    'clean-head': { type: 'boolean', default: false },
    lib: { type: 'string' },
    'dockerfile-edit': { type: 'string', default: 'label' },
    cli: { type: 'string', default: path.resolve(here, '..', 'dist', 'bundle', 'cli.js') },
    json: { type: 'boolean', default: false },
  },
});
const cli = path.resolve(values.cli);
const runs = Number(values.runs);
const cleanHead = values['clean-head'];
const repo = path.resolve(values.repo ?? path.join(here, '.work', cleanHead ? 'hook-monorepo-clean' : 'hook-monorepo'));
const log = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(cli)) {
  log(`${cli} is missing: run npm run build first`);
  process.exit(2);
}
if (!existsSync(path.join(repo, '.git'))) {
  log(`generating ${repo} (${values.files} Python files, ${values.services} services${cleanHead ? ', no planted bugs' : ''})…`);
  const generateArgs = ['--files', values.files, '--services', values.services, '--out', repo, ...(cleanHead ? ['--no-plant'] : [])];
  const generated = spawnSync(process.execPath, [path.join(here, 'generate-monorepo.mjs'), ...generateArgs], { stdio: ['ignore', 2, 2] });
  if (generated.status !== 0) process.exit(2);
}

const dockerfileEdit = values['dockerfile-edit'];
// The warm cache is filled by a commit the bench makes; the repository goes back to this one at the end.
const generatedHead = headOf(repo);
const change = stageHookChange(repo, values.lib, 0, dockerfileEdit);
const cacheDir = cacheDirOf(repo);
const warmCacheAside = `${cacheDir}.warm`;
log(`staged in ${repo}: ${change.staged.join(', ')} (libs/${change.lib} is copied by ${change.servicesCopyingLib} services; Dockerfile edit: ${dockerfileEdit})`);

/** One spawn, timed end to end; dockguard may exit 1 (the generator plants bugs), anything else stops the bench. */
function timeOne(args, { allowFindings }) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && !(allowFindings && child.status === 1)) {
    log(`\`node ${args.join(' ')}\` exited ${child.status}:\n${child.stderr}`);
    restoreRepo(repo, generatedHead);
    process.exit(2);
  }
  return { ms, stdout: child.stdout };
}

// The warm cache: one check of a change every service copying the library must check in full.
rmSync(cacheDir, { recursive: true, force: true });
rmSync(warmCacheAside, { recursive: true, force: true });
stageVisibleLibraryChange(repo, change.lib);
const primed = timeOne([cli, 'check', '--staged'], { allowFindings: !cleanHead });
log(`warm cache filled by a check of every service: ${primed.stdout.split('\n').find((line) => / dockguard: /.test(line))?.replace(/^.*dockguard: /, '') ?? ''}`);
commitStaged(repo, 'hook bench: the commit the warm cache was filled for');
renameSync(cacheDir, warmCacheAside);

const commands = {
  cold: {
    label: 'check --staged, cold (no cache folder)',
    args: [cli, 'check', '--staged'],
    before: (round) => stageHookChange(repo, change.lib, round + 1, dockerfileEdit),
    after: () => rmSync(cacheDir, { recursive: true, force: true }),
  },
  warm: {
    label: 'check --staged, warm cache',
    args: [cli, 'check', '--staged'],
    before: (round) => {
      stageHookChange(repo, change.lib, round + 1, dockerfileEdit);
      renameSync(warmCacheAside, cacheDir);
    },
    after: () => renameSync(cacheDir, warmCacheAside),
  },
  noCache: { label: 'check --staged --no-cache', args: [cli, 'check', '--staged', '--no-cache'] },
  node: { label: 'node -e 0', args: ['-e', '0'] },
};
const times = Object.fromEntries(Object.keys(commands).map((key) => [key, []]));
let summaryLine = '';
const loadBefore = loadavg()[0];
for (let round = 0; round <= runs; round++) {
  for (const [key, command] of Object.entries(commands)) {
    command.before?.(round);
    // On a clean HEAD any finding is a false positive: it stops the bench.
    const { ms, stdout } = timeOne(command.args, { allowFindings: key !== 'node' && !cleanHead });
    command.after?.(round);
    if (round === 0) {
      if (key === 'warm') summaryLine = stdout.split('\n').find((line) => / dockguard: \d+ services? checked/.test(line)) ?? '';
      continue; // warm-up round: file system caches, not measured
    }
    times[key].push(ms);
  }
}
restoreRepo(repo, generatedHead);
rmSync(warmCacheAside, { recursive: true, force: true });
// A busy machine slows every row alike; the load average says how busy it was.
const load = { before: loadBefore, after: loadavg()[0] };

const rows = Object.entries(commands).map(([key, command]) => ({ key, label: command.label, ...summarize(times[key]) }));
if (values.json) {
  console.log(JSON.stringify({ repo, cleanHead, dockerfileEdit, runs, change, summary: summaryLine, load, rows }, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log(`hook benchmark (${cleanHead ? 'clean HEAD' : 'HEAD with planted bugs'}, Dockerfile edit: ${dockerfileEdit}): ${runs} runs each; staged ${change.staged.length} files (3 in libs/${change.lib}, copied by ${change.servicesCopyingLib} services, and ${change.staged.at(-1)})`);
  console.log(`1-minute load average: ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after (${availableParallelism()} cores)`);
  console.log(`dockguard said: ${summaryLine.replace(/^.*dockguard: /, '')}`);
  console.log(`${'command'.padEnd(width)}  median ms  p95 ms`);
  for (const row of rows) console.log(`${row.label.padEnd(width)}  ${row.median.toFixed(0).padStart(9)}  ${row.p95.toFixed(0).padStart(6)}`);
  console.log('targets: warm median < 300 ms, cold < 2000 ms (end to end, process start included)');
}
