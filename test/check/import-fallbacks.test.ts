import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';

afterAll(removeFixtureRepos);

describe('import-fallbacks', () => {
  it('checks an except ImportError fallback only when its try body can fail in the image', async () => {
    const result = await checkFixture('import-fallbacks');
    // Not reported: `parsers` (line 5) and `simplejson` (line 10), whose try bodies import what the image has.
    expect(summarize(result)).toEqual([
      { code: 'DG101', severity: 'warning', file: 'feeds/worker.py', line: 13, module: 'orjson' },
      { code: 'DG101', severity: 'error', file: 'feeds/worker.py', line: 15, module: 'rapidjson' },
      { code: 'DG001', severity: 'error', file: 'feeds/worker.py', line: 18, module: 'feeds.legacy' },
      { code: 'DG001', severity: 'error', file: 'feeds/worker.py', line: 20, module: 'feeds.legacy_compat' },
      // The vendored copy is left out, but the handler imports the image's own copy instead.
      { code: 'DG001', severity: 'warning', file: 'feeds/worker.py', line: 23, module: 'feeds.vendor.retry' },
    ]);
    expect(result.findings[4]!.assumption).toBe(
      'its except ImportError handler imports feeds.retry instead (line 25), which replaces it',
    );
  });
});
