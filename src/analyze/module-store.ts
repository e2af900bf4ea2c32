import { UnreadableFileError } from '../errors.js';
import { decodePythonSource } from '../python/decode-source.js';
import type { ParsePool } from '../python/parse-pool.js';
import type { ParsedModule, RepoPath, RepoSnapshot } from '../types.js';

export type StoredModule =
  | { ok: true; parsed: ParsedModule; /** kept only for package `__init__.py` files */ text?: string }
  | { ok: false; reason: string };

/**
 * Reads and parses each repository file once, however many services reach
 * it. Requests made in the same tick are coalesced into one batch so the
 * parse pool gets work in sizes worth sending to a worker thread.
 */
export class ModuleStore {
  private readonly results = new Map<RepoPath, Promise<StoredModule>>();
  private pending: Array<{ path: RepoPath; resolve: (m: StoredModule) => void }> = [];
  private flushScheduled = false;

  constructor(
    private readonly snapshot: RepoSnapshot,
    private readonly pool: ParsePool,
  ) {}

  get(path: RepoPath): Promise<StoredModule> {
    let result = this.results.get(path);
    if (!result) {
      result = new Promise<StoredModule>((resolve) => this.pending.push({ path, resolve }));
      this.results.set(path, result);
      this.scheduleFlush();
    }
    return result;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = this.pending;
      this.pending = [];
      void this.parseBatch(batch);
    });
  }

  private async parseBatch(batch: Array<{ path: RepoPath; resolve: (m: StoredModule) => void }>): Promise<void> {
    const texts = await Promise.all(batch.map(({ path }) => this.readText(path)));
    const items: Array<{ key: string; text: string }> = [];
    texts.forEach((t, i) => {
      if ('text' in t) items.push({ key: batch[i]!.path, text: t.text });
    });
    let parsed: Map<string, ParsedModule>;
    try {
      parsed = await this.pool.parseMany(items);
    } catch (error) {
      const reason = `could not be parsed (${(error as Error).message})`;
      for (const { resolve } of batch) resolve({ ok: false, reason });
      return;
    }
    batch.forEach(({ path, resolve }, i) => {
      const t = texts[i]!;
      if ('error' in t) return resolve({ ok: false, reason: t.error });
      const module = parsed.get(path);
      if (!module) return resolve({ ok: false, reason: 'could not be parsed' });
      resolve(path.endsWith('__init__.py') ? { ok: true, parsed: module, text: t.text } : { ok: true, parsed: module });
    });
  }

  private async readText(path: RepoPath): Promise<{ text: string } | { error: string }> {
    try {
      return decodePythonSource(await this.snapshot.read(path), path);
    } catch (error) {
      if (error instanceof UnreadableFileError) return { error: error.reason };
      throw error;
    }
  }
}
