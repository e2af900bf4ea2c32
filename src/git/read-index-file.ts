import { readFileSync } from 'node:fs';
import { asRepoPath } from '../types.js';
import type { IndexEntry } from './parse-index-entries.js';

/** Bytes of an object id in the index, by the repository's object format. */
const ID_BYTES = { sha1: 20, sha256: 32 } as const;
export type ObjectFormat = keyof typeof ID_BYTES;

/** ctime, mtime (seconds and nanoseconds each), dev, ino, mode, uid, gid, size: 32 bits each. */
const STAT_BYTES = 40;
const EXTENDED_FLAG = 0x4000;
const NAME_LENGTH_MASK = 0x0fff;
const OBJECT_TYPE_MASK = 0o170000;
const DIRECTORY_TYPE = 0o040000;
/**
 * An extension whose signature starts with a capital is optional (a cache:
 * TREE, REUC, UNTR, EOIE, IEOT…) and is skipped; any other changes what the
 * entries mean (`link`: a split index keeps most entries in a shared file;
 * `sdir`: a sparse index folds folders into one entry), so git reads those.
 */
const isOptionalExtension = (signature: string): boolean => signature.charCodeAt(0) >= 65 && signature.charCodeAt(0) <= 90;

/**
 * The entries of git's index file, as `git ls-files --stage` lists them, read
 * without starting git (a hook pays ~15 ms per git process). Follows git's
 * documented format (Documentation/gitformat-index.txt): versions 2, 3 and 4
 * (v4 compresses each path against the one before). Returns undefined for
 * anything it does not read with certainty, so the caller asks git: another
 * version, a split or sparse index, or a file whose layout does not add up.
 */
export function readIndexFile(file: string, format: ObjectFormat): IndexEntry[] | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  return parseIndexFile(raw, format);
}

export function parseIndexFile(raw: Buffer, format: ObjectFormat): IndexEntry[] | undefined {
  const idBytes = ID_BYTES[format];
  if (raw.length < 12 + idBytes || raw.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = raw.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = raw.readUInt32BE(8);
  const end = raw.length - idBytes;
  const entries: IndexEntry[] = [];
  let offset = 12;
  let previousPath: Buffer = Buffer.alloc(0);
  for (let n = 0; n < count; n++) {
    const entryStart = offset;
    if (offset + STAT_BYTES + idBytes + 2 > end) return undefined;
    const mode = raw.readUInt32BE(offset + 24);
    if ((mode & OBJECT_TYPE_MASK) === DIRECTORY_TYPE) return undefined;
    offset += STAT_BYTES;
    const oid = raw.toString('hex', offset, offset + idBytes);
    offset += idBytes;
    const flags = raw.readUInt16BE(offset);
    offset += 2;
    if (flags & EXTENDED_FLAG) {
      if (version < 3) return undefined;
      offset += 2;
    }
    let pathBytes: Buffer;
    if (version === 4) {
      const strip = readVarint(raw, offset, end);
      if (!strip || strip.value > previousPath.length) return undefined;
      offset = strip.next;
      const nul = raw.indexOf(0, offset);
      if (nul === -1 || nul >= end) return undefined;
      pathBytes = Buffer.concat([previousPath.subarray(0, previousPath.length - strip.value), raw.subarray(offset, nul)]);
      offset = nul + 1;
    } else {
      // The 12-bit length saturates for long paths; the NUL always ends the name.
      const nameLength = flags & NAME_LENGTH_MASK;
      const nul = nameLength < NAME_LENGTH_MASK ? offset + nameLength : raw.indexOf(0, offset);
      if (nul === -1 || nul >= end || raw[nul] !== 0) return undefined;
      pathBytes = raw.subarray(offset, nul);
      // 1–8 NULs pad the entry to a multiple of eight bytes.
      offset = entryStart + Math.ceil((nul + 1 - entryStart) / 8) * 8;
    }
    previousPath = pathBytes;
    entries.push({ mode: formatMode(mode), oid, stage: (flags >> 12) & 0x3, path: asRepoPath(pathBytes.toString('utf8')) });
  }
  // Extensions: a 4-byte signature and a 32-bit size each, up to the checksum.
  while (offset < end) {
    if (offset + 8 > end) return undefined;
    const signature = raw.toString('latin1', offset, offset + 4);
    const size = raw.readUInt32BE(offset + 4);
    if (!isOptionalExtension(signature)) return undefined;
    offset += 8 + size;
  }
  return offset === end ? entries : undefined;
}

/** Octal mode as `git ls-files` prints it (`100644`, `120000`, `160000`). */
const formatMode = (mode: number): string => mode.toString(8).padStart(6, '0');

/** Git's offset varint (varint.c): 7 bits per byte, and each continuation adds one before shifting. */
function readVarint(raw: Buffer, offset: number, end: number): { value: number; next: number } | undefined {
  if (offset >= end) return undefined;
  let byte = raw[offset++]!;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (offset >= end || value > 0xffffff) return undefined;
    byte = raw[offset++]!;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: offset };
}
