import { afterAll, describe, expect, it } from 'vitest';
import { configuredChoice } from '../../src/deps/check/configured-url-choice.js';
import { implicitPackage } from '../../src/rules/DG102-implicit-package.js';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

describe('configuredChoice: a URL among alternatives the configuration picks from', () => {
  const evidence = ['import sqlalchemy', 'string "postgresql+psycopg2://"'];

  it('names the alternatives when the module writes URLs for several databases', () => {
    const strings = ['postgresql+psycopg2://{username}:{password}@{host}/{name}', 'mysql+pymysql://{username}@{host}/{name}', 'sqlite:///{name}'];
    expect(configuredChoice(evidence, strings)).toBe('the module writes URLs for several databases (postgresql, mysql, sqlite), so which one runs is decided by its configuration');
  });

  it('says nothing when the one database URL is the one used, whatever else the module writes', () => {
    expect(configuredChoice(evidence, ['postgresql+psycopg2://app@db/app', 'postgresql://replica/app', 'https://example.com/', 'redis://cache:6379/0'])).toBeUndefined();
    expect(configuredChoice(['import pandas', 'call read_csv'], ['postgresql://a', 'mysql://b'])).toBeUndefined();
  });

  it('treats message brokers as a kind of their own', () => {
    expect(configuredChoice(['import celery', 'string "redis://"'], ['redis://cache:6379/0', 'amqp://guest@rabbit//'])).toContain('several message brokers (redis, amqp)');
  });
});

describe('DG102 on a module that supports several databases', () => {
  const image = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
  const modules = (strings: string[]) => ({ 'db.py': { imports: [{ module: 'sqlalchemy', level: 0, names: [], line: 1, guarded: false, dynamic: false }], strings } });

  it('is a warning naming the choice when the URL is one of several', async () => {
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'requirements.txt': 'sqlalchemy==2.0.30\npymysql==1.1.1\n' }, modules: modules(['postgresql+psycopg2://{user}@{host}/{name}', 'mysql+pymysql://{user}@{host}/{name}']) });
    expect(implicitPackage.check(analysis)).toEqual([expect.objectContaining({ severity: 'warning', distribution: 'psycopg2', assumption: expect.stringContaining('several databases (postgresql, mysql)') })]);
  });

  it('stays an error when the module writes that URL alone', async () => {
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'requirements.txt': 'sqlalchemy==2.0.30\n' }, modules: modules(['postgresql+psycopg2://app@db/app']) });
    expect(implicitPackage.check(analysis)).toEqual([expect.objectContaining({ severity: 'error', distribution: 'psycopg2' })]);
    expect(implicitPackage.check(analysis)[0]!.assumption).toBeUndefined();
  });
});
