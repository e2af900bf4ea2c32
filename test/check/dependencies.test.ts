import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import type { CheckResult } from '../../src/result.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { RULES } from '../../src/rules/index.js';

afterAll(removeFixtureRepos);

/** `transitive-only` is off by default; these tests turn it on with --select-like rule control to see it. */
async function checkFixture(name: string, options: { transitiveOnly?: boolean } = {}): Promise<CheckResult> {
  const cwd = makeFixtureRepo(name);
  if (!options.transitiveOnly) return check({ cwd });
  return check({ cwd, select: RULES.map((rule) => rule.name) });
}

function summary(result: CheckResult) {
  return result.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    file: f.file,
    line: f.line,
    ...(f.module ? { module: f.module } : {}),
    ...(f.distribution ? { distribution: f.distribution } : {}),
  }));
}

describe('dependency check on fixture repositories', () => {
  it('catches a BigQuery job calling to_dataframe() whose uv.lock lacks db-dtypes', async () => {
    const result = await checkFixture('deps-check-bigquery-job');
    expect(summary(result)).toEqual([
      { code: 'DG102', severity: 'error', file: 'services/daily-export/export_job/main.py', line: 6, distribution: 'db-dtypes' },
    ]);
    const [finding] = result.findings;
    expect(finding!.message).toContain('call to_dataframe()');
    expect(finding!.fix).toMatchObject({ file: 'services/daily-export/pyproject.toml', line: 9, text: '    "db-dtypes",' });
    expect(finding!.fix!.description).toContain('uv add db-dtypes');
  });

  it('passes renamed and namespace imports; warns on a guarded optional import and an undeclared transitive one', async () => {
    expect(summary(await checkFixture('deps-check-renamed-imports')).map((f) => f.code), 'transitive-only is off by default').toEqual(['DG101']);
    const result = await checkFixture('deps-check-renamed-imports', { transitiveOnly: true });
    expect(summary(result)).toEqual([
      { code: 'DG107', severity: 'warning', file: 'services/media-api/media_api/palette.py', line: 3, module: 'numpy', distribution: 'numpy' },
      { code: 'DG101', severity: 'warning', file: 'services/media-api/media_api/palette.py', line: 8, module: 'orjson', distribution: 'orjson' },
    ]);
    expect(result.findings[0]!.message).toContain('dependency of scikit-learn');
    expect(result.findings[1]!.message).toContain('guarded by try/except');
    expect(result.findings[1]!.fix).toMatchObject({ file: 'services/media-api/requirements.txt', line: 8, text: 'orjson' });
  });

  it('catches gunicorn missing from poetry.lock, a declared package the lock lacks, and a transitive-only import', async () => {
    const result = await checkFixture('deps-check-gunicorn-poetry', { transitiveOnly: true });
    expect(summary(result)).toEqual([
      { code: 'DG103', severity: 'error', file: 'services/orders-api/Dockerfile', line: 15, module: 'gunicorn', distribution: 'gunicorn' },
      { code: 'DG101', severity: 'error', file: 'services/orders-api/orders_api/wsgi.py', line: 1, module: 'sentry_sdk', distribution: 'sentry-sdk' },
      { code: 'DG107', severity: 'warning', file: 'services/orders-api/orders_api/wsgi.py', line: 3, module: 'werkzeug.middleware.proxy_fix', distribution: 'werkzeug' },
      { code: 'DG105', severity: 'error', file: 'services/orders-api/pyproject.toml', line: 11, distribution: 'sentry-sdk' },
    ]);
    expect(result.findings[0]!.fix).toMatchObject({ file: 'services/orders-api/pyproject.toml', text: 'gunicorn = "*"' });
    expect(result.findings[0]!.fix!.description).toContain('poetry add gunicorn');
    expect(result.findings[3]!.message).toContain('missing from services/orders-api/poetry.lock');
  });

  it('adds up layered installs: a shared requirements file and a pip-compiled service lock', async () => {
    const result = await checkFixture('deps-check-layered');
    expect(summary(result)).toEqual([]);
  });

  it('reads a Pipfile.lock installed with pipenv --deploy --system', async () => {
    const result = await checkFixture('deps-check-pipenv');
    expect(summary(result)).toEqual([]);
  });

  it('follows wheels built in an earlier stage, and catches the OpenMP library lightgbm needs on slim', async () => {
    const result = await checkFixture('deps-check-wheels');
    expect(summary(result)).toEqual([
      { code: 'DG104', severity: 'error', file: 'services/scoring/requirements.txt', line: 1, distribution: 'lightgbm' },
    ]);
    expect(result.findings[0]!.fix!.text).toContain('apt-get install -y --no-install-recommends libgomp1');
  });

  it('reports a requirements file installed before it is copied, and a loose file installed beside its lock', async () => {
    const result = await checkFixture('deps-check-install-order');
    expect(summary(result)).toEqual([
      { code: 'DG002', severity: 'error', file: 'services/notifier/Dockerfile', line: 3 },
      { code: 'DG106', severity: 'warning', file: 'services/search/Dockerfile', line: 4 },
    ]);
    expect(result.findings[0]!.message).toContain('needs /app/requirements.txt');
    expect(result.findings[1]!.fix).toMatchObject({ text: 'RUN pip install --no-cache-dir -r /app/requirements.txt' });
  });
});
