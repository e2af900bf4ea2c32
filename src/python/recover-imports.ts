import type { Span } from './guards.js';
import { parseImportStatement, type ImportTarget } from './parse-import-statement.js';

const IMPORT_LINE = /^[ \t]*(?:import[ \t]|from[ \t.])[^\n]*/gm;

/**
 * Imports inside text tree-sitter could not parse. Recovery can swallow the
 * statements after a mistake (an unclosed bracket takes the rest of the
 * file) into one ERROR node, so its lines are read as single-line imports,
 * leaving out rows where the tree already found one.
 */
export function recoverImportsFromErrors(
  source: string,
  errorSpans: readonly Span[],
  known: ReadonlyArray<{ firstRow: number }>,
): Array<{ target: ImportTarget; offset: number; firstRow: number; lastRow: number }> {
  const recovered: Array<{ target: ImportTarget; offset: number; firstRow: number; lastRow: number }> = [];
  if (errorSpans.length === 0) return recovered;
  const knownRows = new Set(known.map((item) => item.firstRow));
  for (const span of errorSpans) {
    const text = source.slice(span.start, span.end);
    const startRow = countNewlines(source, 0, span.start);
    for (const match of text.matchAll(IMPORT_LINE)) {
      const offset = span.start + match.index;
      const row = startRow + countNewlines(text, 0, match.index);
      if (knownRows.has(row)) continue;
      for (const target of parseImportStatement(match[0])) {
        if (target.module !== '__future__') recovered.push({ target, offset, firstRow: row, lastRow: row });
      }
    }
  }
  return recovered;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
