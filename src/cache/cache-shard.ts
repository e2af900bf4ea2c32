import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the shard layout changes; files of another format are ignored. */
export const CACHE_FORMAT = 2;

/** `[lastUsedSeconds, value]`: an array keeps 5,000 entries small and quick to parse. */
export type CacheEntry = [number, unknown];

export interface CacheShard {
  entries: Map<string, CacheEntry>;
  /** Size on disk when loaded plus estimates of later sets; drives eviction. */
  bytes: number;
}

interface ShardFile {
  format: number;
  tool: string;
  entries: Record<string, CacheEntry>;
}

/**
 * Reads one namespace file. Anything unexpected (missing, unreadable, not
 * JSON, another format or tool version) yields undefined: a cache is only
 * trusted when it is certainly ours. The header is checked before parsing,
 * so a large file left by another version costs a read, not a parse.
 */
export async function readShard(file: string, toolVersion: string): Promise<CacheShard | undefined> {
  let raw: Buffer;
  let parsed: Partial<ShardFile>;
  try {
    raw = await readFile(file);
    const header = `${JSON.stringify({ format: CACHE_FORMAT, tool: toolVersion }).slice(0, -1)},`;
    if (!raw.subarray(0, header.length).equals(Buffer.from(header))) return undefined;
    parsed = JSON.parse(raw.toString('utf8')) as Partial<ShardFile>;
  } catch {
    return undefined;
  }
  if (!parsed || parsed.format !== CACHE_FORMAT || parsed.tool !== toolVersion) return undefined;
  if (typeof parsed.entries !== 'object' || parsed.entries === null || Array.isArray(parsed.entries)) return undefined;
  return { entries: new Map(Object.entries(parsed.entries)), bytes: raw.length };
}

/**
 * Writes a temporary file beside the target and renames it over: rename is
 * atomic on one file system, so a concurrent reader sees the old or the new
 * file, never half of one, and concurrent writers end with the last one's.
 */
export async function writeShard(file: string, toolVersion: string, entries: Map<string, CacheEntry>): Promise<number> {
  const body: ShardFile = { format: CACHE_FORMAT, tool: toolVersion, entries: Object.fromEntries(entries) };
  const text = JSON.stringify(body);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return Buffer.byteLength(text);
}
