import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('wheels a builder stage makes, installed through a RUN bind mount (fixture wheels-from-stage-mount)', () => {
  it('installs what the builder built, checks build-time OS needs in the builder, and copies into /tmp as a folder', async () => {
    const result = await check({ cwd: makeFixtureRepo('wheels-from-stage-mount') });
    // Only yaml is missing: psycopg2 and requests come from /wheels (a complete set, so the absence is proven);
    // psycopg2 compiles in the builder, which has build-essential and libpq-dev, and runs with the final stage's libpq5;
    // `COPY requirements.txt /tmp` put the file in /tmp, where `pip wheel -r /tmp/requirements.txt` reads it.
    expect(result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, module: f.module }))).toEqual([
      { code: 'DG101', severity: 'error', file: 'services/api/app.py', line: 3, module: 'yaml' },
    ]);
  });
});
