import { afterAll, describe, expect, it } from 'vitest';
import { installCommandUnanalysable } from '../../src/rules/DG111-install-command-unanalysable.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);

describe('DG111 install-command-unanalysable', () => {
  it('catches conda and an install through an unset variable', async () => {
    const dockerfile = 'FROM python:3.12-slim\nRUN conda install -y numpy\nRUN pip install $EXTRA_PACKAGES\n';
    const findings = installCommandUnanalysable.check(await analyzeInline({ files: { Dockerfile: dockerfile } }));
    expect(findings.map((f) => [f.code, f.severity, f.file, f.line])).toEqual([['DG111', 'warning', 'Dockerfile', 2], ['DG111', 'warning', 'Dockerfile', 3]]);
  });

  it('does not catch a package named through an ARG with a value', async () => {
    const dockerfile = 'FROM python:3.12-slim\nARG EXTRA_PACKAGES=gunicorn==23.0.0\nRUN pip install $EXTRA_PACKAGES\n';
    const a = await analyzeInline({ files: { Dockerfile: dockerfile } });
    expect(installCommandUnanalysable.check(a)).toEqual([]);
    expect(a.dependencies!.installed).toEqual(['gunicorn', 'pip']);
  });
});
