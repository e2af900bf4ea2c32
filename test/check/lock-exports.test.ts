import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('locks exported to requirements in the RUN that installs them (fixture lock-exports)', () => {
  it('reads `poetry export`/`uv export` output as the lock install it stands for; a file another command downloads is unknown, not missing', async () => {
    const result = await check({ cwd: makeFixtureRepo('lock-exports') });
    const summary = result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, ...(f.module ? { module: f.module } : {}) }));
    // billing: `poetry export --only main | pip install -r /dev/stdin` leaves out requests (dev group).
    // catalog: a stage of its own exports the lock to /tmp/requirements.txt, which the final stage copies and installs:
    //   the lock (fastapi, uvicorn) is what it installs, so sqlalchemy is proven missing.
    // fetcher: curl writes requirements.txt in the same RUN; what it holds is unknown, so boto3 is a warning and the file is no DG002.
    // orders: `poetry export --output requirements.txt && pip install -r requirements.txt` installs fastapi and uvicorn, not stripe;
    //   a warning only because the same image installs poetry-plugin-export, whose requirements dockguard does not know.
    // search: `uv export --no-dev` leaves out rich (dev group).
    expect(summary).toEqual([
      { code: 'DG101', severity: 'error', file: 'services/billing/billing/wsgi.py', line: 2, module: 'requests' },
      { code: 'DG101', severity: 'error', file: 'services/catalog/app/main.py', line: 2, module: 'sqlalchemy' },
      { code: 'DG101', severity: 'warning', file: 'services/fetcher/fetcher/run.py', line: 1, module: 'boto3' },
      { code: 'DG101', severity: 'warning', file: 'services/orders/orders/api.py', line: 2, module: 'stripe' },
      { code: 'DG101', severity: 'error', file: 'services/search/search/__main__.py', line: 2, module: 'rich.console' },
    ]);
    expect(result.findings[2]!.assumption).toContain('/app/requirements.txt is written by curl in the same RUN');
    expect(result.findings[3]!.assumption).toContain('poetry-plugin-export');
    expect(result.findings[0]!.message).toContain('services/billing/poetry.lock');
    expect(result.findings[1]!.message).toContain('services/catalog/poetry.lock');
    expect(result.findings[1]!.evidence).toBe('proven');
    expect(result.findings[4]!.message).toContain('services/search/uv.lock');
  });
});
