import { describe, expect, test } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';
import { describeMinors } from '../../src/python/evaluate-condition.js';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const guardedByModule = (source: string) =>
  Object.fromEntries(extractImports(source).imports.map((ref) => [ref.module, ref.guarded]));

const versionsByModule = (source: string) =>
  Object.fromEntries(extractImports(source).imports.map((ref) => [ref.module, ref.pythonVersions && describeMinors(ref.pythonVersions.runs)]));

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

  test('each branch of a sys.version_info check runs on the versions it names, decided later against the image (no guard of its own)', () => {
    const source = py(['import sys', 'if sys.version_info >= (3, 11):', '    import tomllib', 'else:', '    import tomli as tomllib']);
    expect(guardedByModule(source)).toEqual({ sys: false, tomllib: false, tomli: false });
    expect(versionsByModule(source)).toEqual({ sys: undefined, tomllib: 'Python 3.11 and newer', tomli: 'Python 3.10 and older' });
    expect(extractImports(source).imports[2]!.pythonVersions!.condition).toBe('the else of `if sys.version_info >= (3, 11)`');
  });

  test.each([
    ['sys.version_info[:2] < (3, 8)', 'Python 3.7 and older'],
    ['sys.version_info.major == 2', 'Python 2'],
    ['sys.version_info[0] >= 3', 'Python 3.0 and newer'],
    ['(3, 9) <= sys.version_info', 'Python 3.9 and newer'],
    // version_info is a 5-tuple: (3, 11, 0, "final", 0) > (3, 11)
    ['sys.version_info > (3, 11)', 'Python 3.11 and newer'],
    ['six.PY2', 'Python 2'],
  ])('%s runs on %s', (condition, versions) => {
    expect(versionsByModule(py([`if ${condition}:`, '    import shim']))).toEqual({ shim: versions });
  });

  test('a micro version leaves its own minor undecided', () => {
    const ref = extractImports(py(['if sys.version_info >= (3, 11, 2):', '    import shim'])).imports[0]!;
    expect(describeMinors(ref.pythonVersions!.runs)).toBe('Python 3.12 and newer');
    expect(describeMinors(ref.pythonVersions!.skips)).toBe('Python 3.10 and older');
  });

  test.each([
    'sys.platform == "win32"',
    'sys.platform.startswith("win")',
    'sys.platform in ("win32", "cygwin")',
    'os.name == "nt"',
    'platform.system() == "Windows"',
    'platform.system().lower() == "darwin"',
    '"win" in sys.platform',
    'sys.platform == "linux" and os.name == "nt"',
    'False',
    '0',
    'TYPE_CHECKING and True',
    'sys.platform == "win32" and os.environ.get("USE_COM")',
  ])('if %s: never runs in a Linux container, its else always does', (condition) => {
    const source = py([`if ${condition}:`, '    import windows_only', 'else:', '    import posix_only']);
    expect(guardedByModule(source)).toEqual({ posix_only: false });
  });

  test.each(['sys.platform != "win32"', 'not sys.platform.startswith("win")', 'os.name == "posix"', 'platform.system() == "Linux"', 'sys.platform.startswith(("linux", "freebsd"))'])(
    'if %s: always runs in a Linux container',
    (condition) => {
      expect(guardedByModule(py([`if ${condition}:`, '    import posix_only', 'else:', '    import windows_only']))).toEqual({ posix_only: false });
    },
  );

  test('elif branches are judged in order; a module-level name of a platform test is judged where it is tested', () => {
    const source = py([
      'IS_WINDOWS = sys.platform == "win32"',
      'if IS_WINDOWS:',
      '    import win32api',
      'elif sys.platform == "darwin":',
      '    import AppKit',
      'elif os.environ.get("INOTIFY"):',
      '    import inotify_simple',
      'else:',
      '    import select',
    ]);
    const refs = extractImports(source).imports;
    expect(refs.map((r) => [r.module, r.guarded, r.guardKind])).toEqual([
      ['inotify_simple', true, 'condition'],
      ['select', true, 'condition'],
    ]);
  });

  test('a platform test mixed with an unknown keeps today’s reading', () => {
    const source = py(['if sys.platform != "win32" and HAVE_EPOLL:', '    import epoll_helpers', 'if sys.platform != "win32" and os.getenv("X"):', '    import from_env']);
    expect(extractImports(source).imports.map((r) => [r.module, r.guarded, r.guardKind])).toEqual([
      ['epoll_helpers', false, undefined],
      ['from_env', true, 'condition'],
    ]);
  });

  test('a name assigned a find_spec test guards like find_spec itself', () => {
    const source = py(['import importlib.util', 'HAS_RICH = importlib.util.find_spec("rich") is not None', 'if HAS_RICH:', '    from rich import print']);
    expect(guardedByModule(source)).toEqual({ 'importlib.util': false, rich: true });
  });

  test('a module-level alias of the version is a version test too, through aliases of aliases (vendored bottle.py); a plain flag is no test', () => {
    const source = py([
      'import sys',
      'py = sys.version_info',
      'py3k = py >= (3, 0, 0)',
      'if py3k:',
      '    import http.client as httplib',
      'else:',
      '    import httplib',
      'if py >= (3, 3, 0):',
      '    from types import ModuleType as new_module',
      'else:',
      '    from imp import new_module',
      'copy_mode = True',
      'if copy_mode:',
      '    import shutil',
    ]);
    expect(versionsByModule(source)).toEqual({
      sys: undefined,
      // (3, 0, 0) leaves 3.0 to its micro version; so does (3, 3, 0) for 3.3.
      'http.client': 'Python 3.1 and newer',
      httplib: 'Python 2',
      // (3, 3, 0) leaves 3.3 itself to its micro version.
      types: 'Python 3.4 and newer',
      imp: 'Python 3.2 and older',
      shutil: undefined,
    });
    expect(guardedByModule(source).shutil).toBe(false);
  });
});

