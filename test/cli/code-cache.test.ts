import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';

/**
 * The bin compiles the bundle with the V8 code cache the build wrote
 * (scripts/load-cli.mjs). A cache V8 rejects costs nothing visible but
 * ~40 ms on every hook run: written after a parse worker started, or after
 * any other V8 flag changed, V8 would reject it on every start. This compiles
 * the bundle the way the bin does, in a fresh Node like the one a hook starts.
 */
describe('the code cache the build writes', () => {
  it('is accepted by V8 for the bundle it ships with', () => {
    const bundle = path.join(path.dirname(CLI), 'dockguard.cjs');
    expect(existsSync(`${bundle}.v8cache`), 'npm run build writes dist/bundle/dockguard.cjs.v8cache').toBe(true);
    const probe = [
      "const { readFileSync } = require('node:fs');",
      "const Module = require('node:module');",
      "const { Script } = require('node:vm');",
      'const [bundle] = process.argv.slice(1);',
      "const script = new Script(Module.wrap(readFileSync(bundle, 'utf8').replace(/^#!.*/, '')), { filename: bundle, cachedData: readFileSync(`${bundle}.v8cache`) });",
      'process.stdout.write(String(script.cachedDataRejected));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', probe, bundle], { encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr, rejected: run.stdout }).toEqual({ status: 0, stderr: '', rejected: 'false' });
  });
});
