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
  const moduleWords = wordsOf(moduleText + source.slice(from));
  const reached = new Set<Definition>();
  const queue = definitions.filter((d) => moduleWords.has(d.name));
  for (let d = queue.pop(); d !== undefined; d = queue.pop()) {
    if (reached.has(d)) continue;
    reached.add(d);
    for (const other of definitions) if (!reached.has(other) && d.words.has(other.name)) queue.push(other);
  }
  const unreached = definitions.filter((d) => !reached.has(d));
  return holding
    .filter((d) => !reached.has(d))
    .map((d) => ({ name: d.name, lines: d.lines, via: callersOf(d, unreached) }));
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
