import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('a module the image holds in a folder that is not on sys.path (fixture script-folder-path)', () => {
  it('says where the image has it and which folder sys.path lacks, and proposes that folder, not a COPY', async () => {
    const result = await check({ cwd: makeFixtureRepo('script-folder-path') });
    expect(result.findings.map((f) => [f.code, f.severity, f.line, f.module])).toEqual([
      ['DG001', 'error', 1, 'reports.render'],
      ['DG001', 'error', 2, 'reports'],
    ]);
    expect(result.findings[0]!.message).toBe(
      "module reports.render (reports/render.py) is in the image at /srv/reports/render.py, but /srv is not on the container's sys.path, so the import fails",
    );
    expect(result.findings[0]!.fix).toMatchObject({ file: 'Dockerfile', line: 3, text: 'ENV PYTHONPATH=/srv' });
    expect(result.findings[1]!.message).toContain('is in the image at /srv/reports/__init__.py, but /srv is not');
  });
});
