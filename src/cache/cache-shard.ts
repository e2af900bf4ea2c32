import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the shard layout changes; files of another format are ignored. */
export const CACHE_FORMAT = 4;

/** File name suffix of a namespace's shard. */
export const SHARD_SUFFIX = '.jsonl';

/**
 * One cached value. Loaded entries keep their JSON text and are decoded only
 * when read: a commit's check reads a fraction of thousands of entries, and
 * building them all as objects cost more than the rest of a warm run.
 */
export interface CacheEntry {
  /** Seconds since the epoch, for least-recently-used eviction. */
  usedAt: number;
  /** The value's JSON text, as read from disk or encoded once when set; what is written back. */
  encoded: Buffer;
  /** The value, once decoded. */
  value?: unknown;
}

export interface CacheShard {
  entries: Map<string, CacheEntry>;
  /** Size on disk when loaded plus estimates of later sets; drives eviction. */
  bytes: number;
}

const headerOf = (toolVersion: string): string => JSON.stringify({ format: CACHE_FORMAT, tool: toolVersion });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/**
 * Reads one namespace file: a header line, then one `[key, usedAt, value]`
 * JSON array per line. Anything unexpected (missing, unreadable, another
 * format or tool version, a line of another shape) yields undefined: a cache
 * is only trusted when it is certainly ours. Values stay undecoded until read.
 */
export function readShardSync(file: string, toolVersion: string): CacheShard | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  return parseShard(raw, toolVersion);
}

/**
 * Whether a namespace file starts with this tool version's header, and its
 * size, without reading the rest. Synchronous: a flush asks this of a few
 * hundred files, and promise-based file handles cost ~15 ms of CPU for that.
 */
export function inspectShard(file: string, toolVersion: string): { ours: boolean; size: number } {
  const header = Buffer.from(`${headerOf(toolVersion)}\n`);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const start = Buffer.alloc(header.length);
    const bytesRead = readSync(fd, start, 0, header.length, 0);
    return { ours: bytesRead === header.length && start.equals(header), size: fstatSync(fd).size };
  } catch {
    return { ours: false, size: 0 };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function parseShard(raw: Buffer, toolVersion: string): CacheShard | undefined {
  const header = Buffer.from(`${headerOf(toolVersion)}\n`);
  if (!raw.subarray(0, header.length).equals(header)) return undefined;
  const entries = new Map<string, CacheEntry>();
  for (let start = header.length; start < raw.length; ) {
    const end = raw.indexOf(NEWLINE, start);
    if (end === -1) return undefined;
    const line = indexLine(raw, start, end);
    if (!line) return undefined;
    entries.set(line.key, { usedAt: line.usedAt, encoded: line.encoded });
    start = end + 1;
  }
  return { entries, bytes: raw.length };
}

/** Splits one line without decoding its value; undefined when the line is not of our making. */
function indexLine(raw: Buffer, start: number, end: number): { key: string; usedAt: number; encoded: Buffer } | undefined {
  if (raw[start] !== OPEN || raw[start + 1] !== QUOTE || raw[end - 1] !== CLOSE) return undefined;
  const keyEnd = raw.indexOf(QUOTE, start + 2);
  if (keyEnd === -1 || keyEnd >= end) return undefined;
  const escape = raw.indexOf(BACKSLASH, start + 2);
  if (escape !== -1 && escape < keyEnd) return indexEscapedLine(raw, start, end);
  if (raw[keyEnd + 1] !== COMMA) return undefined;
  const usedAtEnd = raw.indexOf(COMMA, keyEnd + 2);
  if (usedAtEnd === -1 || usedAtEnd >= end) return undefined;
  const usedAt = Number(raw.toString('latin1', keyEnd + 2, usedAtEnd));
  if (!Number.isInteger(usedAt) || usedAtEnd + 1 >= end - 1) return undefined;
  return { key: raw.toString('utf8', start + 2, keyEnd), usedAt, encoded: raw.subarray(usedAtEnd + 1, end - 1) };
}

/** A key with escapes (never a blob id) is rare enough to decode the whole line. */
function indexEscapedLine(raw: Buffer, start: number, end: number): { key: string; usedAt: number; encoded: Buffer } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8', start, end));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'string' || !Number.isInteger(parsed[1])) return undefined;
  return { key: parsed[0], usedAt: parsed[1] as number, encoded: Buffer.from(JSON.stringify(parsed[2])) };
}

/**
 * An entry for a value set in this run: encoded once, for its size now and
 * for the write later. It holds only that text, like a loaded one: a check of every
 * service sets thousands of parsed modules, and keeping each value beside its
 * text held a second copy of all of them (~10 MB of heap) that the run never
 * reads back. A later `get` decodes the text, so it returns what is on disk,
 * whatever the caller does with the object it set.
 */
export function newEntry(usedAt: number, value: unknown): CacheEntry {
  return { usedAt, encoded: Buffer.from(JSON.stringify(value) ?? 'null') };
}

/** The value of an entry, decoding it on first use; undefined when its text is damaged. */
export function entryValue(entry: CacheEntry): unknown {
  if (entry.value === undefined) {
    try {
      entry.value = JSON.parse(entry.encoded.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  return entry.value;
}

/** Approximate serialized size of one entry (key, brackets, timestamp, value). */
export function entrySize(key: string, entry: CacheEntry): number {
  return key.length + 20 + entry.encoded.length;
}

/**
 * Writes a temporary file beside the target and renames it over: rename is
 * atomic on one file system, so a concurrent reader sees the old or the new
 * file, never half of one, and concurrent writers end with the last one's.
 * Every entry is written from its stored text: loaded entries as they were read.
 */
export async function writeShard(file: string, toolVersion: string, entries: Map<string, CacheEntry>): Promise<number> {
  const parts: Buffer[] = [Buffer.from(`${headerOf(toolVersion)}\n`)];
  for (const [key, entry] of entries) {
    parts.push(Buffer.from(`[${JSON.stringify(key)},${entry.usedAt},`), entry.encoded, Buffer.from(']\n'));
  }
  const body = Buffer.concat(parts);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, body);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return body.length;
}
