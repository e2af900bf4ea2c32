import { afterAll, describe, expect, it } from 'vitest';
import { configuredChoice } from '../../src/deps/check/configured-url-choice.js';
import { IMPLICIT_PACKAGE_RULES, matchImplicitRules, type ModuleUsage } from '../../src/deps/usage-rules.js';
import { extractImports } from '../../src/python/extract-imports.js';
import { implicitPackage } from '../../src/rules/DG102-implicit-package.js';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const usageOf = (source: string): ModuleUsage => {
  const parsed = extractImports(source);
  const imports = parsed.imports.flatMap((ref) => [ref.module, ...ref.names.map((n) => `${ref.module}.${n}`)]);
  return { imports, calls: parsed.calls, strings: parsed.strings, launchArgs: [] };
};
const firedOn = (source: string) => matchImplicitRules(IMPLICIT_PACKAGE_RULES, usageOf(source)).map((m) => m.rule.id);

describe('implicit-package: a call counts only for the library that binds it', () => {
  it('names a call through an import by what it stands for', () => {
    const source = py([
      'import pandas as pd',
      'import polars as pl',
      'from fastapi import File as Upload',
      'from .models import File',
      'pd.read_parquet("a")',
      'pl.read_parquet("b")',
      'File(name="x")',
      'Upload(...)',
      'df.to_parquet("c")',
      'client.query(sql).to_dataframe()',
    ]);
    expect(extractImports(source).calls.sort()).toEqual(['.models.File', 'fastapi.File', 'pandas.read_parquet', 'polars.read_parquet', 'to_dataframe', 'query', 'to_parquet'].sort());
  });

  it('polars read_parquet is no pandas Parquet I/O; pandas read_parquet and a DataFrame method are', () => {
    expect(firedOn(py(['import pandas as pd', 'import polars as pl', 'events = pl.read_parquet("/data/e.parquet")', 'pd.DataFrame(events.to_dicts())']))).toEqual([]);
    expect(firedOn(py(['import pandas as pd', 'pd.read_parquet("/data/e.parquet")']))).toEqual(['pandas-parquet']);
    expect(firedOn(py(['from pandas import read_parquet', 'read_parquet("/data/e.parquet")']))).toEqual(['pandas-parquet']);
    expect(firedOn(py(['import pandas as pd', 'def save(df):', '    df.to_parquet("/data/out.parquet")']))).toEqual(['pandas-parquet']);
  });

  it('FastAPI File/Form counts only when bound from fastapi, not a model class named File', () => {
    expect(firedOn(py(['from fastapi import FastAPI', 'from .models import File', 'f = File(name="a")']))).toEqual([]);
    expect(firedOn(py(['from fastapi import FastAPI, File, UploadFile', 'async def up(f: UploadFile = File(...)): ...']))).toEqual(['fastapi-form']);
    expect(firedOn(py(['import fastapi', 'async def up(name: str = fastapi.Form(...)): ...']))).toEqual(['fastapi-form']);
  });
});

describe('implicit-package: what a match rests on is on the finding', () => {
  const image = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
  const celery = { module: 'celery', level: 0, names: [], line: 2, guarded: false, dynamic: false };

  it('a URL that is only the default of an environment lookup is an assumption naming the variable', async () => {
    const source = py(['import os', 'from celery import Celery', 'app = Celery("proj", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))']);
    const { strings } = extractImports(source);
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'requirements.txt': 'celery==5.4.0\n' }, modules: { 'proj/celery.py': { imports: [celery], strings } } });
    expect(implicitPackage.check(analysis)).toEqual([
      expect.objectContaining({ severity: 'warning', distribution: 'redis', assumption: expect.stringContaining('only the default of CELERY_BROKER_URL') }),
    ]);
  });

  it('the default stays a proof when the image sets the variable to that scheme, and a plain URL is one', async () => {
    const source = py(['import os', 'from celery import Celery', 'app = Celery("proj", broker=os.getenv("CELERY_BROKER_URL", default="redis://localhost:6379/0"))']);
    const { strings } = extractImports(source);
    const withEnv = `${image}ENV CELERY_BROKER_URL=redis://cache:6379/0\n`;
    const analysis = await analyzeInline({ files: { Dockerfile: withEnv, 'requirements.txt': 'celery==5.4.0\n' }, modules: { 'proj/celery.py': { imports: [celery], strings } } });
    expect(implicitPackage.check(analysis)).toEqual([expect.objectContaining({ severity: 'error', distribution: 'redis' })]);
    const plain = await analyzeInline({ files: { Dockerfile: image, 'requirements.txt': 'celery==5.4.0\n' }, modules: { 'proj/celery.py': { imports: [celery], strings: ['redis://cache:6379/0'] } } });
    expect(implicitPackage.check(plain)).toEqual([expect.objectContaining({ severity: 'error', distribution: 'redis' })]);
  });

  it('a gs:// string beside a pandas call is an assumption, not a proof that pandas reads it', async () => {
    const pandas = { module: 'pandas', level: 0, names: [], line: 1, guarded: false, dynamic: false };
    const analysis = await analyzeInline({
      files: { Dockerfile: image, 'requirements.txt': 'pandas==2.2.2\n' },
      modules: { 'etl.py': { imports: [pandas], calls: ['pandas.read_csv'], strings: ['downloading gs://%s/%s'] } },
    });
    expect(implicitPackage.check(analysis)).toEqual([expect.objectContaining({ severity: 'warning', distribution: 'gcsfs', assumption: expect.stringContaining('taken to be a path given to the pandas call') })]);
  });

  it('settings that name several Django database backends leave the choice to configuration', () => {
    const evidence = ['string "django.db.backends.postgresql"'];
    expect(configuredChoice(evidence, ['django.db.backends.sqlite3', 'django.db.backends.postgresql'])).toContain('several Django database backends (sqlite3, postgresql)');
    expect(configuredChoice(evidence, ['django.db.backends.postgresql'])).toBeUndefined();
  });
});
