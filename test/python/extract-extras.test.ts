import { describe, expect, test } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;

describe('extractImports: syntax errors', () => {
  test('a clean module has none', () => {
    expect(extractImports(py(['import os', 'def f(x):', '    return x'])).syntaxErrors).toEqual([]);
  });

  test('an error in the middle is located and imports after it are still found', () => {
    const source = py(['import before', 'def broken(:', '    pass', 'import after']);
    const parsed = extractImports(source);
    expect(parsed.syntaxErrors).toEqual([{ line: 2, column: 12 }]);
    expect(parsed.imports.map((ref) => [ref.module, ref.line])).toEqual([['before', 1], ['after', 4]]);
  });

  test('an unclosed bracket swallowing the rest of the file still yields the imports in it', () => {
    const source = py(['import before', 'ITEMS = [1, 2', 'import after', 'from svc.core import run', 'run()']);
    const parsed = extractImports(source);
    expect(parsed.syntaxErrors.map((site) => site.line)).toEqual([2]);
    expect(parsed.imports.map((ref) => [ref.module, ref.line])).toEqual([['before', 1], ['after', 3], ['svc.core', 4]]);
  });

  test('Python 2 print and exec statements are syntax errors for Python 3', () => {
    const parsed = extractImports(py(['import os', 'print "hello"', 'print("fine")']));
    expect(parsed.syntaxErrors).toEqual([{ line: 2, column: 1 }]);
  });
});

describe('extractImports: ignore comments', () => {
  test('bare ignore silences every rule; a list names rules; a reason may follow', () => {
    const source = py([
      'import a  # dockguard: ignore',
      'import b  # dockguard: ignore[missing-copy, missing-package] -- vendored at build time',
      'import c  # noqa: F401',
      'import d  # dockguard:ignore[missing-copy]',
    ]);
    const ignored = extractImports(source).imports.map((ref) => ref.ignoredRules);
    expect(ignored).toEqual([[], ['missing-copy', 'missing-package'], undefined, ['missing-copy']]);
  });

  test('the comment may sit on any line of a parenthesised import', () => {
    const source = py(['from svc.legacy import (', '    a,', ')  # dockguard: ignore[missing-copy]', 'import other']);
    const refs = extractImports(source).imports;
    expect(refs.map((ref) => ref.ignoredRules)).toEqual([['missing-copy'], undefined]);
  });

  test('the marker inside a string is not a comment', () => {
    expect(extractImports('import a; x = "# dockguard: ignore"\n').imports[0]?.ignoredRules).toBeUndefined();
  });
});

describe('extractImports: calls and strings for usage rules', () => {
  test('plain and attribute calls are listed once each, a call through an import by what the import binds', () => {
    const source = py([
      'import pandas as pd',
      'df = pd.read_parquet(path)',
      'rows = client.query(sql).to_dataframe()',
      'again = pd.read_parquet(other)',
      'print(len(rows))',
    ]);
    expect(extractImports(source).calls.sort()).toEqual(['len', 'pandas.read_parquet', 'print', 'query', 'to_dataframe']);
  });

  test('URLs and Django ENGINE values are kept; other strings and long ones are not', () => {
    const source = py([
      'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}',
      'CACHE = "redis://cache:6379/0"',
      'DSN = f"postgresql+psycopg://{user}@{host}/app"',
      'NAME = "orders"',
      `DOC = "see https://example.com ${'x'.repeat(200)}"`,
      'AGAIN = "redis://cache:6379/0"',
    ]);
    expect(extractImports(source).strings).toEqual([
      'django.db.backends.postgresql',
      'redis://cache:6379/0',
      'postgresql+psycopg://{user}@{host}/app',
    ]);
  });
});

describe('extractImports: call names read from the text', () => {
  test('calls with a bare generator, decorators and chained calls are named; subscripts and class bases are not', () => {
    const source = py([
      '@app.route("/orders")',
      'class OrderView(BaseView):',
      '    def get(self):',
      '        ok = any(x for x in self.items)',
      '        return handlers[0](request)',
      '    gen = (y for y in range(3))',
      '    return (yield)',
    ]);
    expect(extractImports(source).calls.sort()).toEqual(['any', 'range', 'route']);
  });

  test('a URL in a comment is not a string', () => {
    expect(extractImports('# see https://example.com\nx = 1\n').strings).toEqual([]);
  });
});
