import { describe, expect, test } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const guardedByModule = (source: string) =>
  Object.fromEntries(extractImports(source).imports.map((ref) => [ref.module, ref.guarded]));

const tryImport = (handler: string) => py(['try:', '    import fast_json', `${handler}:`, '    fast_json = None']);

describe('extractImports: try/except guards', () => {
  test.each([
    'except ImportError',
    'except ModuleNotFoundError',
    'except Exception',
    'except BaseException',
    'except',
    'except ImportError as exc',
    'except (ValueError, ImportError)',
    'except (OSError,\n        ModuleNotFoundError) as e',
    'except builtins.ImportError',
  ])('%s guards the import in the try body', (handler) => {
    expect(guardedByModule(tryImport(handler))).toEqual({ fast_json: true });
  });

  test.each(['except ValueError', 'except (KeyError, AttributeError)', 'except ImportWarning', 'except MyImportError'])(
    '%s does not guard',
    (handler) => {
      expect(guardedByModule(tryImport(handler))).toEqual({ fast_json: false });
    },
  );

  test('a later matching handler is enough', () => {
    const source = py(['try:', '    import a', 'except ValueError:', '    pass', 'except ImportError:', '    pass']);
    expect(guardedByModule(source)).toEqual({ a: true });
  });

  test('the fallback in the handler, else and finally are not guarded', () => {
    const source = py([
      'try:',
      '    import ujson as json',
      'except ImportError:',
      '    import json',
      'else:',
      '    import in_else',
      'finally:',
      '    import in_finally',
    ]);
    expect(guardedByModule(source)).toEqual({ ujson: true, json: false, in_else: false, in_finally: false });
  });

  test('try nested in a function guards only its own body', () => {
    const source = py([
      'import top',
      'def load():',
      '    try:',
      '        from plugins.extra import register',
      '    except ModuleNotFoundError:',
      '        return None',
      '    import after_try',
    ]);
    expect(guardedByModule(source)).toEqual({ top: false, 'plugins.extra': true, after_try: false });
  });

  test('an inner non-matching try inside a guarded body is still guarded', () => {
    const source = py(['try:', '    try:', '        import deep', '    except KeyError:', '        pass', 'except ImportError:', '    pass']);
    expect(guardedByModule(source)).toEqual({ deep: true });
  });

  test('a guarded outer try does not leak into an unrelated sibling statement', () => {
    const source = py(['try:', '    import a', 'except ImportError:', '    pass', 'import b']);
    expect(guardedByModule(source)).toEqual({ a: true, b: false });
  });
});

describe('extractImports: conditional imports', () => {
  test('imports under if TYPE_CHECKING are dropped, its else branch is kept', () => {
    const source = py([
      'from typing import TYPE_CHECKING',
      'if TYPE_CHECKING:',
      '    from svc.models import User',
      'else:',
      '    from svc.runtime import User',
    ]);
    expect(Object.keys(guardedByModule(source))).toEqual(['typing', 'svc.runtime']);
  });

  test('typing.TYPE_CHECKING is recognised too; elif branches are kept', () => {
    const source = py(['import typing', 'if typing.TYPE_CHECKING:', '    import only_types', 'elif DEBUG:', '    import debug_tools']);
    expect(Object.keys(guardedByModule(source))).toEqual(['typing', 'debug_tools']);
  });

  test('a condition that merely mentions TYPE_CHECKING is not the idiom', () => {
    const source = py(['if not TYPE_CHECKING:', '    import runtime_only']);
    expect(Object.keys(guardedByModule(source))).toEqual(['runtime_only']);
  });

  test('both branches of a sys.version_info check are optional', () => {
    const source = py(['import sys', 'if sys.version_info >= (3, 11):', '    import tomllib', 'else:', '    import tomli as tomllib']);
    expect(guardedByModule(source)).toEqual({ sys: false, tomllib: true, tomli: true });
  });
});

describe('extractImports: contextlib.suppress', () => {
  test('with suppress(ImportError) guards its body; other suppressions do not', () => {
    const source = py([
      'import contextlib',
      'with contextlib.suppress(ImportError):',
      '    import speedups',
      'with suppress(KeyError):',
      '    import required',
      'with open("x") as fh:',
      '    import also_required',
    ]);
    expect(guardedByModule(source)).toEqual({ contextlib: false, speedups: true, required: false, also_required: false });
  });
});
