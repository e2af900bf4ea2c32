import { ParserUnavailableError } from '../errors.js';
import { loadNativeEngine } from './native-engine.js';
import type { EngineName, PythonEngine, SyntaxNode, SyntaxQuery } from './syntax-node.js';
import { loadWasmEngine } from './wasm-engine.js';

export type { EngineName, SyntaxNode, SyntaxQuery } from './syntax-node.js';

/**
 * Which engine parses Python, chosen once per thread: the native binding when
 * it loads, else its WebAssembly build. `DOCKGUARD_PARSER=wasm` forces the
 * fallback (the tests run every extraction suite under both), `native`
 * forbids it. Engines load on the first parse rather than at start: a hook
 * run whose modules all come from the cache never pays for them (~15-20 ms).
 *
 * The WebAssembly build can only load asynchronously, so the async entries of
 * parsing (the parse pool, its workers, bound names) `await loadPythonEngine()`
 * first; after that every parse is synchronous, whichever engine it is.
 */
const ENV = 'DOCKGUARD_PARSER';
let engine: PythonEngine | undefined;
let nativeFailure: string | undefined;
let loading: Promise<PythonEngine> | undefined;

function readChoice(): 'auto' | EngineName {
  const value = process.env[ENV] ?? '';
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'native' || value === 'wasm') return value;
  // A ParserUnavailableError, so that every parsing path (workers included) stops the run with it.
  throw new ParserUnavailableError(`${ENV}=${value} names no parser engine`, `use ${ENV}=native, ${ENV}=wasm, or leave it unset (native, falling back to wasm)`);
}

/** Loads the native engine if it is the choice and loads; remembers why not otherwise. */
function tryNative(): PythonEngine | undefined {
  const choice = readChoice();
  if (choice === 'wasm' || nativeFailure !== undefined) return undefined;
  try {
    return (engine = loadNativeEngine());
  } catch (error) {
    nativeFailure = error instanceof Error ? error.message : String(error);
    if (choice === 'native') throw new ParserUnavailableError(`tree-sitter: ${nativeFailure}`, `unset ${ENV} to fall back to the WebAssembly parser, or reinstall dockguard with a C++ compiler present`);
    return undefined;
  }
}

/** Loads the engine this thread parses with (idempotent). Rejects with ParserUnavailableError when neither loads. */
export function loadPythonEngine(): Promise<PythonEngine> {
  if (engine) return Promise.resolve(engine);
  loading ??= (async () => {
    const native = tryNative();
    if (native) return native;
    try {
      return (engine = await loadWasmEngine());
    } catch (error) {
      // First line only: require's message goes on with its require stack.
      const wasmFailure = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0];
      throw new ParserUnavailableError(`${nativeFailure === undefined ? '' : `tree-sitter: ${nativeFailure.split('\n', 1)[0]}; `}web-tree-sitter: ${wasmFailure}`);
    }
  })();
  // A failed load is not retried: the same files would fail the same way.
  return loading;
}

/** The engine in use, or undefined while nothing has been parsed in this thread. */
export const loadedEngineName = (): EngineName | undefined => engine?.name;

function getEngine(): PythonEngine {
  const ready = engine ?? tryNative();
  if (ready) return ready;
  throw new Error('the WebAssembly parser loads asynchronously: await loadPythonEngine() before parsing');
}

/** Parses Python source and reads its tree; nodes must not outlive `read` (the wasm tree is freed on return). */
export function withPythonTree<T>(source: string, read: (root: SyntaxNode) => T): T {
  return getEngine().withTree(source, read);
}

/** A query compiled once per thread, keyed by its source text. */
export function getPythonQuery(source: string): SyntaxQuery {
  return getEngine().query(source);
}

/** A node's start offset (UTF-16 code units) and 0-based row. */
export function nodeStart(node: SyntaxNode): { offset: number; row: number } {
  return getEngine().nodeStart(node);
}