describe('extractImports: conditions on the deployment’s settings', () => {
  test('an import under a test of the environment or of settings is decided at run time; other conditions are not guards', () => {
    const source = py([
      'import os',
      'if config.server_method.startswith("gevent"):',
      '    import gevent.monkey',
      'if os.environ.get("SENTRY_DSN"):',
      '    import sentry_sdk',
      'if settings.USE_S3:',
      '    import boto3',
      'if DEBUG:',
      '    import pdb',
      'if request.args.get("x"):',
      '    import json',
    ]);
    expect(guardOf(source)).toEqual({ os: 'none', 'gevent.monkey': 'condition', sentry_sdk: 'condition', boto3: 'condition', pdb: 'none', json: 'none' });
  });
});

describe('extractImports: interchangeable backends', () => {
  test('a method every backend of one base defines imports only when the program picks that backend', () => {
    const source = py([
      'class ServerAdapter(object):',
      '    def run(self, handler):',
      '        pass',
      'class WaitressServer(ServerAdapter):',
      '    def run(self, handler):',
      '        from waitress import serve',
      '        serve(handler)',
      'class GeventServer(ServerAdapter):',
      '    def run(self, handler):',
      '        from gevent import pywsgi',
      '        pywsgi.WSGIServer(handler).serve_forever()',
      'class Report(Base):',
      '    def render(self):',
      '        import jinja2',
      'server_names = {"waitress": WaitressServer, "gevent": GeventServer}',
    ]);
    expect(guardOf(source)).toEqual({ waitress: 'condition', gevent: 'condition', jinja2: 'none' });
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

const guardOf = (source: string) =>
  Object.fromEntries(
    extractImports(source).imports.map((ref) => [ref.module, ref.guarded ? (ref.guardKind ?? 'import-error') : 'none']),
  );

describe('extractImports: guard kinds', () => {
  test('ImportError handlers make an import optional; Exception and bare handlers are error handling', () => {
    expect(guardOf(tryImport('except (ValueError, ImportError)'))).toEqual({ fast_json: 'import-error' });
    expect(guardOf(tryImport('except ModuleNotFoundError as exc'))).toEqual({ fast_json: 'import-error' });
    expect(guardOf(tryImport('except Exception'))).toEqual({ fast_json: 'broad' });
    expect(guardOf(tryImport('except'))).toEqual({ fast_json: 'broad' });
  });

  test('the first handler that catches decides: except Exception before except ImportError is broad', () => {
    const source = py(['try:', '    import a', 'except Exception:', '    pass', 'except ImportError:', '    pass']);
    expect(guardOf(source)).toEqual({ a: 'broad' });
  });

  test('an ImportError handler around a broad one makes the import optional', () => {
    const source = py(['try:', '    try:', '        import a', '    except Exception:', '        raise', 'except ImportError:', '    pass']);
    expect(guardOf(source)).toEqual({ a: 'import-error' });
  });

  test('a file-existence check is a run-time condition; find_spec is an optional import; a query .exists() is neither', () => {
    const source = py([
      'import os',
      'if os.path.exists("hc/local_settings.py"):',
      '    from hc import local_settings',
      'if (BASE_DIR / "overrides.py").is_file():',
      '    import overrides',
      'if importlib.util.find_spec("sentry_sdk") is not None:',
      '    import sentry_sdk',
      'if Order.objects.filter(paid=True).exists():',
      '    import billing',
    ]);
    expect(guardOf(source)).toEqual({ os: 'none', hc: 'condition', overrides: 'condition', sentry_sdk: 'import-error', billing: 'none' });
  });

  test('with suppress(Exception) is broad', () => {
    expect(guardOf(py(['with suppress(Exception):', '    import a']))).toEqual({ a: 'broad' });
  });
});

describe('extractImports: except ImportError fallbacks', () => {
  const fallbacks = (source: string) =>
    extractImports(source).imports.map((ref) => [ref.module, ref.fallbackFor ?? null]);

  test('handler imports point at the try body imports whose failure runs them', () => {
    const source = py([
      'try:',
      '    from .parsers import Parser',
      '    from .parsers.fast import speedup',
      'except ImportError:',
      '    from parsers import Parser',
      '    speedup = None',
      'import after',
    ]);
    expect(fallbacks(source)).toEqual([
      ['parsers', null],
      ['parsers.fast', null],
      ['parsers', [[0, 1]]],
      ['after', null],
    ]);
  });

  test('nested handlers run only when every enclosing body failed; a tuple handler counts', () => {
    const source = py([
      'try:',
      '    import orjson as json',
      'except (ImportError, AttributeError):',
      '    try:',
      '        import ujson as json',
      '    except ImportError:',
      '        import json',
    ]);
    expect(fallbacks(source)).toEqual([
      ['orjson', null],
      ['ujson', [[0]]],
      ['json', [[0], [1]]],
    ]);
  });

  test('an import whose failure a nested handler catches cannot make the enclosing body fail (pypiserver config.py)', () => {
    const source = py([
      'try:',
      '    try:',
      '        from importlib_resources import files',
      '    except ImportError:',
      '        from importlib.resources import files',
      'except ImportError:',
      '    import pkg_resources',
    ]);
    expect(fallbacks(source)).toEqual([
      ['importlib_resources', null],
      ['importlib.resources', [[0]]],
      ['pkg_resources', [[1]]],
    ]);
  });

  test('a broad handler is a fallback only when its body holds nothing but imports', () => {
    const onlyImports = py(['try:', '    import simplejson as json', 'except:', '    import json']);
    expect(fallbacks(onlyImports)).toEqual([['simplejson', null], ['json', [[0]]]]);
    const more = py(['try:', '    import requests', '    requests.get(URL)', 'except Exception:', '    from .offline import cached']);
    expect(fallbacks(more)).toEqual([['requests', null], ['offline', null]]);
  });
});
