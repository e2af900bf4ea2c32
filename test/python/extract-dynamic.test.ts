import { describe, expect, test } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;

describe('extractImports: dynamic imports', () => {
  test('import_module, importlib.import_module and __import__ with a literal are imports', () => {
    const source = py([
      'import importlib',
      'from importlib import import_module',
      'handlers = importlib.import_module("svc.handlers.email")',
      'tasks = import_module(\'svc.tasks\')',
      'legacy = __import__("legacy_lib")',
    ]);
    const refs = extractImports(source).imports.slice(2);
    expect(refs).toEqual([
      { module: 'svc.handlers.email', level: 0, names: [], line: 3, guarded: false, dynamic: false },
      { module: 'svc.tasks', level: 0, names: [], line: 4, guarded: false, dynamic: false },
      { module: 'legacy_lib', level: 0, names: [], line: 5, guarded: false, dynamic: false },
    ]);
    expect(extractImports(source).dynamicCandidates).toEqual([]);
  });

  test('the name may be passed by keyword', () => {
    expect(extractImports('import_module(name="svc.x", package=None)\n').imports).toMatchObject([{ module: 'svc.x', level: 0 }]);
  });

  test('a leading-dot literal is relative to the current package', () => {
    const [ref] = extractImports('mod = import_module(".backends.redis", package=__package__)\n').imports;
    expect(ref).toMatchObject({ module: 'backends.redis', level: 1 });
  });

  test('runpy.run_module with a literal imports that module', () => {
    expect(extractImports('import runpy\nrunpy.run_module("tools.migrate", run_name="__main__")\n').imports).toMatchObject([
      { module: 'runpy' },
      { module: 'tools.migrate', level: 0, line: 2 },
    ]);
  });

  test('__import__ with a literal level is relative, by position or keyword; a computed level is not read', () => {
    const source = py([
      '_app = __import__("_app", globals(), locals(), ["."], 1)',
      'views = __import__(name="views", level=2)',
      'other = __import__("other", globals(), locals(), [], depth)',
    ]);
    expect(extractImports(source).imports).toEqual([
      { module: '_app', level: 1, names: [], line: 1, guarded: false, dynamic: false },
      { module: 'views', level: 2, names: [], line: 2, guarded: false, dynamic: false },
    ]);
  });

  test('a literal dynamic import inside try/except ImportError is guarded', () => {
    const source = py(['try:', '    importlib.import_module("optional_plugin")', 'except ImportError:', '    pass']);
    expect(extractImports(source).imports).toMatchObject([{ module: 'optional_plugin', guarded: true }]);
  });

  test('a computed name turns dotted strings and module:attr strings into candidates', () => {
    const source = py([
      'import importlib',
      'PLUGINS = [',
      '    "svc.plugins.audit",',
      '    "svc.web.app:create_app",',
      '    "not a module",',
      '    "plain",',
      '    "1.2.3",',
      ']',
      'def load(name):',
      '    return importlib.import_module(name)',
    ]);
    const parsed = extractImports(source);
    expect(parsed.dynamicCandidates).toEqual([
      { value: 'svc.plugins.audit', line: 3 },
      { value: 'svc.web.app', line: 4 },
    ]);
    expect(parsed.imports.map((ref) => ref.module)).toEqual(['importlib']);
  });

  test.each([
    ['an f-string', 'import_module(f"svc.{name}")'],
    ['a concatenation', '__import__("svc." + name)'],
    ['an attribute', 'import_module(settings.JOB_MODULE)'],
  ])('%s is a computed name', (_label, call) => {
    const parsed = extractImports(py(['TARGET = "svc.jobs.nightly"', call]));
    expect(parsed.dynamicCandidates).toEqual([{ value: 'svc.jobs.nightly', line: 1 }]);
  });

  test('without a computed import, dotted strings are not candidates', () => {
    expect(extractImports(py(['LOGGER = "svc.jobs.nightly"', 'import_module("svc.jobs")'])).dynamicCandidates).toEqual([]);
  });

  test('an unrelated method named like a dynamic import but without arguments is ignored', () => {
    expect(extractImports('loader.import_module()\n').dynamicCandidates).toEqual([]);
  });
});
