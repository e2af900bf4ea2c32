import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('sys.path set by the deployment or by a .pth file (fixture deployment-pythonpath)', () => {
  it('resolves through a compose PYTHONPATH, assumes through an env_file or a .pth file, and proves the service nothing sets it for', async () => {
    const result = await check({ cwd: makeFixtureRepo('deployment-pythonpath') });
    const byService = (name: string) => result.findings.filter((f) => f.service === `services/${name}/Dockerfile`).map((f) => [f.rule, f.severity, f.module]);
    // api: compose's `environment: PYTHONPATH: /app/src` puts the code on sys.path.
    expect(byService('api')).toEqual([]);
    expect(result.services.find((s) => s.dockerfile === 'services/api/Dockerfile')?.status).toBe('checked');
    // worker: an env_file nobody can read may set it; reports: a RUN writes a .pth file.
    expect(byService('worker')).toEqual([['missing-package', 'warning', 'worker']]);
    expect(result.findings.find((f) => f.service === 'services/worker/Dockerfile')!.assumption).toBe(
      'docker-compose.yml:8 gives the container env_file .env, which may set PYTHONPATH, and the image has a worker it may make importable',
    );
    expect(byService('reports')).toEqual([['missing-package', 'warning', 'reports']]);
    expect(result.findings.find((f) => f.service === 'services/reports/Dockerfile')!.assumption).toContain('services/reports/Dockerfile:4 writes a .pth file');
    // ledger: built by two compose services, one of which sets PYTHONPATH: one check, in which the import is assumed.
    expect(result.services.filter((s) => s.dockerfile === 'services/ledger/Dockerfile')).toHaveLength(1);
    expect(byService('ledger')).toEqual([['missing-package', 'warning', 'ledger']]);
    expect(result.findings.find((f) => f.service === 'services/ledger/Dockerfile')!.assumption).toContain('PYTHONPATH (unset) in ledger and /app/src in ledger-replay');
    // billing: its compose environment sets other variables only: python -m billing fails in the container.
    expect(byService('billing')).toEqual([['missing-package', 'error', 'billing']]);
    expect(result.findings.find((f) => f.service === 'services/billing/Dockerfile')!.message).toBe(
      'the container starts module billing, which the image holds at /app/src/billing, a folder not on its sys.path (/app); put that folder on PYTHONPATH, or start the module from there',
    );
  });
});
