import type { RepoPath, RepoSnapshot } from '../types.js';
import type { TextReader } from './types.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A TextReader over a working tree or the index: undefined for absent files, throws on non-UTF-8. */
export function createSnapshotReader(snapshot: RepoSnapshot): TextReader {
  return async (path: RepoPath) => {
    if (!snapshot.files.has(path)) return undefined;
    const bytes = await snapshot.read(path);
    try {
      return decoder.decode(bytes);
    } catch {
      throw new Error('not valid UTF-8');
    }
  };
}
