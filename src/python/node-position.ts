import { parsePython, type Parser } from './parser.js';

/**
 * Start offset and row of a node without a native call. Every public getter
 * of tree-sitter's Node binding re-marshals the node and crosses into C++
 * (~1 µs); a module has hundreds of call sites, so reading them that way
 * costs more than the query that found them. The binding keeps the native
 * node's context on the JS object (fields 2–4: start byte of the UTF-16
 * input, start row, start column in bytes). That layout is internal, so it is
 * checked once per thread against the public getters and abandoned if it
 * ever disagrees.
 */
type RawNode = Parser.SyntaxNode & Record<number, unknown>;

let rawLayoutHolds: boolean | undefined;

function checkRawLayout(): boolean {
  const probe = parsePython('x = 1\nif y:\n    z(\u00e9, w)\n').rootNode.descendantsOfType('identifier');
  return (
    probe.length === 4 &&
    probe.every((node) => {
      const raw = node as RawNode;
      return raw[2] === node.startIndex * 2 && raw[3] === node.startPosition.row;
    })
  );
}

export function nodeStart(node: Parser.SyntaxNode): { offset: number; row: number } {
  rawLayoutHolds ??= checkRawLayout();
  if (rawLayoutHolds) {
    const raw = node as RawNode;
    return { offset: (raw[2] as number) / 2, row: raw[3] as number };
  }
  return { offset: node.startIndex, row: node.startPosition.row };
}
