import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FORMAT } from '../../src/cache/cache-shard.js';
import { openCache } from '../../src/cache/open-cache.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { compileForChild } from './compile-for-child.js';

const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-cache-'));
  temps.push(dir);
  return path.join(dir, 'dockguard-cache');
};
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const V = { toolVersion: '0.1.0' };
const parsed = { imports: [{ module: 'shared.money', level: 0, names: ['format_cents'], line: 3 }] };

describe('openCache', () => {
  it('stores under `git rev-parse --git-path dockguard-cache` and reads back after a flush', async () => {
    const root = makeFixtureRepo('staged-monorepo');
    const blob = git(root, 'rev-parse', ':services/orders/app/main.py').trim();
    const cache = await openCache(root, V);
    expect(cache.dir).toBe(path.join(root, '.git', 'dockguard-cache'));
    expect(cache.get('imports', blob)).toBeUndefined();
    cache.set('imports', blob, parsed);
    await cache.flush();
    const again = await openCache(root, V);
    expect(again.get('imports', blob)).toEqual(parsed);
    expect(again.get('syntax', blob)).toBeUndefined();
  });

  it('gives back what was set, in the same run, even when the caller changed its object since', async () => {
    const cache = await openCache('/', { ...V, dir: tempDir() });
    const value = structuredClone(parsed);
    cache.set('imports', 'a1', value);
    value.imports[0]!.names.push('later');
    value.imports[0]!.module = 'changed';
    // What a later run would read from disk: the value as it was set.
    expect(cache.get('imports', 'a1')).toEqual(parsed);
    await cache.flush();
    expect((await openCache('/', { ...V, dir: cache.dir })).get('imports', 'a1')).toEqual(parsed);
  });

  it('ignores a corrupt or half-written file, and replaces it on the next flush', async () => {
    const dir = tempDir();
    const cache = await openCache('/', { ...V, dir });
    cache.set('imports', 'a', parsed);
    await cache.flush();
    const file = path.join(dir, 'imports.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    const broken = await openCache('/', { ...V, dir });
    expect(broken.get('imports', 'a')).toBeUndefined();
    broken.set('imports', 'b', 1);
    await broken.flush();
    expect((await openCache('/', { ...V, dir })).get('imports', 'b')).toBe(1);
  });

  it('ignores files written by another tool version or cache format', async () => {
    const dir = tempDir();
    const cache = await openCache('/', { ...V, dir });
    cache.set('imports', 'a', parsed);
    await cache.flush();
    expect((await openCache('/', { toolVersion: '0.2.0', dir })).get('imports', 'a')).toBeUndefined();
    const file = path.join(dir, 'imports.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"format":${CACHE_FORMAT}`, '"format":99'));
    expect((await openCache('/', { ...V, dir })).get('imports', 'a')).toBeUndefined();
  });

  it('removes files of another version with its first write, and keeps them while it only reads', async () => {
    const dir = tempDir();
    const old = await openCache('/', { toolVersion: '0.0.9', dir });
    old.set('python-imports', 'a', parsed);
    await old.flush();
    const reader = await openCache('/', { ...V, dir });
    expect(reader.get('python-imports', 'a')).toBeUndefined();
    await reader.flush();
    expect(readdirSync(dir)).toEqual(['python-imports.jsonl']);
    const writer = await openCache('/', { ...V, dir });
    writer.set('imports', 'b', 1);
    await writer.flush();
    expect(readdirSync(dir)).toEqual(['imports.jsonl']);
  });

  it('falls back to an empty cache when the folder cannot be read, and flush rejects', async () => {
    const blocker = tempDir();
    writeFileSync(blocker, 'not a folder');
    const cache = await openCache('/', { ...V, dir: path.join(blocker, 'cache') });
    expect(cache.get('imports', 'a')).toBeUndefined();
    cache.set('imports', 'a', 1);
    await expect(cache.flush()).rejects.toThrow(/ENOTDIR/);
  });

  it('does not rewrite the files when a run only reads', async () => {
    const dir = tempDir();
    const cache = await openCache('/', { ...V, dir });
    cache.set('imports', 'a', parsed);
    await cache.flush();
    const before = statSync(path.join(dir, 'imports.jsonl')).mtimeMs;
    const reader = await openCache('/', { ...V, dir });
    expect(reader.get('imports', 'a')).toEqual(parsed);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reader.flush();
    expect(statSync(path.join(dir, 'imports.jsonl')).mtimeMs).toBe(before);
  });

  it('stays within maxBytes by dropping the least recently used entries first', async () => {
    const dir = tempDir();
    let time = Date.UTC(2025, 0, 1);
    const clock = (): number => time;
    const cache = await openCache('/', { ...V, dir, maxBytes: 20_000, clock });
    for (let i = 0; i < 200; i++) {
      time += 1000;
      cache.set(i % 2 ? 'imports' : 'deps', `blob${i}`, { pad: 'x'.repeat(250), i });
    }
    await cache.flush();
    const onDisk = readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
    expect(onDisk).toBeLessThanOrEqual(20_000);
    const reread = await openCache('/', { ...V, dir, maxBytes: 20_000, clock });
    expect(reread.get('imports', 'blob199')).toMatchObject({ i: 199 });
    expect(reread.get('deps', 'blob198')).toMatchObject({ i: 198 });
    expect(reread.get('deps', 'blob0')).toBeUndefined();
    expect(reread.get('imports', 'blob1')).toBeUndefined();
  });

  it('counts namespaces a run never read towards maxBytes, dropping their old entries when it must', async () => {
    const dir = tempDir();
    let time = Date.UTC(2025, 0, 1);
    const clock = (): number => time;
    const first = await openCache('/', { ...V, dir, maxBytes: 20_000, clock });
    for (let i = 0; i < 60; i++) first.set('old', `blob${i}`, { pad: 'x'.repeat(250), i });
    await first.flush();
    time += 10 * 24 * 3600 * 1000;
    // This run only writes another namespace; 'old' is never read, yet the total must stay bounded.
    const second = await openCache('/', { ...V, dir, maxBytes: 20_000, clock });
    for (let i = 0; i < 30; i++) second.set('new', `blob${i}`, { pad: 'y'.repeat(250), i });
    await second.flush();
    const onDisk = readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
    expect(onDisk).toBeLessThanOrEqual(20_000);
    const reread = await openCache('/', { ...V, dir, maxBytes: 20_000, clock });
    expect(reread.get('new', 'blob0')).toMatchObject({ i: 0 });
    expect(reread.get('old', 'blob0')).toBeUndefined();
  });

  it('leaves a namespace it never read as it was when the bound is not reached', async () => {
    const dir = tempDir();
    const first = await openCache('/', { ...V, dir });
    first.set('old', 'a', parsed);
    await first.flush();
    const before = readFileSync(path.join(dir, 'old.jsonl'));
    const second = await openCache('/', { ...V, dir });
    second.set('new', 'b', parsed);
    await second.flush();
    expect(readFileSync(path.join(dir, 'old.jsonl'))).toEqual(before);
    expect((await openCache('/', { ...V, dir })).get('old', 'a')).toEqual(parsed);
  });

  it('keeps an old entry that is still read over newer unused ones', async () => {
    const dir = tempDir();
    let time = Date.UTC(2025, 0, 1);
    const clock = (): number => time;
    const first = await openCache('/', { ...V, dir, clock });
    first.set('imports', 'hot', 'still used');
    for (let i = 0; i < 60; i++) first.set('imports', `cold${i}`, 'y'.repeat(250));
    await first.flush();
    time += 3 * 24 * 3600 * 1000;
    const second = await openCache('/', { ...V, dir, clock, maxBytes: 10_000 });
    expect(second.get('imports', 'hot')).toBe('still used');
    second.set('imports', 'new', 1);
    await second.flush();
    const third = await openCache('/', { ...V, dir, clock });
    expect(third.get('imports', 'hot')).toBe('still used');
    expect(third.get('imports', 'new')).toBe(1);
    expect(third.get('imports', 'cold0')).toBeUndefined();
  });

  it('treats a damaged entry as a miss and keeps the others', async () => {
    const dir = tempDir();
    const cache = await openCache('/', { ...V, dir });
    cache.set('imports', 'a', parsed);
    cache.set('imports', 'b', { n: 2 });
    await cache.flush();
    const file = path.join(dir, 'imports.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{"n":2}', '{"n":2'));
    const damaged = await openCache('/', { ...V, dir });
    expect(damaged.get('imports', 'b')).toBeUndefined();
    expect(damaged.get('imports', 'a')).toEqual(parsed);
  });

  it('keeps keys that need escaping, and the entries it only read when it writes', async () => {
    const dir = tempDir();
    const odd = 'svc "a"\\b\tc,[d]';
    const cache = await openCache('/', { ...V, dir });
    cache.set('memo', odd, { inputs: { 'a.py': 'x' } });
    cache.set('memo', 'plain', [1, 'two']);
    await cache.flush();
    const file = path.join(dir, 'memo.jsonl');
    const before = readFileSync(file, 'utf8');
    const reader = await openCache('/', { ...V, dir });
    expect(reader.get('memo', odd)).toEqual({ inputs: { 'a.py': 'x' } });
    reader.set('memo', 'added', true);
    await reader.flush();
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect((await openCache('/', { ...V, dir })).get('memo', 'plain')).toEqual([1, 'two']);
  });

  it('removes a cache file of the earlier JSON format with its first write', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'python-imports.json'), '{"format":2,"tool":"0.1.0","entries":{}}');
    const cache = await openCache('/', { ...V, dir });
    cache.set('imports', 'a', 1);
    await cache.flush();
    expect(readdirSync(dir)).toEqual(['imports.jsonl']);
  });

  it('rejects namespaces that are not plain file names', async () => {
    const cache = await openCache('/', { ...V, dir: tempDir() });
    expect(() => cache.set('../escape', 'a', 1)).toThrow(/invalid cache namespace/);
  });

  it('round-trips 5,000 entries of ~300 bytes (load time is measured in bench/hook.mjs)', async () => {
    const dir = tempDir();
    const cache = await openCache('/', { ...V, dir });
    for (let i = 0; i < 5000; i++) {
      cache.set('imports', `${i.toString(16).padStart(40, '0')}`, { imports: ['a'.repeat(200)], line: i });
    }
    await cache.flush();
    const warm = await openCache('/', { ...V, dir });
    expect(warm.get('imports', (4999).toString(16).padStart(40, '0'))).toMatchObject({ line: 4999 });
    expect(warm.get('imports', (0).toString(16).padStart(40, '0'))).toMatchObject({ line: 0 });
    expect(statSync(path.join(dir, 'imports.jsonl')).size).toBeGreaterThan(5000 * 200);
  });
});

