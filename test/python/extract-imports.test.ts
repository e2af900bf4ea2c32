import { describe, expect, test } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const modules = (source: string) => extractImports(source).imports.map((ref) => ref.module);
const importOf = (source: string, module: string) => extractImports(source).imports.find((ref) => ref.module === module);

describe('extractImports: statements', () => {
  test('import with dotted names and aliases', () => {
    expect(extractImports('import a.b as c, d\n').imports).toEqual([
      { module: 'a.b', level: 0, names: [], line: 1, guarded: false, dynamic: false },
      { module: 'd', level: 0, names: [], line: 1, guarded: false, dynamic: false },
    ]);
  });

  test('from-import keeps the imported names, not the aliases', () => {
    const [ref] = extractImports('from a.b import c, d as e\n').imports;
    expect(ref).toMatchObject({ module: 'a.b', level: 0, names: ['c', 'd'] });
  });

  test('relative imports count their dots', () => {
    const refs = extractImports(py(['from . import x', 'from ..pkg import y', 'from .import z', 'from ... a.b import c'])).imports;
    expect(refs.map(({ module, level, names }) => ({ module, level, names }))).toEqual([
      { module: '', level: 1, names: ['x'] },
      { module: 'pkg', level: 2, names: ['y'] },
      { module: '', level: 1, names: ['z'] },
      { module: 'a.b', level: 3, names: ['c'] },
    ]);
  });

  test('star import', () => {
    expect(importOf('from pkg.models import *\n', 'pkg.models')?.names).toEqual(['*']);
  });

  test('parenthesised import over several lines, with comments and trailing comma', () => {
    const source = py(['', 'from svc.handlers import (', '    create,  # POST', '    delete as remove,', ')']);
    expect(extractImports(source).imports).toEqual([
      { module: 'svc.handlers', level: 0, names: ['create', 'delete'], line: 2, guarded: false, dynamic: false },
    ]);
  });

  test('backslash continuation', () => {
    expect(importOf('from a import b, \\\n    c\n', 'a')?.names).toEqual(['b', 'c']);
  });

  test('from __future__ is not an import of a module', () => {
    expect(modules(py(['from __future__ import annotations', 'import os']))).toEqual(['os']);
  });

  test('imports nested in functions, methods, classes, branches, with and loops', () => {
    const source = py([
      'def f():',
      '    import in_function',
      'class C:',
      '    import in_class',
      '    def m(self):',
      '        from in_method import x',
      'if flag:',
      '    import in_if',
      'else:',
      '    import in_else',
      'with lock:',
      '    import in_with',
      'for _ in range(3):',
      '    import in_for',
      'while True:',
      '    import in_while',
      'async def g():',
      '    import in_async',
    ]);
    expect(modules(source)).toEqual([
      'in_function', 'in_class', 'in_method', 'in_if', 'in_else', 'in_with', 'in_for', 'in_while', 'in_async',
    ]);
  });

  test('lines are 1-based and in source order', () => {
    const refs = extractImports(py(['"""Doc."""', 'import b', '', 'import a'])).imports;
    expect(refs.map((ref) => [ref.module, ref.line])).toEqual([['b', 2], ['a', 4]]);
  });

  test('non-ASCII text before an import does not shift it', () => {
    expect(importOf('x = "é€😀"; import after\n', 'after')?.line).toBe(1);
  });

  test('import-like text in strings and comments is not an import', () => {
    expect(modules(py(['"""', 'import not_real', '"""', '# import also_not_real', 'x = "from a import b"']))).toEqual([]);
  });
});
