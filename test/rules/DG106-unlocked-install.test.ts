import { afterAll, describe, expect, it } from 'vitest';
import { unlockedInstall } from '../../src/rules/DG106-unlocked-install.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = (installed: string) => ({
  Dockerfile: `FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt requirements-lock.txt ./\nRUN pip install -r ${installed}\n`,
  'requirements.txt': 'flask>=3.0\n',
  'requirements-lock.txt': 'flask==3.1.0\nwerkzeug==3.1.3\n',
});

describe('DG106 unlocked-install', () => {
  it('catches a loose requirements file installed beside its lock', async () => {
    const findings = unlockedInstall.check(await analyzeInline({ files: files('requirements.txt') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG106', severity: 'warning', file: 'Dockerfile', line: 4 })]);
    expect(findings[0]!.fix!.text).toBe('RUN pip install --no-cache-dir -r /app/requirements-lock.txt');
  });

  it('does not catch an install of the lock itself', async () => {
    expect(unlockedInstall.check(await analyzeInline({ files: files('requirements-lock.txt') }))).toEqual([]);
  });
});
