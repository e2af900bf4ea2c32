import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from '../git/run-git.js';
import { CACHE_DIR_NAME } from './cache-dir-name.js';
import { entrySize, entryValue, newEntry, readShard, SHARD_SUFFIX, writeShard, type CacheShard } from './cache-shard.js';
import { evictOldest } from './evict-oldest.js';

/** Values cached by content id (git blob id), e.g. parsed imports of a Python file. */
export interface ContentCache {
  /** Folder holding the cache files. */
  readonly dir: string;
  get<T>(namespace: string, key: string): T | undefined;
  /** `value` must be JSON-serialisable. */
  set(namespace: string, key: string, value: unknown): void;
  /** Writes changed namespaces; rejects when the folder cannot be written (the cache is optional: callers may note and go on). */
  flush(): Promise<void>;
}

export interface CacheOptions {
  /** Version of dockguard: a cache written by another version is ignored. */
  toolVersion: string;
  /** Bound on the whole cache; least recently used entries go first. Default 50 MB. */
  maxBytes?: number;
  /** Cache folder; default `git rev-parse --git-path dockguard-cache`. */
  dir?: string;
  /** Milliseconds since the epoch; tests pass a fake clock to order entries. */
  clock?: () => number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const NAMESPACE = /^[a-z0-9][a-z0-9_-]*$/i;
const DAY = 24 * 60 * 60;
const STALE_TEMP_MS = 60 * 60 * 1000;

/** Loads every namespace file at once so `get` stays synchronous. */
export async function openCache(root: string, options: CacheOptions): Promise<ContentCache> {
  const dir = options.dir ?? path.resolve(root, (await runGit(root, ['rev-parse', '--git-path', CACHE_DIR_NAME])).toString('utf8').trim());
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { shards, foreign } = await loadShards(dir, options.toolVersion);
  const dirty = new Set<string>();
  const clock = options.clock ?? Date.now;
  const now = (): number => Math.floor(clock() / 1000);

  const shardOf = (namespace: string): CacheShard => {
    if (!NAMESPACE.test(namespace)) throw new Error(`invalid cache namespace: ${JSON.stringify(namespace)}`);
    let shard = shards.get(namespace);
    if (!shard) shards.set(namespace, (shard = { entries: new Map(), bytes: 0 }));
    return shard;
  };

  return {
    dir,
    get<T>(namespace: string, key: string): T | undefined {
      const entry = shardOf(namespace).entries.get(key);
      if (!entry) return undefined;
      const value = entryValue(entry);
      if (value === undefined) return undefined;
      // Recency is kept to the day, so a warm run that only reads does not rewrite the cache.
      if (now() - entry.usedAt > DAY) {
        entry.usedAt = now();
        dirty.add(namespace);
      }
      return value as T;
    },
    set(namespace: string, key: string, value: unknown): void {
      const shard = shardOf(namespace);
      const entry = newEntry(now(), value);
      shard.entries.set(key, entry);
      shard.bytes += entrySize(key, entry);
      dirty.add(namespace);
    },
    async flush(): Promise<void> {
      // Files of another version or format would be read on every run and never used: drop them with the first write.
      if (dirty.size === 0) return;
      for (const name of foreign.splice(0)) await unlink(path.join(dir, name)).catch(() => undefined);
      for (const namespace of evictOldest(shards, maxBytes)) dirty.add(namespace);
      await mkdir(dir, { recursive: true });
      for (const namespace of [...dirty]) {
        shards.get(namespace)!.bytes = await writeShard(fileOf(dir, namespace), options.toolVersion, shards.get(namespace)!.entries);
        dirty.delete(namespace);
      }
      await removeStaleTemps(dir);
    },
  };
}

/**
 * Loads every namespace file; `foreign` lists the files that are not this
 * version's or format's (to remove before the next write, which rewrites
 * those of its namespaces it uses).
 */
async function loadShards(dir: string, toolVersion: string): Promise<{ shards: Map<string, CacheShard>; foreign: string[] }> {
  const shards = new Map<string, CacheShard>();
  const foreign: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { shards, foreign };
  }
  // Earlier formats were `<namespace>.json`.
  foreign.push(...names.filter((name) => name.endsWith('.json')));
  const namespaces = names.filter((name) => name.endsWith(SHARD_SUFFIX)).map((name) => name.slice(0, -SHARD_SUFFIX.length));
  const loaded = await Promise.all(namespaces.map((namespace) => readShard(fileOf(dir, namespace), toolVersion)));
  namespaces.forEach((namespace, i) => {
    const shard = loaded[i];
    if (shard && NAMESPACE.test(namespace)) shards.set(namespace, shard);
    else foreign.push(`${namespace}${SHARD_SUFFIX}`);
  });
  return { shards, foreign };
}

const fileOf = (dir: string, namespace: string): string => path.join(dir, `${namespace}${SHARD_SUFFIX}`);

/** Temp files left by a writer that was killed mid-write. */
async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
  }
}
