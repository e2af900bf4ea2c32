import { describe, expect, it } from 'vitest';
import type { ImportRef } from '../../src/types.js';
import {
  IMPLICIT_PACKAGE_RULES,
  SYSTEM_PACKAGE_RULES,
  findMissingGroups,
  importedNames,
  matchImplicitRules,
  programProvider,
  systemRulesFor,
  type ModuleUsage,
} from '../../src/deps/usage-rules.js';

const usage = (u: Partial<ModuleUsage>): ModuleUsage => ({ imports: [], calls: [], strings: [], launchArgs: [], ...u });
const firedIds = (u: Partial<ModuleUsage>) => matchImplicitRules(IMPLICIT_PACKAGE_RULES, usage(u)).map((m) => m.rule.id);
const needsOf = (id: string) => IMPLICIT_PACKAGE_RULES.find((r) => r.id === id)?.needs;

describe('implicit-package rules: data invariants', () => {
  it('has unique ids, at least one condition and normalised needs per rule', () => {
    const ids = IMPLICIT_PACKAGE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of IMPLICIT_PACKAGE_RULES) {
      expect(Object.values(rule.when).some((v) => v && v.length > 0), rule.id).toBe(true);
      expect(rule.needs.length, rule.id).toBeGreaterThan(0);
      for (const name of rule.needs.flat()) expect(name, rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it.each(IMPLICIT_PACKAGE_RULES.map((r) => [r.id, r] as const))('%s fires on its own conditions and not when one is missing', (_id, rule) => {
    const full = usage(Object.fromEntries(Object.entries(rule.when).map(([key, values]) => [key, [values[0] as string]])));
    expect(matchImplicitRules([rule], full)).toHaveLength(1);
    for (const key of Object.keys(rule.when) as Array<keyof ModuleUsage>) {
      expect(matchImplicitRules([rule], { ...full, [key]: [] }), `${rule.id} without ${key}`).toEqual([]);
    }
  });
});

describe('implicit-package rules: catches', () => {
  it('BigQuery to_dataframe needs db-dtypes and pandas, with evidence', () => {
    const [match] = matchImplicitRules(IMPLICIT_PACKAGE_RULES, usage({ imports: ['google.cloud.bigquery'], calls: ['query', 'to_dataframe'] }));
    expect(match?.rule.id).toBe('bigquery-to-dataframe');
    expect(match?.rule.needs).toEqual([['db-dtypes'], ['pandas']]);
    expect(match?.evidence).toEqual(['import google.cloud.bigquery', 'call to_dataframe()']);
  });

  it('BigQuery to_arrow needs pyarrow; a submodule import counts as importing bigquery', () => {
    expect(firedIds({ imports: ['google.cloud.bigquery.table'], calls: ['to_arrow'] })).toEqual(['bigquery-to-arrow']);
    expect(needsOf('bigquery-to-arrow')).toEqual([['pyarrow']]);
  });

  it('pandas parquet / excel I/O needs an engine', () => {
    expect(firedIds({ imports: ['pandas'], calls: ['read_parquet'] })).toEqual(['pandas-parquet']);
    expect(needsOf('pandas-parquet')).toEqual([['pyarrow', 'fastparquet']]);
    expect(firedIds({ imports: ['pandas'], calls: ['read_excel'] })).toEqual(['pandas-read-excel']);
    expect(needsOf('pandas-read-excel')).toEqual([['openpyxl', 'calamine', 'python-calamine', 'xlrd']]);
    expect(firedIds({ imports: ['pandas'], calls: ['to_excel'] })).toEqual(['pandas-write-excel']);
  });

  it.each([
    ['postgresql://app:secret@db/app', 'sqlalchemy-postgresql', [['psycopg2', 'psycopg2-binary']]],
    ['postgresql+psycopg2://db/app', 'sqlalchemy-postgresql', [['psycopg2', 'psycopg2-binary']]],
    ['postgres://db/app', 'sqlalchemy-postgresql', [['psycopg2', 'psycopg2-binary']]],
    ['postgresql+psycopg://db/app', 'sqlalchemy-postgresql-psycopg', [['psycopg']]],
    ['postgresql+asyncpg://db/app', 'sqlalchemy-postgresql-asyncpg', [['asyncpg']]],
    ['mysql+pymysql://db/app', 'sqlalchemy-mysql-pymysql', [['pymysql']]],
    ['mysql://db/app', 'sqlalchemy-mysql', [['mysqlclient']]],
    ['DATABASE_URL=mysql://db/app', 'sqlalchemy-mysql', [['mysqlclient']]],
    ['mysql+aiomysql://db/app', 'sqlalchemy-mysql-aiomysql', [['aiomysql']]],
  ])('SQLAlchemy URL %s → %s', (url, id, needs) => {
    // The asyncio extension's own rule (it needs greenlet) fires on that import too.
    expect(firedIds({ imports: ['sqlalchemy.ext.asyncio'], strings: [url] })).toEqual([id, 'sqlalchemy-asyncio']);
    expect(needsOf(id)).toEqual(needs);
  });

  it('Django database ENGINE strings need the driver', () => {
    expect(firedIds({ strings: ['django.db.backends.postgresql'] })).toEqual(['django-postgresql']);
    expect(needsOf('django-postgresql')).toEqual([['psycopg2', 'psycopg2-binary', 'psycopg']]);
    expect(firedIds({ strings: ['django.db.backends.mysql'] })).toEqual(['django-mysql']);
    expect(needsOf('django-mysql')?.[0]).toContain('mysqlclient');
  });

  it('gunicorn -k uvicorn.workers.UvicornWorker needs uvicorn, written either way', () => {
    expect(firedIds({ launchArgs: ['gunicorn', '-k', 'uvicorn.workers.UvicornWorker', 'app:app'] })).toEqual(['gunicorn-uvicorn-worker']);
    expect(firedIds({ launchArgs: ['gunicorn', '--worker-class=uvicorn.workers.UvicornWorker', 'app:app'] })).toEqual(['gunicorn-uvicorn-worker']);
    expect(firedIds({ strings: ['uvicorn.workers.UvicornWorker'] })).toEqual(['gunicorn-uvicorn-worker-config']);
    expect(needsOf('gunicorn-uvicorn-worker')).toEqual([['uvicorn']]);
  });

  it('from-imports count through importedNames: from pydantic import EmailStr', () => {
    const refs: ImportRef[] = [
      { module: 'pydantic', level: 0, names: ['BaseModel', 'EmailStr'], line: 1, guarded: false, dynamic: false },
      { module: 'models', level: 1, names: ['User'], line: 2, guarded: false, dynamic: false },
      { module: 'google.cloud', level: 0, names: ['bigquery'], line: 3, guarded: false, dynamic: false },
    ];
    const imports = importedNames(refs);
    expect(imports).toEqual(['pydantic', 'pydantic.BaseModel', 'pydantic.EmailStr', 'google.cloud', 'google.cloud.bigquery']);
    expect(firedIds({ imports })).toEqual(['pydantic-email']);
    expect(firedIds({ imports, calls: ['to_dataframe'] }).sort()).toEqual(['bigquery-to-dataframe', 'pydantic-email']);
  });
});

describe('implicit-package rules: does not catch', () => {
  it.each([
    ['to_dataframe without BigQuery', { imports: ['pandas'], calls: ['to_dataframe'] }],
    ['BigQuery without a dataframe call', { imports: ['google.cloud.bigquery'], calls: ['query', 'result'] }],
    ['read_parquet without pandas', { imports: ['polars'], calls: ['read_parquet'] }],
    ['a postgres URL without SQLAlchemy', { imports: ['psycopg'], strings: ['postgresql://db/app'] }],
    ['an import that only shares a prefix', { imports: ['sqlalchemy_utils'], strings: ['mysql://db'] }],
    ['a module named like the worker', { launchArgs: ['gunicorn', 'uvicorn.workers.UvicornWorkerX'] }],
    ['pandas alone', { imports: ['pandas'], calls: ['read_csv'] }],
    ['a plain gunicorn command', { launchArgs: ['gunicorn', '-w', '4', 'app:app'] }],
  ])('%s', (_label, u) => {
    expect(firedIds(u as Partial<ModuleUsage>)).toEqual([]);
  });
});

describe('findMissingGroups', () => {
  it('keeps groups none of whose members is installed', () => {
    const installed = new Set(['pandas', 'psycopg2-binary']);
    const has = (name: string) => installed.has(name);
    expect(findMissingGroups([['db-dtypes'], ['pandas']], has)).toEqual([['db-dtypes']]);
    expect(findMissingGroups([['psycopg2', 'psycopg2-binary']], has)).toEqual([]);
  });
});

describe('system-package rules', () => {
  it('lists libgomp1 for lightgbm, the libpq build for psycopg2 and libGL for opencv-python', () => {
    const byName = new Map(SYSTEM_PACKAGE_RULES.map((r) => [r.distribution, r]));
    expect(byName.get('lightgbm')?.runtime?.apt).toEqual([['libgomp1']]);
    expect(byName.get('lightgbm')?.runtime?.apk).toEqual([['libgomp']]);
    expect(byName.get('psycopg2')?.build?.apt[0]).toContain('libpq-dev');
    expect(byName.get('mysqlclient')?.build?.apt.flat()).toEqual(expect.arrayContaining(['default-libmysqlclient-dev', 'pkg-config']));
    expect(byName.get('opencv-python')?.runtime?.apt.flat()).toEqual(expect.arrayContaining(['libgl1', 'libglib2.0-0']));
    expect(byName.get('pyodbc')?.runtime?.apt[0]).toContain('unixodbc');
    expect(byName.has('opencv-python-headless')).toBe(false);
    expect(byName.has('psycopg2-binary')).toBe(false);
  });

  it('applies to installed distributions unless a binary variant is installed too', () => {
    expect(systemRulesFor(new Set(['lightgbm', 'pandas'])).map((r) => r.distribution)).toEqual(['lightgbm']);
    expect(systemRulesFor(new Set(['psycopg'])).map((r) => r.distribution)).toEqual(['psycopg']);
    expect(systemRulesFor(new Set(['psycopg', 'psycopg-binary']))).toEqual([]);
    expect(systemRulesFor(new Set(['opencv-python-headless']))).toEqual([]);
  });
});

describe('entrypoint programs', () => {
  it.each([
    ['gunicorn', ['gunicorn']],
    ['/app/.venv/bin/uvicorn', ['uvicorn']],
    ['functions-framework', ['functions-framework']],
    ['celery', ['celery']],
    ['streamlit', ['streamlit']],
    ['flask', ['flask']],
    ['opentelemetry-instrument', ['opentelemetry-instrumentation']],
    ['ddtrace-run', ['ddtrace']],
    ['waitress-serve', ['waitress']],
    ['newrelic-admin', ['newrelic']],
    ['hypercorn', ['hypercorn']],
    ['daphne', ['daphne']],
    ['alembic', ['alembic']],
    ['dagster', ['dagster']],
  ])('%s is installed by %j', (program, distributions) => {
    const provider = programProvider(program);
    expect(provider.kind).toBe('distribution');
    if (provider.kind === 'distribution') expect(provider.distributions).toEqual(distributions);
  });

  it('fastapi comes from fastapi-cli or fastapi[standard]', () => {
    expect(programProvider('fastapi')).toEqual({
      kind: 'distribution',
      distributions: ['fastapi-cli'],
      viaExtras: [{ distribution: 'fastapi', extras: ['standard', 'standard-no-fastapi-cloud-cli', 'all'] }],
      osPackages: { apt: [], apk: [] },
    });
  });

  it('supervisord comes from the supervisor distribution, or from the OS package of that name', () => {
    expect(programProvider('/usr/bin/supervisord')).toMatchObject({ kind: 'distribution', distributions: ['supervisor'], osPackages: { apt: ['supervisor'], apk: ['supervisor'] } });
  });

  it('treats Python itself and shell tools as no package, and unknown programs as unknown', () => {
    for (const program of ['python', 'python3', 'python3.12', '/usr/local/bin/python3.11', 'pypy3', 'sh', 'bash', 'tini', 'dumb-init']) {
      expect(programProvider(program), program).toEqual({ kind: 'system' });
    }
    expect(programProvider('my-company-server')).toEqual({ kind: 'unknown' });
    expect(programProvider('constructor')).toEqual({ kind: 'unknown' });
  });
});
