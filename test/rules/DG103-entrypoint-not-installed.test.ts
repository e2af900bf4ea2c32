import { afterAll, describe, expect, it } from 'vitest';
import { entrypointNotInstalled } from '../../src/rules/DG103-entrypoint-not-installed.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const dockerfile = (install: string) => `FROM python:3.12-slim\nRUN pip install ${install}\nCMD ["gunicorn", "app:app"]\n`;

describe('DG103 entrypoint-not-installed', () => {
  it('catches a CMD program no install provides', async () => {
    const findings = entrypointNotInstalled.check(await analyzeInline({ files: { Dockerfile: dockerfile('flask==3.1.0') }, programs: ['gunicorn'] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG103', severity: 'error', file: 'Dockerfile', line: 3, module: 'gunicorn', distribution: 'gunicorn' })]);
    expect(findings[0]!.fix).toMatchObject({ file: 'Dockerfile', line: 2, text: 'gunicorn' });
  });

  it('does not catch an installed program, a wrapper from the OS, or fastapi from fastapi[standard]', async () => {
    const a = await analyzeInline({ files: { Dockerfile: dockerfile('gunicorn==23.0.0 "fastapi[standard]==0.115.4"') }, programs: ['sh', 'gunicorn', 'fastapi'] });
    expect(entrypointNotInstalled.check(a)).toEqual([]);
  });

  it('does not catch a program an installed distribution pulls in (uvicorn from fastapi[standard])', async () => {
    const a = await analyzeInline({ files: { Dockerfile: dockerfile('"fastapi[standard]==0.115.4"') }, programs: ['uvicorn'] });
    expect(entrypointNotInstalled.check(a)).toEqual([]);
  });

  it('does not catch a program an OS package of the image installs (supervisord from apt-get install supervisor), only the one that does not', async () => {
    const withApt = (packages: string) =>
      `FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ${packages} && rm -rf /var/lib/apt/lists/*\nRUN pip install flask==3.1.0\nCMD ["supervisord", "-n"]\n`;
    expect(entrypointNotInstalled.check(await analyzeInline({ files: { Dockerfile: withApt('supervisor nginx') }, programs: ['supervisord'] }))).toEqual([]);
    const other = entrypointNotInstalled.check(await analyzeInline({ files: { Dockerfile: withApt('nginx') }, programs: ['supervisord'] }));
    expect(other).toEqual([expect.objectContaining({ severity: 'error', module: 'supervisord', distribution: 'supervisor' })]);
  });

  it('is a warning when an installed distribution whose requirements dockguard does not know may pull it in', async () => {
    const findings = entrypointNotInstalled.check(await analyzeInline({ files: { Dockerfile: dockerfile('acme-platform-sdk==4.2.0') }, programs: ['gunicorn'] }));
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', module: 'gunicorn', assumption: expect.stringContaining('the requirements of acme-platform-sdk are unknown to dockguard') })]);
  });
});

