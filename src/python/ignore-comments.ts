import type { SyntaxNode } from './syntax-node.js';

const IGNORE = /#\s*dockguard:\s*ignore(?:\[([^\]]*)\])?(?=\s|$)/;

/**
 * 0-based row → rules silenced by `# dockguard: ignore` or
 * `# dockguard: ignore[missing-copy, missing-package] -- reason` on that row
 * (an empty list silences every rule). Comments come from the tree, so the
 * text inside strings never counts.
 */
export function findIgnoreComments(root: SyntaxNode, source: string): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  if (!source.includes('dockguard')) return byRow;
  for (const comment of root.descendantsOfType('comment')) {
    const match = IGNORE.exec(comment.text);
    if (!match) continue;
    const rules = (match[1] ?? '')
      .split(',')
      .map((rule) => rule.trim())
      .filter(Boolean);
    byRow.set(comment.startPosition.row, rules);
  }
  return byRow;
}

/** The rules silenced on any row the statement spans (a parenthesised import puts its comment on a later row). */
export function rulesIgnoredOn(
  byRow: ReadonlyMap<number, string[]>,
  firstRow: number,
  lastRow: number,
): string[] | undefined {
  for (let row = firstRow; row <= lastRow; row++) {
    const rules = byRow.get(row);
    if (rules) return rules;
  }
  return undefined;
}
