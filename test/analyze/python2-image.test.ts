import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

const PYTHON3_RULES = new Set(['missing-copy', 'python-syntax-error', 'missing-package', 'computed-import', 'implicit-package', 'transitive-only']);

describe('a service whose container runs Python 2', () => {
  it('gets warnings that name Python 2 for what rests on Python 3 (stdlib, syntax, import resolution), never errors or pip fixes', async () => {
    const result = await check({ cwd: makeFixtureRepo('python2-legacy-service') });
    const legacy = result.findings.filter((f) => f.service === 'services/legacy/Dockerfile');
    expect(legacy.map((f) => [f.rule, f.file, f.line, f.module ?? '']).sort()).toEqual([
      ['missing-package', 'services/legacy/reports/server.py', 1, 'urllib2'],
      ['missing-package', 'services/legacy/reports/server.py', 2, 'ConfigParser'],
      ['missing-package', 'services/legacy/reports/server.py', 3, 'StringIO'],
      ['missing-package', 'services/legacy/reports/server.py', 5, 'helpers'],
      // `print "…"`; tree-sitter reads `except E, e:` as a tuple of exceptions, so CPython 3 would stop one line earlier.
      ['python-syntax-error', 'services/legacy/reports/server.py', 16, ''],
      ['copy-source-missing', 'services/legacy/Dockerfile', 6, expect.any(String)],
    ].sort());
    for (const finding of legacy.filter((f) => PYTHON3_RULES.has(f.rule))) {
      expect(finding).toMatchObject({ severity: 'warning', evidence: 'assumed' });
      expect(finding.assumption).toBe("the image runs Python 2.7 (python:2.7-slim), and dockguard checks Python 3's imports, syntax and standard library");
      expect(finding.fix).toBeUndefined();
    }
  });

  it('keeps a Dockerfile finding of a Python 2 image proven: a COPY of a file the context lacks fails the build either way', async () => {
    const result = await check({ cwd: makeFixtureRepo('python2-legacy-service') });
    expect(result.findings.filter((f) => f.service === 'services/legacy/Dockerfile' && f.rule === 'copy-source-missing')).toEqual([
      expect.objectContaining({ severity: 'error', evidence: 'proven', line: 6 }),
    ]);
  });

  it('reads a python2 command on a distribution image as Python 2 too', async () => {
    const result = await check({ cwd: makeFixtureRepo('python2-legacy-service') });
    const tool = result.findings.filter((f) => f.service === 'services/tool/Dockerfile');
    expect(tool.length).toBeGreaterThan(0);
    for (const finding of tool) expect(finding).toMatchObject({ severity: 'warning', assumption: expect.stringContaining('the container runs python2') });
  });

  it('still blocks the same code in a Python 3 image', async () => {
    const result = await check({ cwd: makeFixtureRepo('python2-legacy-service') });
    const modern = result.findings.filter((f) => f.service === 'services/modern/Dockerfile');
    expect(modern.filter((f) => f.severity === 'error').map((f) => [f.rule, f.module ?? ''])).toEqual(
      expect.arrayContaining([
        ['missing-package', 'urllib2'],
        ['python-syntax-error', ''],
      ]),
    );
    expect(modern.every((f) => f.assumption === undefined || f.severity === 'warning')).toBe(true);
  });
});

describe('a service whose python may be Python 2', () => {
  const syntax = (service: string, findings: Awaited<ReturnType<typeof check>>['findings']) =>
    findings.filter((f) => f.service === `services/${service}/Dockerfile` && f.rule === 'python-syntax-error');

  it('reads `python` as Python 2 where the image installs apt python/python-pip, or on CentOS 7', async () => {
    const result = await check({ cwd: makeFixtureRepo('python2-legacy-service') });
    const ops = result.findings.filter((f) => f.service === 'services/ops/Dockerfile');
    expect(ops.map((f) => [f.rule, f.line, f.module ?? ''])).toEqual([
      ['missing-package', 1, 'urllib2'],
      ['missing-package', 2, 'StringIO'],
      ['python-syntax-error', 4, ''],
    ]);
    for (const finding of ops) {
      expect(finding).toMatchObject({ severity: 'warning', assumption: expect.stringContaining('the image installs python, python-pip (services/ops/Dockerfile line 2)') });
    }
    expect(syntax('batch', result.findings)).toEqual([
      expect.objectContaining({ severity: 'warning', line: 3, assumption: expect.stringContaining('Python 2 on centos:7') }),
    ]);
  });

  it('makes a syntax error a warning when the version is assumed and the command is an unversioned python, not when it names python3', async () => {
    const result = await check({ cwd: makeFixtureRepo('python2-legacy-service') });
    expect(syntax('agent', result.findings)).toEqual([
      expect.objectContaining({ severity: 'warning', line: 3, assumption: expect.stringContaining('cannot tell the Python version of registry.internal.example/platform/base:3') }),
    ]);
    expect(syntax('agent3', result.findings)).toEqual([expect.objectContaining({ severity: 'error', line: 3 })]);
  });
});
