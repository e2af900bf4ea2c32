import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('lazy package attributes (PEP 562 __getattr__)', () => {
  it('follows a branch only for the names the service asks for; what no branch explains is a warning', async () => {
    const result = await check({ cwd: makeFixtureRepo('lazy-package-attributes') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG101', 'warning', 'analytics/__init__.py', 23, 'pyarrow'],
      ['DG101', 'error', 'analytics/sinks/bigquery.py', 1, 'google.cloud.bigquery'],
    ]);
    expect(result.findings[0]!.assumption).toBe('imported by the __getattr__ of analytics/__init__.py (PEP 562) for names dockguard cannot tell');
    expect(result.findings[1]!.chain).toEqual([
      { file: 'worker/Dockerfile', line: 7, module: '/app/main.py' },
      { file: 'worker/main.py', line: 1, module: 'analytics' },
      { file: 'analytics/__init__.py', line: 11, module: 'analytics.sinks.bigquery' },
      { file: 'analytics/sinks/bigquery.py', line: 1, module: 'google.cloud.bigquery' },
    ]);
  });
});
