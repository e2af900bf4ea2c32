import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DockguardError } from '../../src/errors.js';
import { applyInit } from '../../src/init/apply-init.js';
import { SHIPPED_HOOK, shippedHook } from '../../src/init/package-files.js';
import { planInit } from '../../src/init/plan-init.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { MONOREPO } from './services.js';

const temps: string[] = [];
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FOREIGN_HOOK = '#!/bin/sh\necho "foreign hook ran" >> "$(git rev-parse --show-toplevel)/foreign.log"\n';
const init = async (root: string, force = false): Promise<string[]> =>
  applyInit(await planInit(root, { dryRun: false, force, services: MONOREPO }));
const isExecutable = (file: string): boolean => (statSync(file).mode & 0o111) === 0o111;

describe('dockguard init in a repository without a hook manager', () => {
  it('installs the shipped hook and a starter config, and changes nothing on a second run', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const lines = await init(root);
    for (const name of ['pre-commit', 'pre-merge-commit']) {
      const hook = path.join(root, '.git/hooks', name);
      expect(readFileSync(hook, 'utf8')).toBe(readFileSync(shippedHook(name), 'utf8'));
      expect(isExecutable(hook), name).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(root, 'dockguard.config.json'), 'utf8'))).toEqual({
      services: [
        { dockerfile: 'services/billing/Dockerfile', context: 'services/billing', name: 'billing' },
        { dockerfile: 'services/orders/Dockerfile', context: '', name: 'orders' },
      ],
      exclude: [],
    });
    expect(lines).toEqual([
      'create .git/hooks/pre-commit (git runs it before every commit)',
      'create .git/hooks/pre-merge-commit (git runs it before the commit of a merge that needs no conflict resolution)',
      'create dockguard.config.json (starter config with 2 service(s))',
      'git hook folder: .git/hooks',
      'the hooks run node_modules/.bin/dockguard, else dockguard on PATH, else npx --offline --no-install dockguard',
      'services found (2):',
      '  orders (services/orders/Dockerfile): context . (from compose, docker-compose.yml)',
      '  billing (services/billing/Dockerfile): context services/billing (from compose, docker-compose.yml)',
      'check by hand: npx dockguard check   (only what is staged: npx dockguard check --staged)',
    ]);
    expect((await planInit(root, { dryRun: false, force: false, services: MONOREPO })).actions).toEqual([]);
  });

  it('honours a relative core.hooksPath', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'config', 'core.hooksPath', 'tools/githooks');
    await init(root);
    expect(existsSync(path.join(root, 'tools/githooks/pre-commit'))).toBe(true);
    expect(existsSync(path.join(root, 'tools/githooks/pre-merge-commit'))).toBe(true);
    expect(existsSync(path.join(root, '.git/hooks/pre-commit'))).toBe(false);
    expect(existsSync(path.join(root, '.git/hooks/pre-merge-commit'))).toBe(false);
  });

  it.each([
    ['pre-commit', 'pre-merge-commit'],
    ['pre-merge-commit', 'pre-commit'],
  ])('refuses to replace a foreign %s hook without --force, changing nothing at all', async (taken, other) => {
    const root = makeFixtureRepo('staged-monorepo');
    const hook = path.join(root, `.git/hooks/${taken}`);
    writeFileSync(hook, FOREIGN_HOOK, { mode: 0o755 });
    const error = await init(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockguardError);
    expect((error as DockguardError).message).toBe(`.git/hooks/${taken} already exists and is not dockguard's hook; not overwriting it`);
    expect((error as DockguardError).hint).toContain(`--force to keep it as ${taken}.pre-dockguard`);
    expect(readFileSync(hook, 'utf8')).toBe(FOREIGN_HOOK);
    expect(existsSync(path.join(root, `.git/hooks/${other}`)), `not even the ${other} hook is installed`).toBe(false);
    expect(existsSync(path.join(root, 'dockguard.config.json'))).toBe(false);
  });

  it('with --force keeps the foreign hook as pre-commit.pre-dockguard; a second run changes nothing', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const hook = path.join(root, '.git/hooks/pre-commit');
    writeFileSync(hook, FOREIGN_HOOK, { mode: 0o755 });
    const lines = await init(root, true);
    expect(lines[0]).toBe('move .git/hooks/pre-commit to .git/hooks/pre-commit.pre-dockguard (keep the existing hook; dockguard’s hook runs it after its check)');
    expect(readFileSync(`${hook}.pre-dockguard`, 'utf8')).toBe(FOREIGN_HOOK);
    expect(readFileSync(hook, 'utf8')).toBe(readFileSync(SHIPPED_HOOK, 'utf8'));
    expect((await planInit(root, { dryRun: false, force: true, services: MONOREPO })).actions).toEqual([]);
  });

  it('names both foreign hooks when pre-commit and pre-merge-commit are both taken', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    for (const name of ['pre-commit', 'pre-merge-commit']) writeFileSync(path.join(root, '.git/hooks', name), FOREIGN_HOOK, { mode: 0o755 });
    const error = (await init(root).catch((e: unknown) => e)) as DockguardError;
    expect(error.message).toBe(".git/hooks/pre-commit and .git/hooks/pre-merge-commit already exist and are not dockguard's hooks; not overwriting them");
    expect(error.hint).toMatch(/--force to keep them as pre-commit\.pre-dockguard and pre-merge-commit\.pre-dockguard/);
  });

  it('with --force keeps a foreign pre-merge-commit hook beside an absent pre-commit one; a second run changes nothing', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const hook = path.join(root, '.git/hooks/pre-merge-commit');
    writeFileSync(hook, FOREIGN_HOOK, { mode: 0o755 });
    const plan = await planInit(root, { dryRun: false, force: true, services: MONOREPO });
    expect(plan.actions.map((action) => `${action.kind} ${path.relative(root, action.kind === 'rename' ? action.from : 'path' in action ? action.path : '')}`)).toEqual([
      'write-file .git/hooks/pre-commit',
      'rename .git/hooks/pre-merge-commit',
      'write-file .git/hooks/pre-merge-commit',
      'write-file dockguard.config.json',
    ]);
    const lines = await applyInit(plan);
    expect(lines[1]).toBe(
      'move .git/hooks/pre-merge-commit to .git/hooks/pre-merge-commit.pre-dockguard (keep the existing hook; dockguard’s hook runs it after its check)',
    );
    expect(readFileSync(`${hook}.pre-dockguard`, 'utf8')).toBe(FOREIGN_HOOK);
    expect(readFileSync(hook, 'utf8')).toBe(readFileSync(shippedHook('pre-merge-commit'), 'utf8'));
    expect((await planInit(root, { dryRun: false, force: true, services: MONOREPO })).actions).toEqual([]);
    expect((await planInit(root, { dryRun: false, force: false, services: MONOREPO })).actions, 'the chained set-up needs no --force again').toEqual([]);
  });

  it('refuses to move a foreign pre-merge-commit hook over an earlier kept one', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, '.git/hooks/pre-merge-commit'), FOREIGN_HOOK, { mode: 0o755 });
    writeFileSync(path.join(root, '.git/hooks/pre-merge-commit.pre-dockguard'), FOREIGN_HOOK, { mode: 0o755 });
    await expect(init(root, true)).rejects.toThrow('both .git/hooks/pre-merge-commit and pre-merge-commit.pre-dockguard exist; refusing to move one over the other');
  });

  it('updates an older dockguard pre-commit hook and adds the pre-merge-commit hook beside it', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const older = readFileSync(SHIPPED_HOOK, 'utf8').replace('hook_name=$(basename -- "$0")\n', '');
    writeFileSync(path.join(root, '.git/hooks/pre-commit'), older, { mode: 0o755 });
    const lines = await init(root);
    expect(lines.slice(0, 2)).toEqual([
      'update .git/hooks/pre-commit (update dockguard’s hook to this version)',
      'create .git/hooks/pre-merge-commit (git runs it before the commit of a merge that needs no conflict resolution)',
    ]);
  });

  it('repairs a dockguard hook that lost its execute bit', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    await init(root);
    chmodSync(path.join(root, '.git/hooks/pre-commit'), 0o644);
    const plan = await planInit(root, { dryRun: false, force: false, services: MONOREPO });
    expect(plan.actions.map((action) => action.kind)).toEqual(['chmod']);
  });

  it('refuses a bare repository', async () => {
    const bare = mkdtempSync(path.join(tmpdir(), 'dockguard-bare-'));
    temps.push(bare);
    git(bare, 'init', '-q', '--bare');
    await expect(planInit(bare, { dryRun: false, force: false, services: [] })).rejects.toThrow(/needs a working tree/);
  });
});

