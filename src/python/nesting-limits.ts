import type { SyntaxErrorSite } from './syntax-errors.js';

/**
 * CPython's tokenizer limits (Parser/tokenizer.h, checked against CPython
 * 3.8–3.13): 200 nested brackets (the 201st raises "too many nested
 * parentheses") and 100 indentation levels (the 100th raises "too many
 * levels of indentation"). tree-sitter has neither, so the file parses here
 * and raises SyntaxError when the container imports it.
 */
const MAX_BRACKETS = 200;
const MAX_INDENT_LEVELS = 100;
const TAB_SIZE = 8;

export type LimitSite = SyntaxErrorSite & { message: string };

/**
 * The first place a module passes one of those limits, read with a small
 * tokenizer (comments, strings with their escapes and triple quotes, line
 * continuations, brackets that suspend indentation).
 */
export function findNestingLimit(source: string): LimitSite | undefined {
  // Every indentation level takes at least one character, so deep indentation needs a long run of blanks.
  const checkIndent = /(?:^|\n)[ \t\f]{99}/.test(source);
  // Nesting 201 brackets takes 201 opening ones: most modules have far fewer, and need no tokenizing at all.
  if (!checkIndent && countOpeningBrackets(source) <= MAX_BRACKETS) return undefined;
  const indents = [0];
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  const at = (i: number, message: string): LimitSite => ({ line, column: i - lineStart + 1, message });
  for (let i = 0; i < source.length; i++) {
    if (atLineStart && checkIndent) {
      atLineStart = false;
      const { column, end } = measureIndent(source, i);
      const next = source[end];
      if (next !== undefined && next !== '\n' && next !== '\r' && next !== '#') {
        if (column > indents[indents.length - 1]!) {
          indents.push(column);
          if (indents.length - 1 >= MAX_INDENT_LEVELS) return at(end, `too many levels of indentation (CPython allows ${MAX_INDENT_LEVELS - 1})`);
        } else while (indents.length > 1 && column < indents[indents.length - 1]!) indents.pop();
      }
      i = end - 1;
      continue;
    }
    atLineStart = false;
    const c = source[i];
    if (c === '#') {
      const eol = source.indexOf('\n', i);
      i = (eol === -1 ? source.length : eol) - 1;
    } else if (c === '"' || c === "'") {
      const end = skipString(source, i);
      for (let j = source.indexOf('\n', i); j !== -1 && j < end; j = source.indexOf('\n', j + 1)) {
        line++;
        lineStart = j + 1;
      }
      i = end - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_BRACKETS) return at(i, `too many nested parentheses (CPython allows ${MAX_BRACKETS})`);
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth > 0) depth--;
    } else if (c === '\\' && (source[i + 1] === '\n' || (source[i + 1] === '\r' && source[i + 2] === '\n'))) {
      i = source.indexOf('\n', i);
      line++;
      lineStart = i + 1;
    } else if (c === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = depth === 0;
    }
  }
  return undefined;
}

function measureIndent(source: string, start: number): { column: number; end: number } {
  let column = 0;
  let i = start;
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === ' ') column++;
    else if (c === '\t') column = (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE;
    else if (c === '\f') column = 0;
    else break;
  }
  return { column, end: i };
}

/** The offset just past the string literal whose opening quote is at `start` (or the end of an unterminated one). */
function skipString(source: string, start: number): number {
  const quote = source[start]!;
  const triple = source.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  for (let i = start + close.length; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (!triple && c === '\n') return i;
    else if (c === quote && source.startsWith(close, i)) return i + close.length;
  }
  return source.length;
}

function countOpeningBrackets(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) count++;
  }
  return count;
}
