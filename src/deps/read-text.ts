import type { RepoPath } from '../types.js';
import type { TextReader } from './types.js';

/** Text of a file, or why it could not be had (missing, or the reader failed to decode it). */
export async function readText(reader: TextReader, path: RepoPath): Promise<string | { reason: string }> {
  try {
    const text = await reader(path);
    return text === undefined ? { reason: 'does not exist' } : text;
  } catch (error) {
    return { reason: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}
