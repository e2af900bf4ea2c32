import { entrySize, type CacheShard } from './cache-shard.js';

/** Evicting down to this share of the bound leaves room, so not every run rewrites the cache. */
const LOW_WATER = 0.8;

/**
 * Drops least recently used entries across all namespaces until the total
 * fits `maxBytes`. Returns the namespaces that lost entries (to rewrite).
 */
export function evictOldest(shards: Map<string, CacheShard>, maxBytes: number): Set<string> {
  const changed = new Set<string>();
  let total = 0;
  for (const shard of shards.values()) total += shard.bytes;
  if (total <= maxBytes) return changed;

  const all: Array<{ namespace: string; key: string; usedAt: number; size: number }> = [];
  total = 0;
  for (const [namespace, shard] of shards) {
    shard.bytes = 0;
    for (const [key, entry] of shard.entries) {
      const size = entrySize(key, entry);
      shard.bytes += size;
      total += size;
      all.push({ namespace, key, usedAt: entry.usedAt, size });
    }
  }
  all.sort((a, b) => a.usedAt - b.usedAt);
  const target = maxBytes * LOW_WATER;
  for (const item of all) {
    if (total <= target) break;
    const shard = shards.get(item.namespace)!;
    shard.entries.delete(item.key);
    shard.bytes -= item.size;
    total -= item.size;
    changed.add(item.namespace);
  }
  return changed;
}
