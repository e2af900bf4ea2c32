import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('base images (fixture base-images)', () => {
  it('reads known images, copied programs and the apt closure; an unknown image makes absences assumptions', async () => {
    const result = await check({ cwd: makeFixtureRepo('base-images') });
    const summary = result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, evidence: f.evidence, ...(f.module ? { module: f.module } : {}) }));
    // locust: the locust image ships locust and the locustfile's folder is on sys.path (shapes.py).
    // api: the uv image ships uv. tools: uv is copied from the uv image into /bin, on PATH.
    // docs: `apt-get install file` pulls in libmagic1 for python-magic.
    // plugins: python:3.11-slim ships pip, setuptools (pkg_resources) and wheel; exporter's python:3.12-slim ships pip alone.
    expect(summary).toEqual([
      { code: 'DG101', severity: 'error', file: 'services/exporter/exporter/__main__.py', line: 1, evidence: 'proven', module: 'pkg_resources' },
      { code: 'DG104', severity: 'warning', file: 'services/worker/requirements.txt', line: 2, evidence: 'assumed' },
      { code: 'DG101', severity: 'warning', file: 'services/worker/worker/main.py', line: 2, evidence: 'assumed', module: 'sklearn.linear_model' },
      { code: 'DG001', severity: 'warning', file: 'services/worker/worker/main.py', line: 4, evidence: 'assumed', module: 'worker.settings' },
    ]);
    expect(result.findings[3]!.assumption).toContain('may hold worker.settings');
    expect(result.findings[1]!.assumption).toContain('ghcr.io/acme/ml-base:2024.10');
    expect(result.findings[2]!.assumption).toContain('basePackages');
  });
});
