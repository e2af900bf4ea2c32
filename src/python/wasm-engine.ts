import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dataFile } from '../package-root.js';
import type { PythonEngine, SyntaxNode, SyntaxQuery } from './syntax-node.js';

/**
 * The WebAssembly build of tree-sitter (web-tree-sitter, plain JavaScript and
 * .wasm, nothing to compile), for installs where the native binding is absent
 * or does not load. The Python grammar's .wasm is vendored under data/ (see
 * data/tree-sitter-python.wasm.json): the npm package that ships it also
 * builds a native module on install and is removed when that build fails.
 * Loading is asynchronous (WebAssembly compiles off the main path); callers
 * go through `loadPythonEngine()`.
 */
export async function loadWasmEngine(): Promise<PythonEngine> {
  // Its CommonJS build, through require: the CLI bundle is compiled by vm.Script (for V8's code cache, see
  // scripts/load-cli.mjs), where a dynamic import() has no loader to call without an experimental flag.
  const { Parser, Language, Query } = createRequire(import.meta.url)('web-tree-sitter') as typeof import('web-tree-sitter');
  await Parser.init();
  const python = await Language.load(new Uint8Array(await readFile(dataFile('tree-sitter-python.wasm'))));
  const parser = new Parser();
  parser.setLanguage(python);
  const queries = new Map<string, SyntaxQuery>();
  return {
    name: 'wasm',
    withTree(source, read) {
      const tree = parser.parse(source);
      if (!tree) throw new Error('web-tree-sitter returned no tree');
      // A tree lives in the WebAssembly heap, which no garbage collector frees: release it explicitly.
      try {
        return read(tree.rootNode as unknown as SyntaxNode);
      } finally {
        tree.delete();
      }
    },
    query(source) {
      let query = queries.get(source);
      if (!query) {
        query = new Query(python, source) as unknown as SyntaxQuery;
        queries.set(source, query);
      }
      return query;
    },
    nodeStart: (node) => ({ offset: node.startIndex, row: node.startPosition.row }),
  };
}
