import type { UnreachedDefinition } from '../types.js';
import type { SyntaxNode } from './syntax-node.js';

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'decorated_definition']);

interface Definition {
  name: string;
  /** Lines whose code runs only when the definition is used: a function's body, the methods of a class. */
  lines: Array<[number, number]>;
  /** Names of other definitions in the code that runs only when this one is used (a function's body, a whole class). */
  words: Set<string>;
}

/** A definition's place in the source: its name token, and where its body starts. */
interface Span {
  definition: Definition;
  start: number;
  nameStart: number;
  nameEnd: number;
  bodyStart: number;
  end: number;
  isClass: boolean;
}

const isAsciiWordChar = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
const ID_CONTINUE = /\p{ID_Continue}/u;
const isWordChar = (source: string, at: number): boolean => {
  const code = source.charCodeAt(at);
  return isAsciiWordChar(code) || (code > 127 && ID_CONTINUE.test(String.fromCodePoint(source.codePointAt(at) ?? code)));
};

/**
 * Where each definition's name appears as a word: in the code of another
 * definition's body (its `words`), or at module level. Only the definitions'
 * names matter, so each is looked up with indexOf rather than building the
 * set of every word of every body (the former cost of this pass).
 */
function recordNameUses(spans: readonly Span[], source: string, moduleWords: Set<string>): void {
  for (const { definition } of spans) {
    const name = definition.name;
    for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + name.length)) {
      if ((at > 0 && isWordChar(source, at - 1)) || (at + name.length < source.length && isWordChar(source, at + name.length))) continue;
      const owner = spans.find((span) => at >= span.start && at < span.end);
      if (!owner) moduleWords.add(name);
      else if (at >= owner.nameStart && at < owner.nameEnd) continue;
      else if (at < owner.bodyStart) moduleWords.add(name);
      else {
        owner.definition.words.add(name);
        // A class body runs at module level (its methods do not, but only make more reached).
        if (owner.isClass) moduleWords.add(name);
      }
    }
  }
}

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
export function findUnreachedDefinitions(root: SyntaxNode, source: string, importLines: readonly number[]): UnreachedDefinition[] | undefined {
  const definitions: Definition[] = [];
  const spans: Span[] = [];
  for (const node of root.namedChildren) {
    if (!DEFINITIONS.has(node.type) || node.type === 'decorated_definition') continue;
    const name = node.childForFieldName('name');
    const body = node.childForFieldName('body');
    if (!name || !body) continue;
    const isClass = node.type === 'class_definition';
    // The header (parameters, defaults, bases) runs when the definition does: module level. So does a
    // class body, methods aside; its words all count as module level, which only makes more reached.
    const definition: Definition = {
      name: name.text,
      lines: isClass ? methodLines(body) : [[node.startPosition.row + 2, node.endPosition.row + 1]],
      words: new Set(),
    };
    definitions.push(definition);
    spans.push({ definition, start: node.startIndex, nameStart: name.startIndex, nameEnd: name.endIndex, bodyStart: body.startIndex, end: node.endIndex, isClass });
  }
  const holding = definitions.filter((d) => importLines.some((line) => d.lines.some(([first, last]) => line >= first && line <= last)));
  if (holding.length === 0) return undefined;
  const lazy = holding.find((d) => d.name === '__getattr__');
  const lazyBranches = lazy ? readLazyBranches(root, source, lazy) : [];
  const moduleWords = new Set<string>();
  recordNameUses(spans, source, moduleWords);
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

function methodLines(body: SyntaxNode): Array<[number, number]> {
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
function readLazyBranches(root: SyntaxNode, source: string, lazy: Definition): UnreachedDefinition[] {
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
function readNameCondition(condition: SyntaxNode | null, parameter: string, root: SyntaxNode, source: string): string[] | undefined {
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