describe('openCache with concurrent writers', () => {
  it('leaves a readable cache when two processes flush at the same time', async () => {
    const build = path.dirname(tempDir());
    compileForChild(build, ['cache/open-cache.ts', 'cache/cache-shard.ts', 'cache/evict-oldest.ts', 'cache/cache-dir-name.ts', 'git/run-git.ts', 'errors.ts']);
    const dir = path.join(build, 'shared-cache');
    mkdirSync(dir);
    const script = path.join(build, 'writer.mjs');
    writeFileSync(
      script,
      `import { openCache } from './cache/open-cache.js';
const [id, dir] = process.argv.slice(2);
for (let round = 0; round < 40; round++) {
  const cache = await openCache('/', { toolVersion: '0.1.0', dir });
  for (let j = 0; j < 100; j++) cache.set('imports', id + '-' + round + '-' + j, { id, round, j, pad: 'z'.repeat(200) });
  await cache.flush();
}
`,
    );
    const run = promisify(execFile);
    await Promise.all(['a', 'b'].map((id) => run(process.execPath, [script, id, dir])));

    const files = readdirSync(dir);
    expect(files).toEqual(['imports.jsonl']);
    const [header, ...lines] = readFileSync(path.join(dir, 'imports.jsonl'), 'utf8').trimEnd().split('\n');
    expect(JSON.parse(header!)).toEqual({ format: CACHE_FORMAT, tool: '0.1.0' });
    const entries = lines.map((line) => JSON.parse(line) as [string, number, { id: string; round: number; j: number }]);
    const keys = entries.map(([key]) => key);
    expect(keys.length).toBeGreaterThanOrEqual(100);
    for (const [key, , value] of entries) expect(key).toBe(`${value.id}-${value.round}-${value.j}`);
    const cache = await openCache('/', { ...V, dir });
    expect(cache.get('imports', keys[0]!)).toBeDefined();
  });
});
