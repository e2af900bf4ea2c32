import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('entry-script steps before the server (fixture entry-script-pre-steps)', () => {
  it('a step whose failure the script survives is a warning saying why; under set -e it stops the container and stays an error', async () => {
    const result = await check({ cwd: makeFixtureRepo('entry-script-pre-steps') });
    // strict: set -e, so the seed's missing package stops the container; its `[ -f /app/prestart.py ] &&` skips a file the image lacks.
    // tolerant: `|| true` and no set -e let uvicorn start whatever the steps do.
    expect(result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, module: f.module, assumption: f.assumption }))).toEqual([
      { code: 'DG101', severity: 'error', file: 'strict/app/seed.py', module: 'sqlalchemy_utils', assumption: undefined },
      {
        code: 'DG001', severity: 'warning', file: 'tolerant/Dockerfile', module: '/app/prestart.py',
        assumption: 'its failure does not stop the container: `|| true` follows it',
      },
      {
        code: 'DG101', severity: 'warning', file: 'tolerant/app/seed.py', module: 'sqlalchemy_utils',
        assumption: 'its failure does not stop the container: the script goes on to the next command (no `set -e`)',
      },
    ]);
  });
});
