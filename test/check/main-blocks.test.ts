import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('main-blocks: `if __name__ == "__main__":` runs only in the program itself', () => {
  it('follows the entry script’s own block, and not the block of a module it imports', async () => {
    const result = await check({ cwd: makeFixtureRepo('main-blocks') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG101', 'error', 'services/exporter/run.py', 5, 'click'],
      ['DG101', 'error', 'services/tool/tool/__main__.py', 4, 'click'],
    ]);
  });

  it('a module uvicorn imports, and the __init__ of a package python -m runs, are not the program: only pkg/__main__.py is', async () => {
    const result = await check({ cwd: makeFixtureRepo('main-blocks') });
    // services/api/app/main.py's block (devtools) and services/tool/tool/__init__.py's (pandas) never run.
    expect(result.findings.filter((f) => f.module === 'devtools' || f.module === 'pandas')).toEqual([]);
  });
});
