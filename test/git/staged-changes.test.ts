import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listStagedChanges, listTouchedPaths, parseNameStatus } from '../../src/git/staged-changes.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('parseNameStatus', () => {
  it('splits -z name-status records, renames and copies taking two paths', () => {
    const fields = ['M', 'a.py', 'R087', 'old dir/x.py', 'new dir/x.py', 'A', 'b.py', 'C100', 'c.py', 'd.py', 'D', 'e.py', 'T', 'f', 'U', 'g.py'];
    expect(parseNameStatus(fields)).toEqual({
      added: ['b.py'],
      modified: ['a.py'],
      deleted: ['e.py'],
      renamed: [{ from: 'old dir/x.py', to: 'new dir/x.py' }],
      copied: [{ from: 'c.py', to: 'd.py' }],
      typeChanged: ['f'],
      unmerged: ['g.py'],
    });
  });

  it('rejects an unknown status instead of skipping it', () => {
    expect(() => parseNameStatus(['X', 'a.py'])).toThrow(/unexpected git diff status/);
  });
});

describe('listStagedChanges', () => {
  it('reports staged edits, deletions and renames, but not unstaged or untracked files', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    writeFileSync(path.join(root, 'services/orders/requirements.txt'), 'flask==3.0.3\ngunicorn==23.0.0\n');
    git(root, 'add', 'services/orders/requirements.txt');
    git(root, 'rm', '-q', 'services/billing/.dockerignore');
    git(root, 'mv', 'libs/shared/shared/money.py', 'libs/shared/shared/currency.py');
    writeFileSync(path.join(root, 'services/orders/app/new_view.py'), 'VIEW = 1\n');
    git(root, 'add', 'services/orders/app/new_view.py');
    writeFileSync(path.join(root, 'services/billing/billing/worker.py'), 'unstaged = True\n');
    writeFileSync(path.join(root, 'untracked.py'), 'x = 1\n');

    const changes = await listStagedChanges(root);
    expect(changes.base).toBe('HEAD');
    expect(changes.modified).toEqual(['services/orders/requirements.txt']);
    expect(changes.deleted).toEqual(['services/billing/.dockerignore']);
    expect(changes.renamed).toEqual([{ from: 'libs/shared/shared/money.py', to: 'libs/shared/shared/currency.py' }]);
    expect(changes.added).toEqual(['services/orders/app/new_view.py']);
    expect(listTouchedPaths(changes)).toEqual([
      'libs/shared/shared/currency.py',
      'libs/shared/shared/money.py',
      'services/billing/.dockerignore',
      'services/orders/app/new_view.py',
      'services/orders/requirements.txt',
    ]);
  });

  it('compares with the empty tree for the initial commit', async () => {
    const root = makeFixtureRepo('staged-monorepo', { commit: false });
    const changes = await listStagedChanges(root);
    expect(changes.base).toBe('empty-tree');
    expect(changes.added).toHaveLength(13);
    expect(changes.added).toContain('services/orders/Dockerfile');
    expect(changes.modified).toEqual([]);
  });

  it('shows conflicted files as unmerged during a merge', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const file = 'services/billing/requirements.txt';
    git(root, 'checkout', '-q', '-b', 'bump');
    writeFileSync(path.join(root, file), 'stripe==10.0.0\n');
    git(root, 'commit', '-q', '-am', 'bump');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, file), 'stripe==9.12.0\n');
    git(root, 'commit', '-q', '-am', 'pin');
    expect(() => git(root, 'merge', '-q', 'bump')).toThrow();
    expect((await listStagedChanges(root)).unmerged).toEqual([file]);
  });
});
