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
import { setFlagsFromString } from 'node:v8';
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
const writesCodeCache = process.env.DOCKGUARD_WRITE_CODE_CACHE === codeCache;
if (writesCodeCache) process.once('exit', () => writeFileSync(codeCache, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('.', import.meta.url)));
// Grow the heap by 40% at a time, not V8's up-to-fourfold for a young heap: a full check of 3,000 modules
// carried ~100 MB of garbage into its peak (peak RSS 320-375 MB, 282-297 MB with this, same CPU time).
// Set once the bundle has run its top level: set before, a hook run took 10-20 ms longer (measured; most
// likely Node's built-in modules loaded afterwards lose their code cache, which V8 also matches against
// its flags). Not in the build's run that writes our cache, which records the flags of its end.
if (!writesCodeCache) setFlagsFromString('--heap-growing-percent=40');
