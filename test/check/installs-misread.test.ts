import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('installs misread before (fixture installs-misread)', () => {
  it('reads wrapper and repository scripts, loop-built uv groups, --user, python3-* apt and py3-* apk packages and poetry add; stdin and conda are unanalysable; bad lock entries and includes leaving the repository are errors', async () => {
    const result = await check({ cwd: makeFixtureRepo('installs-misread') });
    const summary = result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, ...(f.module ? { module: f.module } : {}) }));
    // registry: pip-install (bin/docker, copied onto PATH) installs requirements/main.txt; requests is really missing.
    // ingest: ./install-deps makes a relative venv and installs boto3 with venv/bin/pip.
    // billing: `uv sync $group_flags` may take any group, so gunicorn (group server) counts; stripe is in no group at all.
    // reports: pip --user as USER reports lands in /home/reports/.local, which the final stage copies.
    // mailer: python3-yaml and python3-requests on Debian's own python3. notifier: poetry add httpx.
    // audit: an include two files deep leaves the repository. legacy: a Pipfile.lock entry that is a string installs nothing.
    // forecast: `conda env update -f environment.yml` installs what dockguard does not read, so nothing is proven missing.
    // thumbs: Alpine's py3-pillow and py3-numpy on Alpine's python3; yaml, which neither provides, rests on the py3-* names.
    expect(summary).toEqual([
      { code: 'DG109', severity: 'error', file: 'services/audit/requirements/base.txt', line: 2 },
      { code: 'DG101', severity: 'error', file: 'services/billing/billing/wsgi.py', line: 2, module: 'stripe' },
      { code: 'DG111', severity: 'warning', file: 'services/digest/Dockerfile', line: 4 },
      { code: 'DG101', severity: 'warning', file: 'services/digest/digest/send.py', line: 1, module: 'markdown' },
      { code: 'DG111', severity: 'warning', file: 'services/forecast/Dockerfile', line: 8 },
      { code: 'DG101', severity: 'warning', file: 'services/forecast/forecast.py', line: 1, module: 'pandas' },
      { code: 'DG101', severity: 'warning', file: 'services/forecast/forecast.py', line: 2, module: 'statsmodels.api' },
      { code: 'DG108', severity: 'error', file: 'services/legacy/Pipfile.lock', line: 14 },
      { code: 'DG101', severity: 'warning', file: 'services/legacy/legacy.py', line: 2, module: 'requests' },
      { code: 'DG101', severity: 'error', file: 'services/registry/registry/app.py', line: 4, module: 'requests' },
      { code: 'DG101', severity: 'warning', file: 'services/thumbs/thumbs.py', line: 2, module: 'yaml' },
    ]);
    expect(result.findings.find((f) => f.module === 'yaml')!.assumption).toContain("installs Alpine's Python packages (py3-pillow, py3-numpy)");
    expect(result.findings[2]!.message).toContain('/dev/stdin');
  });
});
