// Writes dist/bundle/dockguard.cjs.v8cache, the V8 code cache that
// dist/bundle/cli.js compiles the CLI with (see scripts/load-cli.mjs).
//
// V8 caches the functions a run has compiled, so the cache comes from a real
// check: of examples/shop, in this process's Node, without dockguard's cache
// and small enough to parse in the main thread. (A parse worker sets a V8 flag,
// and a cache written after one started would not match the flags of the
// next process, which V8 checks.) A failure leaves no cache: the CLI then
// compiles as usual, a little slower to start.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const codeCache = path.resolve('dist/bundle/dockguard.cjs.v8cache');
rmSync(codeCache, { force: true });
const run = spawnSync(process.execPath, ['dist/bundle/cli.js', 'check', '--no-cache', 'examples/shop'], {
  env: { ...process.env, DOCKGUARD_WRITE_CODE_CACHE: codeCache, FORCE_COLOR: '0' },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
// Exit 1 is the example's findings; anything else, or no cache written, is a build problem worth a line.
if ((run.status !== 0 && run.status !== 1) || !existsSync(codeCache)) {
  rmSync(codeCache, { force: true });
  process.stderr.write(`write-code-cache: the check of examples/shop exited ${run.status} without a code cache; dockguard will start without one\n${run.stderr}`);
}
