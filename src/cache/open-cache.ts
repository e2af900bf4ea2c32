import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { runGit } from '../git/run-git.js';
import { CACHE_DIR_NAME } from './cache-dir-name.js';
import { entrySize, entryValue, inspectShard, newEntry, readShardSync, SHARD_SUFFIX, writeShard, type CacheShard } from './cache-shard.js';
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

/**
 * Lists the namespace files; each is read the first time one of its values
 * is asked for (synchronously, so `get` stays synchronous). A hook run that
 * proves every service unaffected reads the memos and a few parsed modules,
 * not megabytes of cached parses it will never use.
 */
export async function openCache(root: string, options: CacheOptions): Promise<ContentCache> {
  const dir = options.dir ?? path.resolve(root, (await runGit(root, ['rev-parse', '--git-path', CACHE_DIR_NAME])).toString('utf8').trim());
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { onDisk, foreign } = await listShards(dir);
  const shards = new Map<string, CacheShard>();
  const dirty = new Set<string>();
  const clock = options.clock ?? Date.now;
  const now = (): number => Math.floor(clock() / 1000);

  const shardOf = (namespace: string): CacheShard => {
    if (!NAMESPACE.test(namespace)) throw new Error(`invalid cache namespace: ${JSON.stringify(namespace)}`);
    let shard = shards.get(namespace);
    if (!shard) {
      shard = onDisk.has(namespace) ? readShardSync(fileOf(dir, namespace), options.toolVersion) : undefined;
      // A file that is not ours (another version, damaged) counts as empty, and goes at the next write.
      if (!shard && onDisk.has(namespace)) foreign.push(`${namespace}${SHARD_SUFFIX}`);
      shard ??= { entries: new Map(), bytes: 0 };
      shards.set(namespace, shard);
    }
    return shard;
  };

  /** Bytes of the namespace files this run never read; files among them that are not ours join `foreign`. */
  const measureUnread = (): number => {
    let bytes = 0;
    for (const namespace of onDisk) {
      if (shards.has(namespace)) continue;
      const { ours, size } = inspectShard(fileOf(dir, namespace), options.toolVersion);
      if (ours) bytes += size;
      else foreign.push(`${namespace}${SHARD_SUFFIX}`);
    }
    return bytes;
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
      if (dirty.size === 0) return;
      const unreadBytes = measureUnread();
      // Files of another version or format would be read on every run and never used: drop them with the first write.
      for (const name of foreign.splice(0)) {
        onDisk.delete(name.slice(0, -SHARD_SUFFIX.length));
        await unlink(path.join(dir, name)).catch(() => undefined);
      }
      // Eviction weighs every entry, so it needs every shard: read them only when the total may not fit.
      if (sumBytes(shards) + unreadBytes > maxBytes) for (const namespace of onDisk) shardOf(namespace);
      for (const namespace of evictOldest(shards, maxBytes)) dirty.add(namespace);
      await mkdir(dir, { recursive: true });
      // All at once: a first check writes a few hundred shards, and one after another each waited for its own write and rename.
      const written = await Promise.allSettled(
        [...dirty].map(async (namespace) => {
          shards.get(namespace)!.bytes = await writeShard(fileOf(dir, namespace), options.toolVersion, shards.get(namespace)!.entries);
          dirty.delete(namespace);
        }),
      );
      const failed = written.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      await removeStaleTemps(dir);
    },
  };
}

const sumBytes = (shards: ReadonlyMap<string, CacheShard>): number => {
  let total = 0;
  for (const shard of shards.values()) total += shard.bytes;
  return total;
};

/**
 * The namespaces with a file in the cache folder, and the files that are
 * certainly not ours (an earlier format's `.json`, a name no namespace has),
 * to remove before the next write.
 */
async function listShards(dir: string): Promise<{ onDisk: Set<string>; foreign: string[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { onDisk: new Set(), foreign: [] };
  }
  // Earlier formats were `<namespace>.json`.
  const foreign = names.filter((name) => name.endsWith('.json'));
  const onDisk = new Set<string>();
  for (const name of names) {
    if (!name.endsWith(SHARD_SUFFIX)) continue;
    const namespace = name.slice(0, -SHARD_SUFFIX.length);
    if (NAMESPACE.test(namespace)) onDisk.add(namespace);
    else foreign.push(name);
  }
  return { onDisk, foreign };
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
