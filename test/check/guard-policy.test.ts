import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';

afterAll(removeFixtureRepos);

describe('guard-policy', () => {
  it('excuses optional imports only: local files that exist nowhere and ImportError-guarded packages', async () => {
    const result = await checkFixture('guard-policy');
    expect(summarize(result)).toEqual([
      { code: 'DG001', severity: 'warning', file: 'hc/settings.py', line: 8, module: 'hc.local_settings' },
      { code: 'DG001', severity: 'warning', file: 'hc/settings.py', line: 11, module: 'hc.local_overrides' },
      { code: 'DG101', severity: 'warning', file: 'hc/settings.py', line: 16, module: 'sentry_sdk' },
      { code: 'DG101', severity: 'error', file: 'hc/settings.py', line: 21, module: 'statsd' },
      { code: 'DG001', severity: 'error', file: 'hc/settings.py', line: 28, module: 'reports.pdf' },
    ]);
    const byModule = new Map(result.findings.map((f) => [f.module, f]));
    expect(byModule.get('reports.pdf')!.message).toContain('silently disabled');
    expect(byModule.get('hc.local_settings')).toMatchObject({ evidence: 'assumed' });
    expect(byModule.get('hc.local_settings')!.assumption).toContain('runs only when a condition decided at run time holds');
    expect(byModule.get('hc.local_overrides')!.assumption).toContain('guarded by try/except');
  });
});
