import { getPythonQuery, type SyntaxNode } from './parser.js';
import type { Span } from './guards.js';

const ERROR_QUERY = '(ERROR) @error (MISSING) @missing';

export interface SyntaxErrorSite {
  line: number;
  column: number;
}

/**
 * Where tree-sitter had to recover: ERROR nodes (unexpected text) and MISSING
 * nodes (an expected token it invented), plus Python 2 `print`/`exec`
 * statements that the grammar accepts but Python 3 rejects. Nested sites are
 * folded into the outermost ERROR so one mistake is one site.
 * Lines and columns are 1-based; columns count UTF-16 code units.
 */
export function findSyntaxErrors(
  root: SyntaxNode,
  python2Statements: readonly SyntaxNode[],
): { sites: SyntaxErrorSite[]; errorSpans: Span[] } {
  const nodes = [...python2Statements];
  if (root.hasError) nodes.push(...getPythonQuery(ERROR_QUERY).captures(root).map((capture) => capture.node));
  const located = nodes
    .map((node) => ({ node, start: node.startIndex, end: node.endIndex }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const sites: SyntaxErrorSite[] = [];
  const errorSpans: Span[] = [];
  let coveredUntil = -1;
  let lastStart = -1;
  for (const { node, start, end } of located) {
    if (start < coveredUntil || start === lastStart) continue;
    lastStart = start;
    const { row, column } = node.startPosition;
    sites.push({ line: row + 1, column: column + 1 });
    if (node.type === 'ERROR') errorSpans.push({ start, end });
    // MISSING nodes are zero-width; only real spans hide what they contain.
    coveredUntil = Math.max(coveredUntil, end);
  }
  return { sites, errorSpans };
}
