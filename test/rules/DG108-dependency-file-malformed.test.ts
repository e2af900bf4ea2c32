import { afterAll, describe, expect, it } from 'vitest';
import { dependencyFileMalformed } from '../../src/rules/DG108-dependency-file-malformed.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = (requirements: string) => ({ Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', 'requirements.txt': requirements });

describe('DG108 dependency-file-malformed', () => {
  it('catches a line pip rejects, with its file and line', async () => {
    const findings = dependencyFileMalformed.check(await analyzeInline({ files: files('flask==3.1.0\n==2.0\n') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG108', severity: 'error', file: 'requirements.txt', line: 2 })]);
  });

  it('does not catch a valid file', async () => {
    expect(dependencyFileMalformed.check(await analyzeInline({ files: files('flask==3.1.0\n') }))).toEqual([]);
  });
});
