import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('compose working_dir (fixture compose-working-dir)', () => {
  it('runs each service from the working directory compose gives it, which is what `python -m` and `celery -A` put on sys.path', async () => {
    const result = await check({ cwd: makeFixtureRepo('compose-working-dir') });
    expect(result.services.map((s) => [s.dockerfile, s.variant ?? null, s.status, s.entrypoints])).toEqual([
      ['api/Dockerfile', 'api', 'checked', ['app.main']],
      ['api/Dockerfile', 'worker', 'checked', ['app.tasks']],
      ['reports/Dockerfile', null, 'checked', ['reports.nightly']],
    ]);
    expect(result.findings).toEqual([]);
  });
});

describe('readComposeFile working_dir', () => {
  it('keeps an absolute working_dir and drops a relative or unknown one, which Docker would refuse or dockguard cannot read', async () => {
    const { parseComposeBuilds } = await import('../../src/discover/read-compose-file.js');
    const parsed = parseComposeBuilds('services:\n  a:\n    build: .\n    working_dir: /srv/app/\n  b:\n    build: .\n    working_dir: src\n  c:\n    build: .\n    working_dir: ${APP_DIR}\n');
    expect(parsed.builds.map((b) => [b.name, b.workingDir ?? null])).toEqual([['a', '/srv/app'], ['b', null], ['c', null]]);
  });
});
