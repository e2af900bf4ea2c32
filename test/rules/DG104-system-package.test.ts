import { afterAll, describe, expect, it } from 'vitest';
import { systemPackage } from '../../src/rules/DG104-system-package.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);

describe('DG104 system-package', () => {
  it('catches lightgbm on a slim image without libgomp1', async () => {
    const findings = systemPackage.check(await analyzeInline({ files: { Dockerfile: 'FROM python:3.11-slim\nRUN pip install lightgbm==4.5.0\n' }, imports: ['lightgbm'] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG104', severity: 'error', file: 'Dockerfile', line: 2, distribution: 'lightgbm' })]);
    expect(findings[0]!.assumption).toBeUndefined();
    expect(findings[0]!.fix!.text).toContain('libgomp1');
  });

  it('takes a run-time need as an assumption when no module of the service imports the distribution, but never a build need', async () => {
    const installedOnly = systemPackage.check(await analyzeInline({ files: { Dockerfile: 'FROM python:3.11-slim\nRUN pip install lightgbm==4.5.0\n' }, imports: ['requests'] }));
    expect(installedOnly).toEqual([expect.objectContaining({ distribution: 'lightgbm', assumption: 'no module this service runs imports lightgbm, so libgomp1 is needed only if a library it imports loads it' })]);
    // psycopg2 has no wheel: pip compiles it, which fails without pg_config and a compiler, imported or not.
    const build = systemPackage.check(await analyzeInline({ files: { Dockerfile: 'FROM python:3.12-slim\nRUN pip install psycopg2==2.9.10\n' } }));
    expect(build.filter((f) => f.message.includes('stage that installs it'))).toEqual([expect.objectContaining({ distribution: 'psycopg2' })]);
    expect(build.filter((f) => f.message.includes('stage that installs it')).every((f) => f.assumption === undefined)).toBe(true);
  });

  it('does not catch it when an apt-get line installs the library, or on the full python image', async () => {
    const withApt = 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1\nRUN pip install lightgbm==4.5.0\n';
    expect(systemPackage.check(await analyzeInline({ files: { Dockerfile: withApt } }))).toEqual([]);
    expect(systemPackage.check(await analyzeInline({ files: { Dockerfile: 'FROM python:3.11\nRUN pip install lightgbm==4.5.0\n' } }))).toEqual([]);
  });

  it('takes psycopg[binary] (and [c]) as the binary build that brings its own libpq, but not another extra', async () => {
    const image = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
    const check = async (requirements: string) => systemPackage.check(await analyzeInline({ files: { Dockerfile: image, 'requirements.txt': requirements }, imports: ['psycopg'] }));
    expect(await check('psycopg[binary]==3.1.18\n')).toEqual([]);
    expect(await check('psycopg[pool, binary]==3.1.18\n')).toEqual([]);
    expect(await check('psycopg[c]==3.1.18\n')).toEqual([]);
    const plain = await check('psycopg[pool]==3.1.18\n');
    expect(plain).toEqual([expect.objectContaining({ severity: 'error', distribution: 'psycopg', file: 'requirements.txt', line: 1 })]);
    expect(plain[0]!.fix!.text).toContain('libpq5');
  });
});