describe('the shipped hooks in a real git commit and git merge', () => {
  const HOOK_ENV = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e.x', PATH: '/usr/bin:/bin' };
  /** A stand-in dockguard binary that logs its arguments and exits with FAKE_EXIT. */
  function installFakeDockguard(root: string, exitCode: number): void {
    const bin = path.join(root, 'node_modules/.bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'dockguard'), `#!/bin/sh\necho "$@" >> "${root}/dockguard.log"\nexit ${exitCode}\n`, { mode: 0o755 });
    writeFileSync(path.join(root, '.git/info/exclude'), 'node_modules/\n*.log\n');
  }
  function commit(root: string): { ok: boolean; stderr: string } {
    writeFileSync(path.join(root, 'services/orders/app/main.py'), 'import shared.money\n');
    git(root, 'add', '-A');
    try {
      execFileSync('git', ['commit', '-q', '-m', 'change'], {
        cwd: root,
        stdio: 'pipe',
        env: { ...process.env, ...HOOK_ENV },
      });
      return { ok: true, stderr: '' };
    } catch (error) {
      return { ok: false, stderr: String((error as { stderr: Buffer }).stderr) };
    }
  }

  /** A branch and a main commit made past the hooks, then a real `git merge` that needs no conflict resolution. */
  function merge(root: string): { ok: boolean; stderr: string } {
    git(root, 'checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(root, 'services/orders/app/main.py'), 'import shared.money\n');
    git(root, 'commit', '-q', '--no-verify', '-am', 'feature');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, 'README.md'), 'Orders and billing.\n');
    git(root, 'add', 'README.md');
    git(root, 'commit', '-q', '--no-verify', '-m', 'readme');
    try {
      execFileSync('git', ['merge', '-q', '--no-edit', 'feature'], { cwd: root, stdio: 'pipe', env: { ...process.env, ...HOOK_ENV } });
      return { ok: true, stderr: '' };
    } catch (error) {
      return { ok: false, stderr: String((error as { stderr: Buffer }).stderr) };
    }
  }

  it('runs dockguard check --staged at a clean merge, then the chained foreign pre-merge-commit hook only', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, '.git/hooks/pre-commit'), FOREIGN_HOOK, { mode: 0o755 });
    writeFileSync(path.join(root, '.git/hooks/pre-merge-commit'), FOREIGN_HOOK.replace('foreign hook ran', 'foreign merge hook ran'), { mode: 0o755 });
    await init(root, true);
    installFakeDockguard(root, 0);
    expect(merge(root)).toEqual({ ok: true, stderr: '' });
    expect(readFileSync(path.join(root, 'dockguard.log'), 'utf8')).toBe('check --staged\n');
    expect(readFileSync(path.join(root, 'foreign.log'), 'utf8')).toBe('foreign merge hook ran\n');
    expect(git(root, 'log', '-1', '--format=%p').trim().split(' ')).toHaveLength(2);
  });

  it('stops a clean merge when dockguard reports findings, leaving the merge to conclude with git commit', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    await init(root);
    installFakeDockguard(root, 1);
    const result = merge(root);
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain("Not committing merge; use 'git commit' to complete the merge.");
    expect(readFileSync(path.join(root, 'dockguard.log'), 'utf8')).toBe('check --staged\n');
    expect(git(root, 'log', '-1', '--format=%s'), 'no merge commit was made').toBe('readme\n');
    expect(existsSync(path.join(root, '.git/MERGE_HEAD'))).toBe(true);
  });

  it('stops a clean merge, saying why, when the pre-commit hook it runs is no longer dockguard\'s', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    await init(root);
    installFakeDockguard(root, 0);
    writeFileSync(path.join(root, '.git/hooks/pre-commit'), FOREIGN_HOOK, { mode: 0o755 });
    const result = merge(root);
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain(".git/hooks/pre-commit is missing or is not dockguard's hook, so this merge was not checked.");
    expect(existsSync(path.join(root, 'foreign.log')), 'the foreign pre-commit hook is not run in its place').toBe(false);
  });

  it('runs dockguard check --staged, then the chained foreign hook', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, '.git/hooks/pre-commit'), FOREIGN_HOOK, { mode: 0o755 });
    await init(root, true);
    installFakeDockguard(root, 0);
    expect(commit(root)).toEqual({ ok: true, stderr: '' });
    expect(readFileSync(path.join(root, 'dockguard.log'), 'utf8')).toBe('check --staged\n');
    expect(readFileSync(path.join(root, 'foreign.log'), 'utf8')).toBe('foreign hook ran\n');
  });

  it('stops the commit when dockguard reports findings, without running the chained hook', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, '.git/hooks/pre-commit'), FOREIGN_HOOK, { mode: 0o755 });
    await init(root, true);
    installFakeDockguard(root, 1);
    const head = git(root, 'rev-parse', 'HEAD');
    expect(commit(root).ok).toBe(false);
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(path.join(root, 'foreign.log'))).toBe(false);
  });

  it('stops the commit with a clear message when dockguard cannot be found', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    await init(root);
    const result = commit(root);
    expect(result.ok).toBe(false);
    expect(result.stderr).toContain('dockguard: this commit changes files dockguard checks (dockguard.config.json), but the dockguard command was not found.');
  });
});
