import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('main-blocks: `if __name__ == "__main__":` runs only in the program itself', () => {
  it('follows the entry script’s own block, and not the block of a module it imports', async () => {
    const result = await check({ cwd: makeFixtureRepo('main-blocks') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([['DG101', 'error', 'services/exporter/run.py', 5, 'click']]);
  });
});
