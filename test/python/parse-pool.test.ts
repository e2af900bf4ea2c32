import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { EXPECTED_ENGINE } from '../helpers/expected-engine.js';
import { extractImports } from '../../src/python/extract-imports.js';
import { createParsePool } from '../../src/python/parse-pool.js';

/** A service module with a few imports that vary per file, so results can be told apart. */
const serviceModule = (i: number) =>
  [
    'import logging',
    `from svc.handlers import handler_${i}`,
    'try:',
    `    import optional_${i % 7}`,
    'except ImportError:',
    '    optional = None',
    '',
    `def run_${i}(request):`,
    `    return handler_${i}(request).to_dict()`,
    '',
  ].join('\n');

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `svc/mod_${i}.py`, text: serviceModule(i) }));

const scratch = mkdtempSync(path.join(tmpdir(), 'dockguard-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const workerScript = (name: string, body: string): URL => {
  const file = path.join(scratch, name);
  writeFileSync(file, body);
  return pathToFileURL(file);
};

describe('parse pool in the calling thread', () => {
  test('small batches are parsed in-thread with the same result as extractImports, in input order', async () => {
    const pool = createParsePool();
    const input = items(5).reverse();
    const results = await pool.parseMany(input);
    expect([...results.keys()]).toEqual(input.map((item) => item.key));
    expect(results.get('svc/mod_3.py')).toEqual(extractImports(serviceModule(3)));
    expect(pool.stats()).toEqual({ inThread: 5, inWorkers: 0, workersStarted: 0, engine: EXPECTED_ENGINE });
    await pool.close();
  });

  test('run from TypeScript sources (no compiled worker) large batches fall back to in-thread', async () => {
    const pool = createParsePool({ workers: 2 });
    const results = await pool.parseMany(items(120));
    expect(results.size).toBe(120);
    expect(pool.stats()).toEqual({ inThread: 120, inWorkers: 0, workersStarted: 0, engine: EXPECTED_ENGINE });
    await pool.close();
  });

  test('a closed pool refuses work', async () => {
    const pool = createParsePool();
    await pool.close();
    await expect(pool.parseMany(items(1))).rejects.toThrow('parse pool is closed');
  });
});

describe('parse pool worker failures reject instead of hanging', () => {
  test('a worker throwing an uncaught error', async () => {
    const pool = createParsePool({
      workers: 1,
      workerScript: workerScript('throws.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n"),
    });
    await expect(pool.parseMany(items(60))).rejects.toThrow('parse worker crashed: boom');
    expect(pool.stats().workersStarted).toBe(1);
    await pool.close();
  });

  test('a worker exiting mid-batch', async () => {
    const pool = createParsePool({
      workers: 2,
      workerScript: workerScript('exits.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n"),
    });
    await expect(pool.parseMany(items(60))).rejects.toThrow('parse worker exited unexpectedly (exit code 3)');
    await pool.close();
  });

  test('a worker script that fails to load', async () => {
    const pool = createParsePool({ workers: 1, workerScript: workerScript('syntax.mjs', 'this is not javascript(\n') });
    await expect(pool.parseMany(items(60))).rejects.toThrow(/parse worker crashed: .*/);
    await pool.close();
  });

  test('a worker reporting a parse failure rejects with its message', async () => {
    const pool = createParsePool({
      workers: 1,
      workerScript: workerScript(
        'reports.mjs',
        "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ id }) => parentPort.postMessage({ id, error: 'parsing svc/x.py failed: nope' }));\n",
      ),
    });
    await expect(pool.parseMany(items(60))).rejects.toThrow('parsing svc/x.py failed: nope');
    await pool.close();
  });

  test('a file the worker fails on fails only its own call, also when queued calls were sent together', async () => {
    // One worker that answers slowly (so calls queue up and are merged) and fails any request holding a `bad` file.
    const pool = createParsePool({
      workers: 1,
      inThreadBelow: 0,
      workerScript: workerScript(
        'fails-bad.mjs',
        [
          "import { parentPort } from 'node:worker_threads';",
          'parentPort.on(\'message\', ({ id, items }) => setTimeout(() => parentPort.postMessage(',
          "  items.some((item) => item.key.includes('bad'))",
          "    ? { id, error: 'parsing bad.py failed: nope' }",
          "    : { id, engine: 'native', results: items.map((item) => [item.key, { imports: [], text: item.text }]) },",
          '), 20));',
        ].join('\n'),
      ),
    });
    const first = pool.parseMany([{ key: 'first.py', text: 'a' }]);
    const bad = pool.parseMany([{ key: 'bad.py', text: 'b' }]);
    const good = pool.parseMany(['c1', 'c2', 'c3', 'c4', 'c5'].map((key) => ({ key: `${key}.py`, text: key })));
    await expect(first).resolves.toBeDefined();
    await expect(bad).rejects.toThrow('parsing bad.py failed: nope');
    const results = await good;
    expect([...results.keys()]).toEqual(['c1.py', 'c2.py', 'c3.py', 'c4.py', 'c5.py']);
    expect(results.get('c3.py')).toEqual({ imports: [], text: 'c3' });
    await pool.close();
  });
});
