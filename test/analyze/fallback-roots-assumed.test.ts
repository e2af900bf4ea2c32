import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('fallback roots are an assumption', () => {
  it('words findings reached only from fallback roots as warnings, and never roots tests or packaging scripts', async () => {
    const result = await check({ cwd: makeFixtureRepo('fallback-roots-assumed') });
    expect(result.findings.map((f) => [f.code, f.severity, f.evidence, f.file, f.line, f.module])).toEqual([
      ['DG008', 'warning', 'proven', 'worker/Dockerfile', 0, undefined],
      ['DG101', 'warning', 'assumed', 'worker/jobs/export.py', 4, 'pandas'],
    ]);
    expect(result.findings[1]!.assumption).toBe(
      'reached only from fallback roots: no entrypoint could be derived, so every Python file of the service was taken as one',
    );
    expect(result.services[0]!.entrypoints).toEqual([
      '/opt/worker/jobs/__init__.py',
      '/opt/worker/jobs/cleanup.py',
      '/opt/worker/jobs/export.py',
      '/opt/worker/run_jobs.py',
    ]);
  });
});
