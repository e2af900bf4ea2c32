import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('first-party or installed, as Python resolves them', () => {
  it('lets installed flask win over a repository folder named flask that is not on sys.path, and a folder of config files never be a module', async () => {
    const result = await check({ cwd: makeFixtureRepo('first-party-vs-installed') });
    expect(result.findings.map((f) => [f.code, f.severity, f.service, f.file, f.line, f.module])).toEqual([
      ['DG101', 'error', 'flask/app/Dockerfile', 'flask/app/app.py', 2, 'redis'],
      ['DG001', 'error', 'flask/app/Dockerfile', 'flask/app/app.py', 4, 'shared.auth'],
      ['DG001', 'error', 'notifier/Dockerfile', 'notifier/main.py', 3, 'email.digest'],
    ]);
    const [redis, shared, digest] = result.findings;
    expect(shared!.message).toBe(
      'module shared.auth (shared/) lies outside the build context flask/app, so no COPY can add it; build from a folder that contains it',
    );
    expect(redis!.message).toContain('no install provides redis');
    expect(digest!.message).toBe(
      "module email.digest (notifier/email/) is not in the image, so the container imports the standard library's email instead, which has no digest",
    );
  });
});

describe('a repository package named like a standard-library package', () => {
  it('reports only the submodules the standard library lacks, and a guess where its submodules are not recorded', async () => {
    const result = await check({ cwd: makeFixtureRepo('stdlib-named-packages') });
    expect(result.findings.map((f) => [f.code, f.severity, f.service, f.file, f.line, f.module])).toEqual([
      ['DG001', 'error', 'api/Dockerfile', 'api/app/main.py', 5, 'logging.formatters'],
      ['DG001', 'warning', 'jobs/Dockerfile', 'jobs/app/run.py', 3, 'logging.formatters'],
    ]);
    const [known, guessed] = result.findings;
    expect(known!.message).toBe(
      "module logging.formatters (api/logging/) is not in the image, so the container imports the standard library's logging instead, which has no formatters",
    );
    expect(guessed!.assumption).toContain('its submodules are not recorded');
  });
});

describe('a vendored namespace folder beside the distribution that provides it', () => {
  it('lets installed googleapis-common-protos provide google.api and google.rpc, and still reports what no install provides', async () => {
    const result = await check({ cwd: makeFixtureRepo('vendored-namespace-protos') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG001', 'error', 'gateway/app/server.py', 7, 'google.internal'],
      ['DG001', 'error', 'gateway/app/server.py', 8, 'proto'],
    ]);
  });
});
