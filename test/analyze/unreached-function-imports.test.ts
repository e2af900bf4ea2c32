import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { extractImports } from '../../src/python/extract-imports.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('imports in code the service does not reach', () => {
  it('makes a function-level import a warning only when nothing in the closure uses its definition', async () => {
    const result = await check({ cwd: makeFixtureRepo('unreached-function-imports') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG101', 'error', 'reports/exporters.py', 6, 'pandas'],
      ['DG101', 'error', 'reports/exporters.py', 15, 'openpyxl'],
      ['DG101', 'warning', 'reports/exporters.py', 26, 'weasyprint'],
      ['DG101', 'error', 'reports/soap.py', 6, 'zeep'],
      ['DG101', 'warning', 'reports/soap.py', 15, 'suds.client'],
      ['DG101', 'error', 'reports/web.py', 17, 'matplotlib.pyplot'],
    ]);
    expect(result.findings[2]!.assumption).toBe(
      "in code this service does not reach: nothing in the service's code uses _render_pdf of reports/exporters.py",
    );
    expect(result.findings[4]!.assumption).toBe(
      "in code this service does not reach: nothing in the service's code uses LegacyClient of reports/soap.py",
    );
  });
});

describe('definitions a module does not reach itself', () => {
  const unreached = (lines: string[]) => extractImports(`${lines.join('\n')}\n`).unreached;

  it('counts module-level uses, decorators, defaults, __all__ and reached callers; lists unreached callers', () => {
    expect(
      unreached([
        '__all__ = ["exported"]',
        'def exported():',
        '    import a',
        'def default():',
        '    import b',
        'def takes(x=default()):',
        '    pass',
        '@register',
        'def decorated():',
        '    import c',
        '    helper()',
        'def helper():',
        '    import d',
        'def lonely():',
        '    import e',
        'def entry():',
        '    lonely()',
      ]),
    ).toEqual([{ name: 'lonely', lines: [[15, 15]], via: ['entry', 'lonely'] }]);
  });

  it('holds back only method imports of a class; its class-level code runs at import', () => {
    expect(
      unreached(['class Old:', '    import always', '    def run(self):', '        import lazy', '        return lazy']),
    ).toEqual([{ name: 'Old', lines: [[4, 5]], via: ['Old'] }]);
  });
});
