import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

/** hook-monorepo plus a tools image that copies the whole repository, Dockerfiles included. */
function monorepoWithWholeRepoImage(): string {
  const root = makeFixtureRepo('hook-monorepo');
  mkdirSync(path.join(root, 'services', 'tools'));
  writeFileSync(path.join(root, 'services', 'tools', 'Dockerfile'), 'FROM python:3.12-slim\nWORKDIR /src\nCOPY . /src\nCMD ["python", "services/reports/report.py"]\n');
  writeFileSync(
    path.join(root, 'docker-compose.yml'),
    `${'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n'}${'  tools:\n    build:\n      context: .\n      dockerfile: services/tools/Dockerfile\n'}`,
  );
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'tools image');
  return root;
}

describe('paths given on the command line', () => {
  it('check <Dockerfile> checks that Dockerfile’s service only, not every image that copies the file', async () => {
    const root = monorepoWithWholeRepoImage();
    const result = await check({ cwd: root, paths: ['services/api/Dockerfile'] });
    expect(result.services.map((s) => s.dockerfile)).toEqual(['services/api/Dockerfile']);
  });

  it('a Python file still selects every image that contains it', async () => {
    const root = monorepoWithWholeRepoImage();
    const result = await check({ cwd: root, paths: ['shared/util.py'] });
    expect(result.services.map((s) => s.dockerfile).sort()).toEqual(['services/api/Dockerfile', 'services/tools/Dockerfile', 'services/worker/Dockerfile']);
  });

  it('a path deleted since HEAD is a change to check, not an error; a path git never knew is an error', async () => {
    const root = monorepoWithWholeRepoImage();
    rmSync(path.join(root, 'billing', 'invoice.py'));
    const result = await check({ cwd: root, paths: ['billing/invoice.py'] });
    expect(result.services.map((s) => s.dockerfile)).toEqual(['services/tools/Dockerfile']);
    await expect(check({ cwd: root, paths: ['billing/nope.py'] })).rejects.toThrow('billing/nope.py: no such file or folder in the repository');
  });
});
