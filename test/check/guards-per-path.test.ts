import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';

afterAll(removeFixtureRepos);

describe('guards-per-path', () => {
  it('takes a module reached by a guarded and an unguarded path as unguarded, and keeps a namespace import on its own path', async () => {
    const result = await checkFixture('guards-per-path');
    expect(summarize(result)).toEqual([
      { code: 'DG101', severity: 'warning', file: 'app/exporters/bigquery_export.py', line: 1, module: 'google.cloud.bigquery' },
      { code: 'DG101', severity: 'error', file: 'app/metrics.py', line: 1, module: 'prometheus_client' },
    ]);
    const [bigquery, prometheus] = result.findings;
    // metrics.py is first reached under `except ImportError` (main.py line 4), then without a guard through routes.py.
    expect(prometheus!.chain).toEqual([
      { file: 'Dockerfile', line: 6, module: 'app.main' },
      { file: 'app/main.py', line: 7, module: 'app.routes' },
      { file: 'app/routes.py', line: 3, module: 'app.metrics' },
      { file: 'app/metrics.py', line: 1, module: 'prometheus_client' },
    ]);
    expect(bigquery!.chain).toEqual([
      { file: 'Dockerfile', line: 6, module: 'app.main' },
      { file: 'app/main.py', line: 10, module: 'app.exporters.bigquery_export' },
      { file: 'app/exporters/bigquery_export.py', line: 1, module: 'google.cloud.bigquery' },
    ]);
  });
});
