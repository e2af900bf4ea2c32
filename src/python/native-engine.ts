import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import type { PythonEngine, SyntaxNode, SyntaxQuery } from './syntax-node.js';

const require = createRequire(import.meta.url);

/**
 * The native tree-sitter binding: the fast path. Loading throws when the
 * package is missing (an optional dependency whose build failed is removed)
 * or its binary does not load (the prebuilt one needs a newer libstdc++ than
 * Debian 12 has, and no compiler was there to build another).
 */
export function loadNativeEngine(): PythonEngine {
  const ParserClass = require('tree-sitter') as typeof Parser;
  const python = require('tree-sitter-python') as Parser.Language;
  // A parser and compiled queries cost far more than parsing a typical module; one of each per thread.
  const parser = new ParserClass();
  parser.setLanguage(python);
  const queries = new Map<string, SyntaxQuery>();
  let rawLayoutHolds: boolean | undefined;
  const engine: PythonEngine = {
    name: 'native',
    // tree-sitter 0.25's Node binding has no `delete`: the tree's native memory goes when the
    // garbage collector finalizes it, so callers looping over many files must yield now and then.
    withTree: (source, read) => read(parser.parse(source).rootNode as unknown as SyntaxNode),
    query(source) {
      let query = queries.get(source);
      if (!query) {
        query = new ParserClass.Query(python, source) as unknown as SyntaxQuery;
        queries.set(source, query);
      }
      return query;
    },
    nodeStart(node) {
      rawLayoutHolds ??= checkRawLayout(engine);
      if (rawLayoutHolds) {
        const raw = node as unknown as Record<number, number>;
        return { offset: raw[2]! / 2, row: raw[3]! };
      }
      return { offset: node.startIndex, row: node.startPosition.row };
    },
  };
  return engine;
}

/**
 * Every public getter of the Node binding re-marshals the node and crosses
 * into C++ (~1 µs); a module has hundreds of call sites, so reading them that
 * way costs more than the query that found them. The binding keeps the native
 * node's context on the JS object (fields 2–4: start byte of the UTF-16
 * input, start row, start column in bytes). That layout is internal, so it is
 * checked once per thread against the public getters and abandoned if it
 * ever disagrees.
 */
function checkRawLayout(engine: PythonEngine): boolean {
  return engine.withTree('x = 1\nif y:\n    z(\u00e9, w)\n', (root) => {
    const probe = root.descendantsOfType('identifier');
    return (
      probe.length === 4 &&
      probe.every((node) => {
        const raw = node as unknown as Record<number, unknown>;
        return raw[2] === node.startIndex * 2 && raw[3] === node.startPosition.row;
      })
    );
  });
}
