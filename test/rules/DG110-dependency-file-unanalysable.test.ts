import { afterAll, describe, expect, it } from 'vitest';
import { dependencyFileUnanalysable } from '../../src/rules/DG110-dependency-file-unanalysable.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = (requirements: string) => ({ Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', 'requirements.txt': requirements });

describe('DG110 dependency-file-unanalysable', () => {
  it('catches an include that uses an unset variable', async () => {
    const findings = dependencyFileUnanalysable.check(await analyzeInline({ files: files('flask\n-r ${REQS_DIR}/base.txt\n') }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG110', severity: 'warning', file: 'requirements.txt', line: 2 })]);
  });

  it('does not catch a plain file', async () => {
    expect(dependencyFileUnanalysable.check(await analyzeInline({ files: files('flask\n') }))).toEqual([]);
  });
});
