import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeRepoState, detectRepoState, detectStagedRepo } from '../../src/git/repo-state.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const temps: string[] = [];
const makeTempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FILE = 'services/orders/app/main.py';

/** Two branches that both edit FILE, so merging or rebasing stops on a conflict. */
function makeConflictingBranches(): string {
  const root = makeFixtureRepo('staged-monorepo');
  git(root, 'checkout', '-q', '-b', 'feature');
  writeFileSync(path.join(root, FILE), 'import feature\n');
  git(root, 'commit', '-q', '-am', 'feature');
  git(root, 'checkout', '-q', 'main');
  writeFileSync(path.join(root, FILE), 'import mainline\n');
  git(root, 'commit', '-q', '-am', 'main');
  return root;
}

describe('detectRepoState', () => {
  it('sees a plain checkout as nothing in progress', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const state = await detectRepoState(root);
    expect(state).toMatchObject({ isBare: false, isLinkedWorktree: false, operation: undefined, superproject: undefined });
    expect(state.gitDir).toBe(path.join(root, '.git'));
    expect(describeRepoState(state)).toEqual([]);
  });

  it('detects a merge in progress', async () => {
    const root = makeConflictingBranches();
    expect(() => git(root, 'merge', '-q', 'feature')).toThrow();
    const state = await detectRepoState(root);
    expect(state.operation).toBe('merge');
    expect(describeRepoState(state)).toEqual(['merge in progress: checking the merge result as staged']);
  });

  it('detects a rebase in progress', async () => {
    const root = makeConflictingBranches();
    expect(() => git(root, 'rebase', '-q', 'feature')).toThrow();
    expect((await detectRepoState(root)).operation).toBe('rebase');
  });

  it('detects a linked worktree and its own git dir', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const linked = path.join(makeTempDir('dockguard-wt-'), 'hotfix');
    git(root, 'worktree', 'add', '-q', '-b', 'hotfix', linked);
    const state = await detectRepoState(linked);
    expect(state.isLinkedWorktree).toBe(true);
    expect(state.commonDir).toBe(path.join(root, '.git'));
    expect(state.gitDir).toBe(path.join(root, '.git', 'worktrees', 'hotfix'));
    expect(describeRepoState(state)[0]).toMatch(/^linked worktree/);
  });

  it('detects a bare repository', async () => {
    const bare = makeTempDir('dockguard-bare-');
    git(bare, 'init', '-q', '--bare');
    expect((await detectRepoState(bare)).isBare).toBe(true);
  });
});

describe('detectStagedRepo', () => {
  it('finds the root, the state and HEAD from a subfolder, its paths resolved against that folder', async () => {
    const root = makeConflictingBranches();
    expect(() => git(root, 'merge', '-q', 'feature')).toThrow();
    const state = await detectStagedRepo(path.join(root, 'services/orders'));
    expect(state).toMatchObject({ root, head: git(root, 'rev-parse', 'HEAD').trim(), operation: 'merge', superproject: undefined });
    expect(state.cacheDir).toBe(path.join(root, '.git', 'dockguard-cache'));
    expect(state.commonDir).toBe(path.join(root, '.git'));
  });

  it('tells the superproject line from the HEAD line inside a submodule', async () => {
    const outer = makeFixtureRepo('staged-monorepo');
    const inner = makeFixtureRepo('incremental-two-services');
    git(outer, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner, 'vendor/inner');
    const checkout = path.join(outer, 'vendor/inner');
    const state = await detectStagedRepo(checkout);
    expect(state).toMatchObject({ root: checkout, superproject: outer, head: git(inner, 'rev-parse', 'HEAD').trim() });
    expect(describeRepoState(state)).toEqual([`this repository is a submodule of ${outer}: checked on its own`]);
  });

  it('has no HEAD before the first commit', async () => {
    const root = makeFixtureRepo('staged-monorepo', { commit: false });
    expect(await detectStagedRepo(root)).toMatchObject({ root, head: undefined, operation: undefined });
  });

  it('names the folder when it is not in a git repository', async () => {
    const dir = makeTempDir('dockguard-not-a-repo-');
    await expect(detectStagedRepo(dir)).rejects.toThrow(dir);
  });
});
