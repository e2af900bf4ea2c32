import { describe, expect, it } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';
import { findNestingLimit } from '../../src/python/nesting-limits.js';

/** `k` nested `if` blocks: the innermost statement sits at indentation level k. */
const nestedBlocks = (k: number, indent = ' '): string =>
  `${Array.from({ length: k }, (_, i) => `${indent.repeat(i)}if x:`).join('\n')}\n${indent.repeat(k)}pass\n`;
const nestedParens = (n: number): string => `import json\nx = ${'('.repeat(n)}1${')'.repeat(n)}\n`;

// The boundaries were checked with CPython 3.11, 3.12 and 3.13: compile() accepts 200 nested
// parentheses and 99 indentation levels, and raises SyntaxError at 201 and 100.
describe('findNestingLimit', () => {
  it('accepts what CPython accepts', () => {
    expect(findNestingLimit(nestedParens(200))).toBeUndefined();
    expect(findNestingLimit(nestedBlocks(99))).toBeUndefined();
    expect(findNestingLimit(nestedBlocks(99, '\t'))).toBeUndefined();
  });

  it('finds the 201st nested bracket and the 100th indentation level', () => {
    expect(findNestingLimit(nestedParens(201))).toEqual({ line: 2, column: 205, message: 'too many nested parentheses (CPython allows 200)' });
    expect(findNestingLimit(nestedBlocks(100))).toEqual({ line: 101, column: 101, message: 'too many levels of indentation (CPython allows 99)' });
  });

  it('does not count brackets in strings and comments, nor indentation inside brackets or continued lines', () => {
    const inStrings = `s = "${'('.repeat(300)}"\nt = '''\n${'['.repeat(300)}\n'''\n# ${'{'.repeat(300)}\n`;
    expect(findNestingLimit(inStrings)).toBeUndefined();
    const insideBrackets = `x = [\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}${i},`).join('\n')}\n]\n`;
    expect(findNestingLimit(insideBrackets)).toBeUndefined();
  });

  it('is reported as a syntax error of the module, after the imports that precede it', () => {
    const parsed = extractImports(nestedParens(250));
    expect(parsed.imports.map((ref) => ref.module)).toEqual(['json']);
    expect(parsed.syntaxErrors).toEqual([{ line: 2, column: 205, message: 'too many nested parentheses (CPython allows 200)' }]);
  });
});
