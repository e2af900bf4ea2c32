import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createIndexSnapshot, type IndexSnapshot } from '../../src/git/index-snapshot.js';
import { UnmergedPathsError } from '../../src/git/unmerged-paths-error.js';
import { detectStagedRepo } from '../../src/git/repo-state.js';
import { asRepoPath as p } from '../../src/types.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const MAIN = 'services/orders/app/main.py';
const opened: IndexSnapshot[] = [];
const snapshot = async (root: string): Promise<IndexSnapshot> => {
  const snap = await createIndexSnapshot(root);
  opened.push(snap);
  return snap;
};
const text = async (snap: IndexSnapshot, file: string): Promise<string> => (await snap.read(p(file))).toString('utf8');

afterEach(() => {
  for (const snap of opened.splice(0)) snap.close();
});
afterAll(removeFixtureRepos);

describe('createIndexSnapshot', () => {
  it('gives the snapshot git ls-files and cat-file give when it reads the index file and verified working-tree files itself', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, MAIN), 'import staged_version\n');
    git(root, 'add', MAIN);
    writeFileSync(path.join(root, MAIN), 'import worktree_version\n');
    const direct = await createIndexSnapshot(root, (await detectStagedRepo(root)).index);
    opened.push(direct);
    const viaGit = await snapshot(root);
    expect([...direct.files]).toEqual([...viaGit.files]);
    for (const file of direct.files) {
      expect(direct.contentId(file)).toBe(viaGit.contentId(file));
      expect((await direct.read(file)).equals(await viaGit.read(file))).toBe(true);
    }
    expect(await text(direct, MAIN)).toBe('import staged_version\n');
  });

  it('reads the staged version of a file edited again after staging', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, MAIN), 'import staged_version\n');
    git(root, 'add', MAIN);
    writeFileSync(path.join(root, MAIN), 'import worktree_version\n');
    const snap = await snapshot(root);
    expect(snap.kind).toBe('index');
    expect(await text(snap, MAIN)).toBe('import staged_version\n');
  });

  it('reads the staged version when the working tree was reverted after staging', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const committed = await text(await snapshot(root), MAIN);
    writeFileSync(path.join(root, MAIN), 'import only_in_index\n');
    git(root, 'add', MAIN);
    writeFileSync(path.join(root, MAIN), committed);
    expect(await text(await snapshot(root), MAIN)).toBe('import only_in_index\n');
  });

  it('ignores untracked files and keeps files deleted only from disk', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, 'services/orders/app/draft.py'), 'x = 1\n');
    rmSync(path.join(root, 'libs/shared/shared/money.py'));
    const snap = await snapshot(root);
    expect(snap.files.has(p('services/orders/app/draft.py'))).toBe(false);
    expect(snap.files.has(p('libs/shared/shared/money.py'))).toBe(true);
    expect(await text(snap, 'libs/shared/shared/money.py')).toContain('def format_cents');
  });

  it('drops staged deletions and follows staged renames', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'rm', '-q', 'services/billing/.dockerignore');
    git(root, 'mv', 'libs/shared/shared/money.py', 'libs/shared/shared/currency.py');
    const snap = await snapshot(root);
    expect(snap.files.has(p('services/billing/.dockerignore'))).toBe(false);
    expect(snap.files.has(p('libs/shared/shared/money.py'))).toBe(false);
    expect(snap.files.has(p('libs/shared/shared/currency.py'))).toBe(true);
    expect(snap.dirs.has(p('libs/shared/shared'))).toBe(true);
    expect(snap.dirs.has(p(''))).toBe(true);
  });

  it('works for the initial commit, before any HEAD exists', async () => {
    const root = makeFixtureRepo('staged-monorepo', { commit: false });
    const snap = await snapshot(root);
    expect(snap.files.size).toBe(13);
    expect(await text(snap, 'services/billing/requirements.txt')).toBe('stripe==9.9.0\n');
  });

  it('gives the git blob id as content id', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const snap = await snapshot(root);
    expect(snap.contentId(p(MAIN))).toBe(git(root, 'rev-parse', `:${MAIN}`).trim());
    expect(snap.contentId(p('nope.py'))).toBeUndefined();
  });

  it('answers many concurrent reads, large files included, each with its own content', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    mkdirSync(path.join(root, 'gen'));
    const expected = new Map<string, string>();
    for (let i = 0; i < 150; i++) expected.set(`gen/m${i}.py`, `VALUE = ${i}\n`.repeat(i % 7 === 0 ? 40_000 : 1));
    for (const [file, content] of expected) writeFileSync(path.join(root, file), content);
    git(root, 'add', 'gen');
    const snap = await snapshot(root);
    const files = [...expected.keys()];
    const contents = await Promise.all(files.map((file) => text(snap, file)));
    expect(contents).toEqual([...expected.values()]);
  });

  it('lists submodules apart from files, and reads a link to a folder as no file', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const head = git(root, 'rev-parse', 'HEAD').trim();
    git(root, 'update-index', '--add', '--cacheinfo', `160000,${head},vendor/payments-sdk`);
    symlinkSync('../../libs/shared/shared', path.join(root, 'services/orders/shared'));
    git(root, 'add', 'services/orders/shared');
    const snap = await snapshot(root);
    expect(snap.submodules).toEqual(['vendor/payments-sdk']);
    expect(snap.files.has(p('vendor/payments-sdk'))).toBe(false);
    // A link to a folder stands for no file, as reading it from a checkout fails.
    await expect(snap.read(p('services/orders/shared'))).rejects.toThrow(/symbolic link to libs\/shared\/shared, which the commit does not contain as a file/);
    expect(snap.contentId(p('services/orders/shared'))).toBeUndefined();
  });

  it('reads a staged link as the file it leads to, and gives it that file\'s content id', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    symlinkSync('app/main.py', path.join(root, 'services/orders/entry.py'));
    symlinkSync('entry.py', path.join(root, 'services/orders/again.py'));
    symlinkSync('../../../outside.txt', path.join(root, 'services/orders/escape.txt'));
    git(root, 'add', 'services/orders');
    const snap = await snapshot(root);
    const target = p('services/orders/app/main.py');
    for (const link of ['services/orders/entry.py', 'services/orders/again.py']) {
      expect(await text(snap, link)).toBe(await text(snap, 'services/orders/app/main.py'));
      expect(snap.contentId(p(link))).toBe(snap.contentId(target));
    }
    await expect(snap.read(p('services/orders/escape.txt'))).rejects.toThrow(/outside the repository/);
  });

  it('rejects a path that is not staged with an UnreadableFileError', async () => {
    const snap = await snapshot(makeFixtureRepo('staged-monorepo'));
    await expect(snap.read(p('services/orders/app/missing.py'))).rejects.toThrow(/not in the staged commit/);
  });

  it('reports an index entry whose object is missing, and keeps answering the other reads', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'update-index', '--add', '--cacheinfo', `100644,${'1'.repeat(40)},services/orders/app/ghost.py`);
    const snap = await snapshot(root);
    const [ghost, main] = await Promise.allSettled([snap.read(p('services/orders/app/ghost.py')), text(snap, MAIN)]);
    expect(ghost.status === 'rejected' && String(ghost.reason)).toMatch(/ghost\.py: cannot be read from the index \(git object 1{40} is missing/);
    expect(main).toEqual({ status: 'fulfilled', value: expect.stringContaining('from flask import Flask') });
  });

  it('rejects reads after close', async () => {
    const snap = await createIndexSnapshot(makeFixtureRepo('staged-monorepo'));
    await snap.read(p(MAIN));
    snap.close();
    await expect(snap.read(p(MAIN))).rejects.toThrow(/closed/);
  });

  it('refuses an index with unresolved conflicts, naming the files', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    git(root, 'checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(root, MAIN), 'import feature\n');
    git(root, 'commit', '-q', '-am', 'feature');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, MAIN), 'import mainline\n');
    git(root, 'commit', '-q', '-am', 'main');
    expect(() => git(root, 'merge', '-q', 'feature')).toThrow();
    const error = await createIndexSnapshot(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmergedPathsError);
    expect((error as UnmergedPathsError).paths).toEqual([MAIN]);
    expect((error as Error).message).toContain(MAIN);
  });

  it('reads the index named by GIT_INDEX_FILE, as git sets it for `git commit <paths>` hooks', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const altIndex = path.join(root, '.git', 'alt-index');
    const env = { ...process.env, GIT_INDEX_FILE: altIndex };
    writeFileSync(path.join(root, MAIN), 'import from_alt_index\n');
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['read-tree', 'HEAD'], { cwd: root, env });
    execFileSync('git', ['add', MAIN], { cwd: root, env });
    process.env.GIT_INDEX_FILE = altIndex;
    try {
      expect(await text(await snapshot(root), MAIN)).toBe('import from_alt_index\n');
    } finally {
      delete process.env.GIT_INDEX_FILE;
    }
    expect(await text(await snapshot(root), MAIN)).toContain('from flask import Flask');
  });
});
