import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { summarize } from '../helpers/finding-summary.js';

/**
 * test/fixtures/check-since: four services of one monorepo. orders and
 * billing copy libs/common/common, catalog copies two files of libs/text by
 * name, notify is built from its own folder. `--since main` on a branch
 * checks the services the branch's changes (committed or not) affect.
 */
afterAll(removeFixtureRepos);

const onBranch = (): string => {
  const root = makeFixtureRepo('check-since');
  git(root, 'checkout', '-q', '-b', 'feature');
  return root;
};
const commitAll = (root: string, message: string) => {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
};
const since = (root: string, ref = 'main') => check({ cwd: root, since: ref, cache: false });
const checked = (result: Awaited<ReturnType<typeof check>>) => result.services.map((s) => s.dockerfile).sort();

describe('check --since <ref>', () => {
  it('checks the services that contain a shared module changed on the branch, and no other', async () => {
    const root = onBranch();
    appendFileSync(path.join(root, 'libs/common/common/money.py'), '\n\nCENTS_PER_UNIT = 100\n');
    commitAll(root, 'money: name the factor');
    const result = await since(root);
    expect(checked(result)).toEqual(['services/billing/Dockerfile', 'services/orders/Dockerfile']);
    expect(result.stats.unaffected).toBe(2);
    expect(result.findings).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/^changes since main \(merge-base [0-9a-f]{12}\): 1 path$/)]);
  });

  it('counts a deletion: the service that copied the deleted module by name breaks', async () => {
    const root = onBranch();
    git(root, 'rm', '-q', 'libs/text/text/slug.py');
    commitAll(root, 'drop slug');
    const result = await since(root);
    expect(checked(result)).toEqual(['services/catalog/Dockerfile']);
    expect(summarize(result)).toEqual([
      { code: 'DG002', severity: 'error', file: 'services/catalog/Dockerfile', line: 3 },
      { code: 'DG001', severity: 'error', file: 'services/catalog/catalog.py', line: 4, module: 'text.slug' },
    ]);
  });

  it('counts a staged rename that is not committed yet: both sides, so the importers of the old name are checked', async () => {
    const root = onBranch();
    git(root, 'mv', 'libs/common/common/money.py', 'libs/common/common/currency.py');
    const result = await since(root);
    expect(checked(result)).toEqual(['services/billing/Dockerfile', 'services/orders/Dockerfile']);
    expect(summarize(result)).toEqual([
      { code: 'DG001', severity: 'error', file: 'services/billing/billing/run.py', line: 3, module: 'common.money' },
      { code: 'DG001', severity: 'error', file: 'services/orders/orders/api.py', line: 3, module: 'common.money' },
    ]);
  });

  it('counts unstaged edits and untracked files that are not ignored, and not ignored ones', async () => {
    const root = onBranch();
    writeFileSync(path.join(root, 'services/notify/templates.py'), 'WELCOME = "Welcome to the shop"\n');
    expect(checked(await since(root))).toEqual(['services/notify/Dockerfile']);

    const other = onBranch();
    appendFileSync(path.join(other, 'services/orders/orders/api.py'), '\n# TODO: pagination\n');
    writeFileSync(path.join(other, 'services/notify/notify.pyc'), '');
    expect(checked(await since(other))).toEqual(['services/orders/Dockerfile']);
  });

  it('counts from the merge-base: what landed on main after the branch left it is not the branch’s change', async () => {
    const root = onBranch();
    git(root, 'checkout', '-q', 'main');
    appendFileSync(path.join(root, 'services/notify/notify.py'), '\n\nRETRIES = 3\n');
    commitAll(root, 'notify: retries');
    git(root, 'checkout', '-q', 'feature');
    const result = await since(root);
    expect(checked(result)).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/: 0 paths$/), 'nothing that can change an image is part of this check']);
  });

  it('refuses a ref that names no commit, and the combination with --staged', async () => {
    const root = onBranch();
    await expect(since(root, 'origin/main')).rejects.toThrow('--since origin/main: no such commit or branch');
    await expect(since(root, '--output=/tmp/x')).rejects.toThrow('no such commit or branch');
    await expect(check({ cwd: root, since: 'main', staged: true })).rejects.toThrow('--since and --staged cannot be combined');
  });
});
