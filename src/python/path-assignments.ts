import type { PathChange } from '../types.js';
import { pathEvaluator } from './path-changes.js';
import type { SyntaxNode } from './syntax-node.js';

/** `sys.path = …`, `sys.path += …`, `sys.path[…] = …`; a comparison (`==`) is no assignment. */
const ASSIGNED = /(?<![\w.])sys\.path\s*(?:\[[^\]\n]*\]\s*)?(?:\+=|=(?!=))/g;

/** What the right side of an assignment to sys.path holds, in order: paths, the old sys.path itself, or what cannot be read. */
type Part = { kind: 'item'; node: SyntaxNode } | { kind: 'sys' } | { kind: 'unknown' };

/**
 * The changes assignments to sys.path make, read like the calls:
 * `sys.path[0:0] = [p]` and `sys.path[:0] = […]` insert, `sys.path[0] = p`
 * puts p first, `sys.path = [p] + sys.path` inserts what comes before the
 * old list and appends what comes after, `sys.path += […]` appends. Any
 * other assignment (a replacement, a slice elsewhere, a computed list) is
 * a change with no path: failures it could explain become guesses.
 */
export function findPathAssignments(root: SyntaxNode, source: string): PathChange[] {
  const changes: PathChange[] = [];
  for (const match of source.matchAll(ASSIGNED)) {
    const assignment = enclosingAssignment(root.descendantForIndex(match.index), match.index);
    if (assignment) changes.push(...readAssignment(assignment, root));
  }
  return changes;
}

function enclosingAssignment(node: SyntaxNode | null, at: number): SyntaxNode | undefined {
  for (let current = node, depth = 0; current && depth < 6; current = current.parent, depth++) {
    if (current.type === 'assignment' || current.type === 'augmented_assignment') return current.childForFieldName('left')?.startIndex === at ? current : undefined;
  }
  return undefined;
}

function readAssignment(assignment: SyntaxNode, root: SyntaxNode): PathChange[] {
  const line = assignment.startPosition.row + 1;
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right') ?? undefined;
  const evaluate = pathEvaluator(root, assignment.startIndex);
  const unknown: PathChange[] = [{ line, op: 'insert', expr: null }];
  if (!left || !right) return unknown;
  const toChanges = (parts: Part[], op: PathChange['op']): PathChange[] =>
    parts.map((part) => ({ line, op, expr: part.kind === 'item' ? evaluate(part.node) : null }));
  if (assignment.type === 'augmented_assignment') {
    return assignment.childForFieldName('operator')?.text === '+=' && left.type !== 'subscript' ? toChanges(flatten(right), 'append') : unknown;
  }
  if (left.type === 'subscript') {
    const index = left.childForFieldName('subscript');
    // `sys.path[0] = p` replaces the script's folder with p: p is first either way.
    if (index?.type === 'integer' && index.text === '0') return [{ line, op: 'insert', expr: evaluate(right) }];
    const isFrontSlice = index?.type === 'slice' && /^0?:0$/.test(index.text.replace(/\s/g, ''));
    const parts = flatten(right);
    return isFrontSlice && parts.every((p) => p.kind !== 'sys') ? toChanges(parts, 'insert') : unknown;
  }
  const parts = flatten(right);
  const old = parts.findIndex((p) => p.kind === 'sys');
  // A list without the old sys.path replaces it: what stays importable is beyond reading.
  if (old === -1) return unknown;
  return [...toChanges(parts.slice(0, old), 'insert'), ...toChanges(parts.slice(old + 1).filter((p) => p.kind !== 'sys'), 'append')];
}

function flatten(node: SyntaxNode): Part[] {
  if (isSysPath(node)) return [{ kind: 'sys' }];
  if (node.type === 'parenthesized_expression' && node.firstNamedChild) return flatten(node.firstNamedChild);
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const [left, right] = [node.childForFieldName('left'), node.childForFieldName('right')];
    return left && right ? [...flatten(left), ...flatten(right)] : [{ kind: 'unknown' }];
  }
  if (node.type === 'list' || node.type === 'tuple') {
    return node.namedChildren
      .filter((n) => n.type !== 'comment')
      .map((item): Part => (item.type === 'list_splat' ? (item.firstNamedChild && isSysPath(item.firstNamedChild) ? { kind: 'sys' } : { kind: 'unknown' }) : { kind: 'item', node: item }));
  }
  return [{ kind: 'unknown' }];
}

function isSysPath(node: SyntaxNode): boolean {
  return node.type === 'attribute' && node.text.replace(/\s/g, '') === 'sys.path';
}
