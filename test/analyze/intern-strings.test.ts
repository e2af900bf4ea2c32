import { describe, expect, it } from 'vitest';
import { StringPool } from '../../src/analyze/intern-strings.js';
import { extractImports } from '../../src/python/extract-imports.js';

const SOURCE = [
  'import json',
  'from typing import Any, TYPE_CHECKING',
  'try:',
  '    from .fast import parse',
  'except ImportError:',
  '    from .slow import parse',
  'def load(client):',
  '    return client.query("select 1").to_dataframe()',
  '',
].join('\n');

describe('StringPool: one string per distinct name across parsed modules', () => {
  it('leaves every module as it was parsed', async () => {
    const pool = new StringPool();
    const first = extractImports(SOURCE);
    const second = extractImports(`${SOURCE}\nimport importlib\nimportlib.import_module("a.b")\n`);
    const expected = [structuredClone(first), structuredClone(second)];
    expect([pool.internModule(first), pool.internModule(second)]).toEqual(expected);
    expect(first.calls).toContain('to_dataframe');
  });
});
