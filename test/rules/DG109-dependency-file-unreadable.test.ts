import { afterAll, describe, expect, it } from 'vitest';
import { dependencyFileUnreadable } from '../../src/rules/DG109-dependency-file-unreadable.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const dockerfile = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';

describe('DG109 dependency-file-unreadable', () => {
  it('catches an include that does not exist', async () => {
    const findings = dependencyFileUnreadable.check(await analyzeInline({ files: { Dockerfile: dockerfile, 'requirements.txt': '-r base.txt\nflask\n' } }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG109', severity: 'error', file: 'requirements.txt', line: 1 })]);
  });

  it('does not catch an include that exists', async () => {
    const files = { Dockerfile: dockerfile.replace('COPY requirements.txt .', 'COPY requirements.txt base.txt ./'), 'requirements.txt': '-r base.txt\n', 'base.txt': 'flask\n' };
    expect(dependencyFileUnreadable.check(await analyzeInline({ files }))).toEqual([]);
  });
});
