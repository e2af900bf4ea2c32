import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { check } from '../../src/pipeline.js';
import { asRepoPath as p } from '../../src/types.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('symbolic links in the working tree', () => {
  it('reads a link inside the repository as its target, and never reads a host file a link leads out to', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const host = mkdtempSync(path.join(tmpdir(), 'dockguard-host-'));
    writeFileSync(path.join(host, 'secret.py'), 'import host_only_module\n');
    symlinkSync('app/main.py', path.join(root, 'services/orders/entry.py'));
    symlinkSync('entry.py', path.join(root, 'services/orders/again.py'));
    symlinkSync(path.join(host, 'secret.py'), path.join(root, 'services/orders/absolute.py'));
    symlinkSync('../../../outside.py', path.join(root, 'services/orders/climbing.py'));
    symlinkSync('app/gone.py', path.join(root, 'services/orders/dangling.py'));
    const snap = await createWorktreeSnapshot(root);
    const main = (await snap.read(p('services/orders/app/main.py'))).toString('utf8');
    expect((await snap.read(p('services/orders/again.py'))).toString('utf8')).toBe(main);
    await expect(snap.read(p('services/orders/absolute.py'))).rejects.toThrow(/outside the repository/);
    await expect(snap.read(p('services/orders/climbing.py'))).rejects.toThrow(/symbolic link to \.\.\/\.\.\/\.\.\/outside\.py, outside the repository/);
    await expect(snap.read(p('services/orders/dangling.py'))).rejects.toThrow(/which the working tree does not contain as a file/);
  });

  it('a module that is a link out of the repository is an error in the working-tree check, as with --staged', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const host = mkdtempSync(path.join(tmpdir(), 'dockguard-host-'));
    writeFileSync(path.join(host, 'money.py'), 'def format_cents(c):\n    return c\n');
    const money = path.join(root, 'libs/shared/shared/money.py');
    git(root, 'rm', '-q', 'libs/shared/shared/money.py');
    symlinkSync(path.join(host, 'money.py'), money);
    git(root, 'add', 'libs/shared/shared/money.py');
    for (const staged of [false, true]) {
      const result = await check({ cwd: root, staged });
      const unreadable = result.findings.filter((f) => f.rule === 'file-unreadable');
      expect(unreadable.map((f) => [f.severity, f.file, f.message])).toEqual([
        ['error', 'libs/shared/shared/money.py', `libs/shared/shared/money.py is a symbolic link to ${path.join(host, 'money.py')}, outside the repository; dockguard could not analyse it`],
      ]);
    }
  });
});

describe('a module that is a link out of the build context', () => {
  it('is an error in both checks: the image gets the link, not the file it points to in the repository', async () => {
    const root = makeFixtureRepo('compose-bind-mounts');
    writeFileSync(path.join(root, 'api/app/routes.py'), 'from flask import Flask\n\nfrom app.retention import DAYS\n\n\ndef register(app: Flask) -> None:\n    app.config["RETENTION_DAYS"] = DAYS\n');
    symlinkSync('../../worker/tasks/cleanup.py', path.join(root, 'api/app/retention.py'));
    git(root, 'add', '-A');
    for (const staged of [false, true]) {
      const result = await check({ cwd: root, staged });
      const api = result.findings.filter((f) => f.service === 'api/Dockerfile');
      expect(api.map((f) => [f.code, f.severity, f.file, f.message])).toEqual([
        ['DG007', 'error', 'api/app/retention.py', 'api/app/retention.py is a symbolic link to worker/tasks/cleanup.py, outside the build context api: the image gets the link, not the file; dockguard could not analyse it'],
      ]);
    }
  });
});
