import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('entry-script branches a runtime condition decides (fixture entry-script-branches)', () => {
  it('follows only the branch the CMD arguments or the image ENV take; an undecided branch is an assumption naming its condition', async () => {
    const result = await check({ cwd: makeFixtureRepo('entry-script-branches') });
    const summary = result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, module: f.module }));
    // api: CMD ["serve"] takes the uvicorn branch: the test/debug/beat/shell branches (pytest, debugpy, celery) never run,
    // and what the served app lacks (httpx) is still proven. web: ENV APP_ENV=production skips the development server.
    // admin: `[ "$DEBUG" = "1" ] && … || …` with DEBUG unset in the image: the debug server is assumed, not proven.
    expect(summary).toEqual([
      { code: 'DG101', severity: 'warning', file: 'services/admin/admin/dev.py', line: 1, module: 'flask_debugtoolbar' },
      { code: 'DG101', severity: 'error', file: 'services/api/app/main.py', line: 1, module: 'httpx' },
    ]);
    expect(result.findings[0]!.assumption).toBe('runs only when [ "$DEBUG" = "1" ] holds');
    expect(result.services.map((s) => [s.dockerfile, s.entrypoints])).toEqual([
      ['services/admin/Dockerfile', ['admin.dev', 'admin.app']],
      ['services/api/Dockerfile', ['app.main']],
      ['services/web/Dockerfile', ['web.wsgi']],
    ]);
  });
});
