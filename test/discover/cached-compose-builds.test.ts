import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../src/cache/open-cache.js';
import { cachedComposeBuilds } from '../../src/discover/cached-compose-builds.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const openTempCache = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-compose-cache-'));
  temps.push(dir);
  return openCache('/', { toolVersion: '0.1.0', dir: path.join(dir, 'cache') });
};

const COMPOSE = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n      args:\n        PYTHON: "3.12"\n    command: gunicorn app:app\n';

describe('cachedComposeBuilds', () => {
  it('parses once per content id, and keeps the result across runs', async () => {
    const cache = await openTempCache();
    const first = cachedComposeBuilds(COMPOSE, 'id-1', cache);
    expect(first.builds).toEqual([
      { name: 'api', line: 3, context: '.', dockerfile: 'services/api/Dockerfile', args: { PYTHON: '3.12' }, entrypoint: 'gunicorn app:app' },
    ]);
    await cache.flush();
    const next = await openCache('/', { toolVersion: '0.1.0', dir: cache.dir });
    // Same id: the text is not parsed again (here it would give nothing).
    expect(cachedComposeBuilds('services: {}\n', 'id-1', next)).toEqual(first);
    expect(cachedComposeBuilds('services: {}\n', 'id-2', next)).toEqual({ builds: [] });
  });

  it('parses the text when the cached value has another shape', async () => {
    const cache = await openTempCache();
    cache.set('compose-builds', 'id-1', { builds: [{ name: 'api', line: '3' }] });
    expect(cachedComposeBuilds(COMPOSE, 'id-1', cache).builds).toHaveLength(1);
    expect(cachedComposeBuilds(COMPOSE, 'id-1', cache).builds[0]).toMatchObject({ line: 3, dockerfile: 'services/api/Dockerfile' });
  });

  it('keeps a YAML error as the finding it becomes', async () => {
    const cache = await openTempCache();
    expect(cachedComposeBuilds('services:\n  api: [\n', 'bad', cache).error).toMatchObject({ line: expect.any(Number), message: expect.any(String) });
    expect(cachedComposeBuilds('', 'bad', cache).error).toBeDefined();
  });
});
