import { loadPythonEngine } from '../../src/python/parser.js';

// The WebAssembly engine loads asynchronously; suites that call extractImports() directly
// (synchronous, as the pipeline does once an engine is loaded) need it ready first.
const engine = await loadPythonEngine();
if (engine.name !== 'wasm') throw new Error(`DOCKGUARD_PARSER=wasm loaded the ${engine.name} engine`);
