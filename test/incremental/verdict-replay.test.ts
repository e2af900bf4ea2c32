import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import type { CheckResult } from '../../src/result.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

/**
 * One edit of a commit, made in the working tree. Most are toggles, so a
 * history wanders between broken and repaired states and old errors stay
 * in HEAD for a while, which is where a memo could wrongly skip a service.
 */
type Edit = { name: string; apply: (root: string) => void };

/** The shared module moves when the history renames it: edits follow it. */
const current = (root: string, file: string) => (file === 'shared/util.py' && !existsSync(path.join(root, file)) ? 'shared/text.py' : file);
const read = (root: string, file: string) => readFileSync(path.join(root, current(root, file)), 'utf8');
const write = (root: string, file: string, text: string) => writeFileSync(path.join(root, current(root, file)), text);
const toggleLine = (file: string, line: string, where: 'top' | 'end') => (root: string) => {
  const text = read(root, file);
  if (text.includes(`${line}\n`)) write(root, file, text.replace(`${line}\n`, ''));
  else write(root, file, where === 'top' ? `${line}\n${text}` : `${text}${line}\n`);
};
let bodyEdits = 0;
const appendFunction = (file: string) => (root: string) => {
  bodyEdits += 1;
  write(root, file, `${read(root, file)}\n\ndef helper_${bodyEdits}(value):\n    return value * ${bodyEdits}\n`);
};
const toggleRename = (from: string, to: string) => (root: string) => {
  if (existsSync(path.join(root, from))) git(root, 'mv', from, to);
  else git(root, 'mv', to, from);
};
const deleted = new Map<string, string>();
const toggleDelete = (file: string) => (root: string) => {
  const kept = deleted.get(file);
  if (kept === undefined) {
    deleted.set(file, read(root, file));
    git(root, 'rm', '-q', file);
  } else {
    deleted.delete(file);
    write(root, file, kept);
  }
};

const EDITS: Edit[] = [
  { name: 'function body in shared code', apply: appendFunction('shared/util.py') },
  { name: 'function body in a service', apply: appendFunction('services/api/app.py') },
  { name: 'function body in code no image runs', apply: appendFunction('billing/invoice.py') },
  { name: 'new third-party import in shared code', apply: toggleLine('shared/util.py', 'import yaml', 'top') },
  { name: 'new first-party import in shared code', apply: toggleLine('shared/util.py', 'from billing.invoice import describe', 'top') },
  { name: 'new stdlib import in shared code', apply: toggleLine('shared/util.py', 'import functools', 'top') },
  { name: 'comment lines above the imports of shared code', apply: toggleLine('shared/util.py', '# Shared helpers.\n# Keep them small.', 'top') },
  { name: 'requirement added', apply: toggleLine('services/api/requirements.txt', 'pyyaml==6.0.1', 'end') },
  { name: 'requirement removed', apply: toggleLine('services/worker/requirements.txt', 'redis==5.0.4', 'top') },
  { name: 'Dockerfile LABEL', apply: toggleLine('services/api/Dockerfile', 'LABEL org.opencontainers.image.source="shop"', 'end') },
  { name: 'Dockerfile COPY removed', apply: toggleLine('services/api/Dockerfile', 'COPY shared/ shared/', 'end') },
  { name: 'Dockerfile COPY of billing', apply: toggleLine('services/worker/Dockerfile', 'COPY billing/ ./billing/', 'end') },
  { name: 'note beside the code an image copies', apply: (root) => write(root, 'services/api/NOTES.md', `release ${bodyEdits++}\n`) },
  { name: 'shared module renamed', apply: toggleRename('shared/util.py', 'shared/text.py') },
  { name: 'imported module deleted', apply: toggleDelete('billing/invoice.py') },
];

/** A deterministic sequence (mulberry32): the same history on every run and machine. */
function pickEdits(count: number, seed: number): Edit[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => EDITS[Math.floor(next() * EDITS.length)]!);
}

/** What a commit's verdict is: the exit code and the error findings. */
const verdictOf = (result: CheckResult) => {
  const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.service} ${f.rule} ${f.file} ${f.module ?? f.distribution ?? ''}`);
  return { blocked: errors.length > 0, errors: errors.sort() };
};

/** Damages every cache file in place, keeping its header: wrong-type values, and memos emptied of their inputs. */
function corruptCache(root: string): void {
  const dir = path.join(root, '.git', 'dockguard-cache');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    const file = path.join(dir, name);
    const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
    const damaged = lines.filter(Boolean).map((line) => {
      const [key, usedAt] = JSON.parse(line) as [string, number];
      const value = name.startsWith('service-inputs') ? { inputs: {}, copiedDirs: [], clean: true } : lines.length % 2 ? 42 : { imports: 'none' };
      return JSON.stringify([key, usedAt, value]);
    });
    writeFileSync(`${file}.tmp`, `${[header, ...damaged].join('\n')}\n`);
    renameSync(`${file}.tmp`, file);
  }
}

describe('the verdict never depends on the cache', () => {
  it('is the same with no cache, a warm cache and a damaged cache at every commit of a 44-commit history, and misses no new error a full check finds', async () => {
    const root = makeFixtureRepo('hook-monorepo');
    const history = pickEdits(44, 20261207);
    const steps: string[] = [];
    let blockedSteps = 0;
    // Every problem of the whole repository at HEAD: what the hook may leave unreported (old errors).
    const problemOf = (error: string) => error.split(' ').filter((_, i) => i !== 1).join(' ');
    let problemsAtHead = new Set(verdictOf(await check({ cwd: root, cache: false })).errors.map(problemOf));
    for (const [i, edit] of history.entries()) {
      edit.apply(root);
      git(root, 'add', '-A');
      if (i % 6 === 5) corruptCache(root);
      const cold = verdictOf(await check({ cwd: root, staged: true, cache: false }));
      const warm = verdictOf(await check({ cwd: root, staged: true, cache: true }));
      steps.push(edit.name);
      const context = `commit ${i + 1} (${edit.name}) after: ${steps.slice(0, -1).join(' · ')}`;
      expect(warm, context).toEqual(cold);
      // The proofs that skip services must be sound: a check of every service from scratch (the
      // working tree is the index here) finds no error the hook missed, other than those HEAD had.
      // A problem is its service, file and module: the rule that names an old one may change with
      // files outside the image (a module not copied is missing-copy while the repository has it,
      // missing-package once it is renamed away), which the hook does not re-check.
      const everyError = verdictOf(await check({ cwd: root, cache: false })).errors;
      expect(everyError.filter((e) => !cold.errors.includes(e) && !problemsAtHead.has(problemOf(e))), context).toEqual([]);
      expect(cold.errors.filter((e) => !everyError.includes(e)), context).toEqual([]);
      problemsAtHead = new Set(everyError.map(problemOf));
      if (cold.blocked) blockedSteps += 1;
      git(root, 'commit', '-q', '--allow-empty', '--no-verify', '-m', `${i + 1}: ${edit.name}`);
    }
    // The history must exercise both verdicts, or the comparison proves little.
    expect(blockedSteps).toBeGreaterThan(5);
    expect(blockedSteps).toBeLessThan(history.length - 5);
    rmSync(path.join(root, '.git', 'dockguard-cache'), { recursive: true, force: true });
  }, 120_000);
});
