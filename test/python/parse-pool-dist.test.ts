import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXPECTED_ENGINE } from '../helpers/expected-engine.js';
import { extractImports } from '../../src/python/extract-imports.js';

/**
 * Worker threads need the compiled worker script, so this suite drives the
 * build output. `npm test` builds first (pretest); running vitest alone
 * without `npm run build` fails here on purpose rather than skipping.
 */
const DIST_POOL = new URL('../../dist/python/parse-pool.js', import.meta.url);

type PoolModule = typeof import('../../src/python/parse-pool.js');

const loadDistPool = async (): Promise<PoolModule> => {
  if (!existsSync(DIST_POOL)) throw new Error('dist/python/parse-pool.js is missing: run `npm run build` (npm test does)');
  return (await import(DIST_POOL.href)) as PoolModule;
};

const moduleText = (i: number) =>
  [
    '"""Order handlers."""',
    'from __future__ import annotations',
    'import json',
    `from orders.repo_${i % 5} import save`,
    'if TYPE_CHECKING:',
    '    from orders.types import Order',
    `def handle_${i}(payload: str) -> None:`,
    '    try:',
    '        import orjson as fast',
    '    except ImportError:',
    '        fast = json',
    '    save(fast.loads(payload))',
  ].join('\n');

const items = (count: number, prefix = 'orders') =>
  Array.from({ length: count }, (_, i) => ({ key: `${prefix}/handler_${i}.py`, text: moduleText(i) }));

describe('parse pool from the compiled build', () => {
  test('large batches go to worker threads and match in-thread extraction', async () => {
    const { createParsePool } = await loadDistPool();
    const pool = createParsePool({ workers: 2 });
    const input = items(300);
    const results = await pool.parseMany(input);
    expect([...results.keys()]).toEqual(input.map((item) => item.key));
    for (const [i, item] of input.entries()) expect(results.get(item.key)).toEqual(extractImports(moduleText(i)));
    const stats = pool.stats();
    expect(stats.inWorkers).toBe(300);
    expect(stats.inThread).toBe(0);
    expect(stats.workersStarted).toBeGreaterThanOrEqual(1);
    expect(stats.workersStarted).toBeLessThanOrEqual(2);
    await pool.close();
  });

  test('workers are reused across calls and concurrent calls get their own results', async () => {
    const { createParsePool } = await loadDistPool();
    const pool = createParsePool({ workers: 2 });
    const [a, b] = await Promise.all([pool.parseMany(items(100, 'a')), pool.parseMany(items(80, 'b'))]);
    const c = await pool.parseMany(items(50, 'c'));
    // Once workers run, even a small call goes to them: their start is paid for, and this thread has other work.
    const small = await pool.parseMany(items(3, 'd'));
    expect([a.size, b.size, c.size, small.size]).toEqual([100, 80, 50, 3]);
    expect(b.get('b/handler_7.py')).toEqual(extractImports(moduleText(7)));
    expect(pool.stats()).toEqual({ inThread: 0, inWorkers: 233, workersStarted: 2, engine: EXPECTED_ENGINE });
    await pool.close();
  });

  test('many small calls made while the workers are busy each get exactly their own results', async () => {
    // A walk asks for a few files at a time: queued calls are merged into one request per worker, and the
    // answers must be split back to the call each file came from.
    const { createParsePool } = await loadDistPool();
    const pool = createParsePool({ workers: 2 });
    const calls = Array.from({ length: 40 }, (_, call) => items(1 + (call % 3), `small_${call}`));
    const results = await Promise.all([pool.parseMany(items(120, 'big')), ...calls.map((input) => pool.parseMany(input))]);
    for (const [call, input] of calls.entries()) {
      const got = results[call + 1]!;
      expect([...got.keys()]).toEqual(input.map((item) => item.key));
      for (const [i, item] of input.entries()) expect(got.get(item.key)).toEqual(extractImports(moduleText(i)));
    }
    expect(pool.stats()).toMatchObject({ inThread: 0, inWorkers: 120 + calls.reduce((sum, input) => sum + input.length, 0) });
    await pool.close();
  });

  test('reports each result as its chunk returns, before the rest of the call is parsed', async () => {
    const { createParsePool } = await loadDistPool();
    const pool = createParsePool({ workers: 2 });
    const heard = new Map<string, unknown>();
    let parsedWhenFirstHeard: number | undefined;
    const results = await pool.parseMany(items(200, 'e'), (key, parsed) => {
      parsedWhenFirstHeard ??= pool.stats().inWorkers;
      heard.set(key, parsed);
    });
    expect(parsedWhenFirstHeard).toBe(0);
    expect([...heard.keys()].sort()).toEqual([...results.keys()].sort());
    expect(heard.get('e/handler_9.py')).toEqual(results.get('e/handler_9.py'));
    await pool.close();
  });
});
