#!/usr/bin/env node
// Copies the Python grammar's WebAssembly build from the installed tree-sitter-python
// package to data/tree-sitter-python.wasm, with its provenance in data/tree-sitter-python.wasm.json.
//
// Why vendored: the WebAssembly engine is the fallback for installs where native modules
// fail, and tree-sitter-python (an optional dependency) builds a native module on install:
// when that build fails npm removes the whole package, .wasm included. The grammar must be
// the one the native engine uses, or the two engines would read files differently: run this
// after every upgrade of tree-sitter-python (test/python/vendored-grammar.test.ts checks).
//
// Usage (from the repository root, after `npm ci`): node scripts/vendor-python-wasm.mjs
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const manifestPath = require.resolve('tree-sitter-python/package.json');
const { version } = JSON.parse(readFileSync(manifestPath, 'utf8'));
const wasm = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const locked = lock.packages['node_modules/tree-sitter-python'];
if (locked?.version !== version) throw new Error(`installed tree-sitter-python ${version} is not the locked ${locked?.version}: run npm ci first`);

copyFileSync(wasm, 'data/tree-sitter-python.wasm');
const provenance = {
  header:
    'The Python grammar for the WebAssembly parser engine (web-tree-sitter), copied unchanged from the npm package below. Regenerate with `node scripts/vendor-python-wasm.mjs` after upgrading tree-sitter-python.',
  source: `npm tree-sitter-python@${version}, file tree-sitter-python.wasm`,
  tarballIntegrity: locked.integrity,
  sha256: createHash('sha256').update(readFileSync(wasm)).digest('hex'),
  copied: new Date().toISOString().slice(0, 10),
};
writeFileSync('data/tree-sitter-python.wasm.json', `${JSON.stringify(provenance, null, 2)}\n`);
console.log(`data/tree-sitter-python.wasm ← tree-sitter-python@${version} (sha256 ${provenance.sha256.slice(0, 12)}…)`);
