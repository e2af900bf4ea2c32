import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';

afterAll(removeFixtureRepos);

describe('os-packaged-python', () => {
  it("counts what apt's Depends bring and builds nothing: python3-requests brings chardet, python3-opencv cv2 and numpy, python3-psycopg2 and py3-psycopg2 are prebuilt", async () => {
    const result = await checkFixture('os-packaged-python');
    // vision: redis is the one import no python3-* package brings. ingest: psycopg2 from Alpine needs no libpq-dev, gcc or libpq line.
    expect(summarize(result)).toEqual([
      { code: 'DG101', severity: 'error', file: 'services/vision/app.py', line: 8, module: 'redis' },
    ]);
    const redis = result.findings.find((f) => f.module === 'redis')!;
    expect(redis.message).toContain('looked at RUN line 2');
    expect(redis.message).not.toContain('installs no Python packages');
  });
});
