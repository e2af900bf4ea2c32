import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Larger files are read from git: hashing them to save a process start is no saving. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * The content of blob `oid` when the working tree holds exactly it at
 * `file`, else undefined. Hashing what was read as git hashes a blob proves
 * the bytes are the staged ones, whatever the working tree's state (partial
 * staging, clean filters, line-ending conversion): a mismatch just sends the
 * read to `git cat-file`. In a hook the staged version of a file is almost
 * always the one on disk, so most commits start no cat-file process at all.
 * A symbolic link's blob is its target text, compared with `readlink`.
 */
export function readVerifiedWorktreeFile(root: string, file: string, oid: string, isSymlink: boolean): Buffer | undefined {
  const algorithm = oid.length === 64 ? 'sha256' : oid.length === 40 ? 'sha1' : undefined;
  if (!algorithm) return undefined;
  const absolute = path.join(root, file);
  let content: Buffer;
  try {
    const info = lstatSync(absolute);
    if (isSymlink ? !info.isSymbolicLink() : !info.isFile() || info.size > MAX_BYTES) return undefined;
    content = isSymlink ? readlinkSync(absolute, { encoding: 'buffer' }) : readFileSync(absolute);
  } catch {
    return undefined;
  }
  const id = createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest('hex');
  return id === oid ? content : undefined;
}
