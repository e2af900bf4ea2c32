import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';

afterAll(removeFixtureRepos);

describe('init-bound-names', () => {
  it('takes names bound by a package __init__.py as names, and reports only submodules the image lacks', async () => {
    const result = await checkFixture('init-bound-names');
    // Order and db come from a parenthesised multi-line import; send_receipt through a star import.
    // nightly is bound nowhere (not by the star-imported module either) and reports is a submodule:
    // both need files the .dockerignore keeps out.
    expect(summarize(result)).toEqual([
      { code: 'DG001', severity: 'error', file: 'shop/app.py', line: 4, module: 'shop.tasks.nightly' },
      { code: 'DG001', severity: 'error', file: 'shop/app.py', line: 19, module: 'shop.reports' },
    ]);
  });
});
