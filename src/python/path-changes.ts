import type { PathChange, PathExpr } from '../types.js';
import type { SyntaxNode } from './syntax-node.js';
import { readStringLiteral } from './read-string-literal.js';

/**
 * `sys.path.insert(i, p)`, `sys.path.append(p)`, `sys.path.extend([p, …])`
 * (told apart from any other list's), and `site.addsitedir(p)`, which
 * appends `p` (and what the .pth files there name).
 */
export function isSysPathCall(source: string, openParen: number, called: string): boolean {
  if (called !== 'insert' && called !== 'append' && called !== 'extend' && called !== 'addsitedir') return false;
  let end = openParen;
  while (end > 0 && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  const heads = called === 'addsitedir' ? ['site.addsitedir', 'addsitedir'] : [`sys.path.${called}`];
  return heads.some((head) => source.startsWith(head, end - head.length) && !/[\w.]/.test(source[end - head.length - 1] ?? ''));
}

/** The changes a `sys.path` call makes, each path an expression to evaluate where the file lies in the image. */
export function readPathChanges(argumentList: SyntaxNode, called: string, root: SyntaxNode): PathChange[] {
  const line = argumentList.startPosition.row + 1;
  const args = argumentList.namedChildren.filter((n) => n.type !== 'comment');
  const evaluate = pathEvaluator(root, argumentList.startIndex);
  if (called === 'extend') {
    // A literal list or tuple adds its items in order; anything else adds what cannot be seen.
    const items = args[0]?.type === 'list' || args[0]?.type === 'tuple' ? args[0].namedChildren.filter((n) => n.type !== 'comment') : undefined;
    return items ? items.map((item) => ({ line, op: 'append', expr: evaluate(item) })) : [{ line, op: 'append', expr: null }];
  }
  const position = called === 'insert' ? readInteger(args[0]) : undefined;
  const argument = called === 'insert' ? args[1] : args[0];
  const op = called === 'insert' && (position === undefined || position >= 0) ? 'insert' : 'append';
  return [{ line, op, expr: evaluate(argument) }];
}

/** Evaluates path expressions as they stand at `before`, with the module-level names bound above it. */
export function pathEvaluator(root: SyntaxNode, before: number): (node: SyntaxNode | undefined) => PathChange['expr'] {
  const assignments = new Assignments(root, before);
  return (node) => (node ? (toPathExpr(node, assignments, 0) ?? null) : null);
}

function readInteger(node: SyntaxNode | undefined): number | undefined {
  if (node?.type === 'integer') return Number(node.text);
  if (node?.type === 'unary_operator' && node.text.replace(/\s/g, '') === '-1') return -1;
  return undefined;
}

/** Module-level `NAME = value` bindings before a position: `HERE = os.path.dirname(__file__)`. */
class Assignments {
  private index: Map<string, SyntaxNode> | undefined;

  constructor(
    private readonly root: SyntaxNode,
    private readonly before: number,
  ) {}

  get(name: string): SyntaxNode | undefined {
    if (!this.index) {
      this.index = new Map();
      for (const statement of this.root.namedChildren) {
        if (statement.startIndex >= this.before) break;
        const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
        if (assignment?.type !== 'assignment') continue;
        const left = assignment.childForFieldName('left');
        const right = assignment.childForFieldName('right');
        if (left?.type === 'identifier' && right) this.index.set(left.text, right);
      }
    }
    return this.index.get(name);
  }
}

/** Functions that return their path argument unchanged, as far as where it points in the image goes. */
const SAME_PATH = new Set(['abspath', 'realpath', 'normpath', 'str', 'fspath']);
const PATH_CLASSES = new Set(['Path', 'PurePath', 'PosixPath']);

/**
 * The path an expression computes, built from what dockguard can evaluate:
 * `__file__`, string literals, `os.getcwd()`, `os.path.dirname/join/abspath`,
 * `Path(...)`, `.parent`, `.parents[N]`, `.resolve()`, `/`, and names bound
 * at module level to such expressions. Anything else is undefined.
 */
function toPathExpr(node: SyntaxNode, assignments: Assignments, depth: number): PathExpr | undefined {
  if (depth > 12) return undefined;
  const next = (n: SyntaxNode | null | undefined): PathExpr | undefined => (n ? toPathExpr(n, assignments, depth + 1) : undefined);
  switch (node.type) {
    case 'parenthesized_expression':
      return next(node.firstNamedChild);
    case 'string': {
      const value = readStringLiteral(node.text);
      return value === undefined || value.includes('\\') ? undefined : ['lit', value];
    }
    case 'identifier':
      return node.text === '__file__' ? ['file'] : next(assignments.get(node.text));
    case 'attribute': {
      if (node.childForFieldName('attribute')?.text !== 'parent') return undefined;
      const of = next(node.childForFieldName('object'));
      return of && ['dir', of];
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const index = node.childForFieldName('subscript');
      if (value?.type !== 'attribute' || value.childForFieldName('attribute')?.text !== 'parents' || index?.type !== 'integer') return undefined;
      const of = next(value.childForFieldName('object'));
      return of && ['up', of, Number(index.text) + 1];
    }
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.text;
      const left = next(node.childForFieldName('left'));
      const right = next(node.childForFieldName('right'));
      if (!left || !right) return undefined;
      if (operator === '/') return ['join', [left, right]];
      // `os.path.dirname(__file__) + "/../lib"`: string concatenation that is a join.
      if (operator === '+' && right[0] === 'lit' && right[1].startsWith('/')) return ['join', [left, ['lit', right[1].slice(1)]]];
      return undefined;
    }
    case 'call':
      return toCallExpr(node, next);
    default:
      return undefined;
  }
}

function toCallExpr(node: SyntaxNode, next: (n: SyntaxNode | null | undefined) => PathExpr | undefined): PathExpr | undefined {
  const callee = node.childForFieldName('function');
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((n) => n.type !== 'comment');
  if (!callee || args.some((a) => a.type === 'keyword_argument' || a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  const name = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee.type === 'identifier' ? callee.text : undefined;
  // A method on a path (`Path(__file__).resolve()`, `.joinpath("lib")`) acts on its object.
  const receiver = callee.type === 'attribute' && /^(resolve|absolute|joinpath)$/.test(name ?? '') ? next(callee.childForFieldName('object')) : undefined;
  const parts = args.map(next);
  if (parts.some((p) => p === undefined)) return undefined;
  const values = parts as PathExpr[];
  if (name === 'getcwd' && values.length === 0) return ['cwd'];
  if (name === 'dirname' && values.length === 1) return ['dir', values[0]!];
  if (name === 'join' && values.length > 0) return ['join', values];
  if (name === 'joinpath' && receiver) return ['join', [receiver, ...values]];
  if ((name === 'resolve' || name === 'absolute') && receiver && values.length === 0) return receiver;
  if (name === undefined) return undefined;
  if (SAME_PATH.has(name) && values.length === 1) return values[0];
  if (PATH_CLASSES.has(name)) return values.length === 1 ? values[0] : values.length > 1 ? ['join', values] : ['cwd'];
  return undefined;
}
