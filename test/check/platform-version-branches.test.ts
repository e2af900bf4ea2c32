import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';

afterAll(removeFixtureRepos);

describe('platform-version-branches', () => {
  it('never reports a Windows or macOS branch, checks the Linux one, and decides version branches by the image Python when it is known', async () => {
    const result = await checkFixture('platform-version-branches');
    expect(summarize(result)).toEqual([
      // The image's Python (and its contents) are unknown: only the branches of another Python are optional, said as such.
      { code: 'DG101', severity: 'warning', file: 'legacy/compat.py', line: 9, module: 'tomli' },
      { code: 'DG101', severity: 'warning', file: 'legacy/compat.py', line: 22, module: 'inotify_simple' },
      { code: 'DG101', severity: 'warning', file: 'legacy/compat.py', line: 33, module: 'urlparse' },
      // python:3.12 takes the `if` of the version test and never the Python 2 branch.
      { code: 'DG101', severity: 'error', file: 'worker/compat.py', line: 22, module: 'inotify_simple' },
    ]);
    const tomli = result.findings.find((f) => f.module === 'tomli')!;
    expect(tomli.message).toContain('runs only on Python 3.10 and older (the else of `if sys.version_info >= (3, 11)`)');
    expect(tomli.message).not.toContain('try/except');
  });
});
