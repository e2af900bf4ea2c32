import { afterAll, describe, expect, it } from 'vitest';
import { transitiveOnly } from '../../src/rules/DG107-transitive-only.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = {
  Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
  'requirements.in': 'flask\n',
  'requirements.txt': 'flask==3.1.0\n    # via -r requirements.in\nwerkzeug==3.1.3\n    # via flask\n',
};

describe('DG107 transitive-only', () => {
  it('catches an import of a package the lock pins only for another one', async () => {
    const findings = transitiveOnly.check(await analyzeInline({ files, imports: ['flask', 'werkzeug.exceptions'] }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG107', severity: 'warning', module: 'werkzeug.exceptions', distribution: 'werkzeug' })]);
    expect(findings[0]!.message).toContain('requirements.txt pins only as a dependency');
    expect(findings[0]!.fix).toMatchObject({ file: 'requirements.in', text: 'werkzeug' });
  });

  it('catches an undeclared package a loose requirements file pulls in, and not a declared one', async () => {
    const loose = { Dockerfile: 'FROM python:3.12-slim\nCOPY r.txt .\nRUN pip install -r r.txt\n', 'r.txt': 'pandas==2.2.3\n' };
    const findings = transitiveOnly.check(await analyzeInline({ files: loose, imports: ['numpy', 'pandas'] }));
    expect(findings.map((f) => [f.module, f.message.includes('dependency of pandas')])).toEqual([['numpy', true]]);
    expect(transitiveOnly.check(await analyzeInline({ files, imports: ['flask'] }))).toEqual([]);
  });
});
