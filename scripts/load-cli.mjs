#!/usr/bin/env node
// dockguard's command (the package's bin, copied to dist/bundle/cli.js by scripts/bundle.mjs).
//
// It runs the bundled CLI (dockguard.cjs) compiled with V8's code cache
// (dockguard.cjs.v8cache, written at build time by scripts/write-code-cache.mjs):
// a pre-commit hook starts a new process on every commit, and compiling the
// bundle's functions again each time was ~40 ms of a 0.4 s run. V8 checks the
// cache against the source and its own version and flags, and rejects one that
// does not match (another Node version): the bundle is then compiled as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./dockguard.cjs', import.meta.url));
const codeCache = `${bundle}.v8cache`;
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch (error) {
  process.stderr.write(`dockguard: cannot read ${bundle} (${error.code ?? error.message}); reinstall dockguard\n`);
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(codeCache);
} catch {
  // No cache (a build that skipped writing it): compile without.
}
const script = new Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: bundle, cachedData });
// Only the build asks for a new cache, after a run that compiled what a check needs.
if (process.env.DOCKGUARD_WRITE_CODE_CACHE === codeCache) process.once('exit', () => writeFileSync(codeCache, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('.', import.meta.url)));
