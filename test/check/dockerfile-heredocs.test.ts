import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('heredocs (fixture dockerfile-heredocs)', () => {
  it('follows the Python a COPY heredoc writes, at Dockerfile lines, and reads the installs of a RUN heredoc', async () => {
    const result = await check({ cwd: makeFixtureRepo('dockerfile-heredocs') });
    expect(result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, module: f.module }))).toEqual([
      { code: 'DG101', severity: 'error', file: 'services/reports/Dockerfile', line: 19, module: 'structlog' },
      { code: 'DG001', severity: 'error', file: 'services/reports/Dockerfile', line: 22, module: 'shared.log_config' },
    ]);
    // Line 10: `python -m pip install --upgrade pip`, the heredoc body's second line.
    expect(result.findings[0]!.message).toContain('looked at RUN line 10, services/reports/requirements.txt');
    expect(result.findings[1]!.chain).toEqual([
      { file: 'services/reports/Dockerfile', line: 30, module: '/srv/start.py' },
      { file: 'services/reports/Dockerfile', line: 22, module: 'shared.log_config' },
    ]);
  });
});
