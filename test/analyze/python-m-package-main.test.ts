import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('python -m runs a package’s __main__.py', () => {
  it('follows billing/__main__.py after billing/__init__.py and reports what it imports that the image lacks', async () => {
    const result = await check({ cwd: makeFixtureRepo('python-m-package-main') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG001', 'error', 'services/billing/billing/__main__.py', 6, 'reports.monthly'],
    ]);
    expect(result.findings[0]!.chain).toEqual([
      { file: 'services/billing/Dockerfile', line: 6, module: 'billing.__main__' },
      { file: 'services/billing/billing/__main__.py', line: 6, module: 'reports.monthly' },
    ]);
    expect(result.stats.filesAnalysed).toBe(3);
  });
});
