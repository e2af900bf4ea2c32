import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listStagedChanges, listTouchedPaths, parseRawDiff } from '../../src/git/staged-changes.js';
import { detectStagedRepo } from '../../src/git/repo-state.js';
import { asRepoPath } from '../../src/types.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('parseRawDiff', () => {
  const Z = '0'.repeat(40);
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const raw = (oldMode: string, newMode: string, oldId: string, newId: string, status: string) => `:${oldMode} ${newMode} ${oldId} ${newId} ${status}`;

  it('splits -z raw records, renames and copies taking two paths', () => {
    const fields = [
      raw('100644', '100644', A, B, 'M'), 'a.py',
      raw('100644', '100644', A, A, 'R087'), 'old dir/x.py', 'new dir/x.py',
      raw('000000', '100644', Z, B, 'A'), 'b.py',
      raw('100644', '100644', A, A, 'C100'), 'c.py', 'd.py',
      raw('100644', '000000', A, Z, 'D'), 'e.py',
      raw('100644', '120000', A, B, 'T'), 'f',
      raw('000000', '000000', Z, Z, 'U'), 'g.py',
    ];
    expect(parseRawDiff(fields)).toEqual({
      added: ['b.py'],
      modified: ['a.py'],
      deleted: ['e.py'],
      renamed: [{ from: 'old dir/x.py', to: 'new dir/x.py' }],
      copied: [{ from: 'c.py', to: 'd.py' }],
      typeChanged: ['f'],
      unmerged: ['g.py'],
      previousIds: new Map([['a.py', A]]),
    });
  });

  it('keeps the previous id of regular files only: a symbolic link stands for its target', () => {
    const fields = [raw('120000', '120000', A, B, 'M'), 'link.py', raw('100755', '100644', B, A, 'M'), 'tool.py'];
    const changes = parseRawDiff(fields);
    expect(changes.modified).toEqual(['link.py', 'tool.py']);
    expect(changes.previousIds).toEqual(new Map([['tool.py', B]]));
  });

  it('rejects an unknown status instead of skipping it', () => {
    expect(() => parseRawDiff([raw('100644', '100644', A, B, 'X'), 'a.py'])).toThrow(/unexpected git diff record/);
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

    const changes = await listStagedChanges(root, (await detectStagedRepo(root)).head);
    expect(changes.base).toBe('HEAD');
    expect(changes.modified).toEqual(['services/orders/requirements.txt']);
    expect(changes.previousIds.get(asRepoPath('services/orders/requirements.txt'))).toBe(git(root, 'rev-parse', 'HEAD:services/orders/requirements.txt').trim());
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
    const changes = await listStagedChanges(root, (await detectStagedRepo(root)).head);
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
    expect((await listStagedChanges(root, (await detectStagedRepo(root)).head)).unmerged).toEqual([file]);
  });
});
