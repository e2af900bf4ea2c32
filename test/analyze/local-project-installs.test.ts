import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('code of local projects the image installs (fixture local-project-installs)', () => {
  it('follows a uv workspace member and a src-layout editable install into their code, found through site-packages', async () => {
    const result = await check({ cwd: makeFixtureRepo('local-project-installs') });
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => [f.service, f.rule, f.file, f.module]);
    expect(errors).toEqual([
      // api: uv sync --package acme-api installs it and acme-core from the workspace; httpx is in no install.
      ['apps/api/Dockerfile', 'missing-package', 'apps/api/src/acme_api/main.py', 'httpx'],
      // web: pip install -e . of a src layout; redis, imported by a module the app imports, is in no install.
      ['apps/web/Dockerfile', 'missing-package', 'apps/web/src/acme_web/cache.py', 'redis'],
    ]);
    const web = result.services.find((s) => s.dockerfile === 'apps/web/Dockerfile');
    expect(web?.status).toBe('checked');
    expect(result.findings.find((f) => f.module === 'redis')!.chain!.map((c) => c.file)).toEqual(['apps/web/Dockerfile', 'apps/web/src/acme_web/wsgi.py', 'apps/web/src/acme_web/cache.py']);
  });
});

describe('extension modules of an installed project', () => {
  it('counts a Cython source of the installed package as its built extension module, and still reports a module that exists nowhere', async () => {
    const result = await check({ cwd: makeFixtureRepo('installed-cython-extension') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG001', 'error', 'ingest/fastingest/__main__.py', 4, 'fastingest.sinks'],
    ]);
  });
});
