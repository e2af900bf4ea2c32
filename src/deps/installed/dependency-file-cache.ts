import type { RepoPath } from '../../types.js';
import { loadDependencyFile } from '../load-dependency-file.js';
import { readText } from '../read-text.js';
import type { DependencyFile, TextReader } from '../types.js';

/**
 * Dependency files of one run, each read and parsed once per Python version
 * however many services install it (monorepos share requirement files).
 */
export class DependencyFileCache {
  private readonly texts = new Map<RepoPath, Promise<string | { reason: string }>>();
  private readonly parsed = new Map<string, Promise<DependencyFile>>();
  private readonly cachedReader: TextReader;

  constructor(private readonly readRaw: TextReader) {
    this.cachedReader = async (path) => {
      const text = await this.text(path);
      if (typeof text === 'string') return text;
      if (text.reason === 'does not exist') return undefined;
      throw new Error(text.reason.replace(/^cannot be read \((.*)\)$/, '$1'));
    };
  }

  text(path: RepoPath): Promise<string | { reason: string }> {
    let text = this.texts.get(path);
    if (!text) this.texts.set(path, (text = readText(this.readRaw, path)));
    return text;
  }

  load(path: RepoPath, pythonVersion: string): Promise<DependencyFile> {
    const key = `${pythonVersion}\u0000${path}`;
    let file = this.parsed.get(key);
    if (!file) this.parsed.set(key, (file = loadDependencyFile(path, this.cachedReader, { pythonVersion })));
    return file;
  }

  /** Number of lines, for fixes that append at the end; 0 when unreadable. */
  async lineCount(path: RepoPath): Promise<number> {
    const text = await this.text(path);
    if (typeof text !== 'string') return 0;
    const lines = text.split(/\r\n|\n|\r/);
    return lines.at(-1) === '' ? lines.length - 1 : lines.length;
  }
}
