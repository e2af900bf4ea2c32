import type { UnreachedDefinition } from '../types.js';
import type { Parser } from './parser.js';

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);
const WORD = /[\p{ID_Start}_][\p{ID_Continue}]*/gu;

interface Definition {
  name: string;
  /** Lines whose code runs only when the definition is used: a function's body, the methods of a class. */
  lines: Array<[number, number]>;
  /** Words of the code that runs only when the definition is used (a function's body, a whole class). */
  words: Set<string>;
}

const wordsOf = (text: string): Set<string> => new Set(text.match(WORD) ?? []);

/**
 * Top-level functions and classes holding an import that nothing in their
 * own module reaches, for the closure to check against the other modules
 * (issue: code that cannot run). Conservative on purpose: a name counts as
 * used wherever its word appears at module level, in strings, comments,
 * `__all__`, decorators, default values or a reached definition; a
 * decorated definition is always reached (decorators register it), and a
 * class is one unit with all its methods. `via` lists the unreached
 * definitions through which the module's own code could still call it:
 * if another module uses any of them, it runs.
 */
export function findUnreachedDefinitions(root: Parser.SyntaxNode, source: string, importLines: readonly number[]): UnreachedDefinition[] | undefined {
  const definitions: Definition[] = [];
  let moduleText = '';
  let from = 0;
  for (const node of root.namedChildren) {
    if (!DEFINITIONS.has(node.type) || node.type === 'decorated_definition') continue;
    const name = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    if (!name || !body) continue;
    const isClass = node.type === 'class_definition';
    // The header (parameters, defaults, bases) runs when the definition does: module level. So does a
    // class body, methods aside; its words all count as module level, which only makes more reached.
    moduleText += source.slice(from, name.startIndex) + source.slice(name.endIndex, isClass ? node.endIndex : body.startIndex);
    from = node.endIndex;
    definitions.push({
      name: name.text,
      lines: isClass ? methodLines(body) : [[node.startPosition.row + 2, node.endPosition.row + 1]],
      words: wordsOf(source.slice(body.startIndex, node.endIndex)),
    });
  }
  const holding = definitions.filter((d) => importLines.some((line) => d.lines.some(([first, last]) => line >= first && line <= last)));
  if (holding.length === 0) return undefined;
  const lazy = holding.find((d) => d.name === '__getattr__');
  const lazyBranches = lazy ? readLazyBranches(root, source, lazy) : [];
  const moduleWords = wordsOf(moduleText + source.slice(from));
  const reached = new Set<Definition>();
  const queue = definitions.filter((d) => moduleWords.has(d.name));
  for (let d = queue.pop(); d !== undefined; d = queue.pop()) {
    if (reached.has(d)) continue;
    reached.add(d);
    for (const other of definitions) if (!reached.has(other) && d.words.has(other.name)) queue.push(other);
  }
  const unreached = definitions.filter((d) => !reached.has(d));
  return [
    ...lazyBranches,
    ...holding.filter((d) => !reached.has(d) && d !== lazy).map((d) => ({ name: d.name, lines: d.lines, via: callersOf(d, unreached) })),
  ];
}

function methodLines(body: Parser.SyntaxNode): Array<[number, number]> {
  return body.namedChildren
    .filter((n) => n.type === 'function_definition' || n.type === 'decorated_definition')
    .map((n) => [n.startPosition.row + 2, n.endPosition.row + 1]);
}

/** The definition and every unreached definition whose code leads to it. */
function callersOf(target: Definition, unreached: readonly Definition[]): string[] {
  const via = new Set<Definition>([target]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of unreached) {
      if (via.has(d)) continue;
      if ([...via].some((v) => d.words.has(v.name))) {
        via.add(d);
        grew = true;
      }
    }
  }
  return [...via].map((d) => d.name).sort();
}

/**
 * A module-level `def __getattr__(name)` (PEP 562) runs only for a name the
 * module does not bind, and each `if name == "X"` / `if name in (...)`
 * branch only for its names: one entry per branch, whose `via` are those
 * names, then one for the whole body with no names (what no branch explains:
 * followed, but only as a guess).
 */
function readLazyBranches(root: Parser.SyntaxNode, source: string, lazy: Definition): UnreachedDefinition[] {
  const node = root.namedChildren.find((n) => n.type === 'function_definition' && n.childForFieldName('name')?.text === '__getattr__');
  const parameter = node?.childForFieldName('parameters')?.namedChildren[0]?.text.split(/[:=]/)[0]?.trim();
  const body = node?.childForFieldName('body');
  if (!node || !body || !parameter) return [];
  const branches: UnreachedDefinition[] = [];
  for (const statement of body.namedChildren) {
    if (statement.type !== 'if_statement') continue;
    const clauses = [statement, ...statement.namedChildren.filter((c) => c.type === 'elif_clause')];
    for (const clause of clauses) {
      const names = readNameCondition(clause.childForFieldName('condition'), parameter, root, source);
      const block = clause.childForFieldName('consequence');
      if (names && block) branches.push({ name: '__getattr__', lines: [[block.startPosition.row + 1, block.endPosition.row + 1]], via: names });
    }
  }
  return [...branches, { name: '__getattr__', lines: lazy.lines, via: [] }];
}

const STRING = /(['"])([\p{ID_Start}_][\p{ID_Continue}]*)\1/gu;

/** The names `name == "X"`, `name in ("A", "B")` or `name in _LAZY` (a module-level literal) select; undefined otherwise. */
function readNameCondition(condition: Parser.SyntaxNode | null, parameter: string, root: Parser.SyntaxNode, source: string): string[] | undefined {
  if (!condition) return undefined;
  const text = condition.text.replace(/\s+/g, ' ').trim();
  const p = parameter.replace(/[^\w]/g, '');
  const equal = new RegExp(`^(?:${p} == (['"])(\\w+)\\1|(['"])(\\w+)\\3 == ${p})$`).exec(text);
  if (equal) return [equal[2] ?? equal[4]!];
  const member = new RegExp(`^${p} in (.+)$`).exec(text);
  if (!member) return undefined;
  let collection = member[1]!;
  if (/^[A-Za-z_]\w*$/.test(collection)) {
    const assignment = root.namedChildren.find((n) => n.type === 'expression_statement' && new RegExp(`^${collection}\\s*(?::[^=]*)?=`).test(n.text));
    collection = assignment ? source.slice(assignment.startIndex, assignment.endIndex).replace(/^[^=]*=/, '') : '';
  }
  if (!/^\s*[[({]/.test(collection)) return undefined;
  const names = [...collection.matchAll(STRING)].map((m) => m[2]!);
  return names.length > 0 ? names : undefined;
}
