import { createHash } from 'node:crypto';
import type { ContentCache } from '../cache/open-cache.js';
import { decodeParsedModule, encodeParsedModule } from '../cache/parsed-module-codec.js';
import { UnreadableFileError } from '../errors.js';
import { decodePythonSource } from '../python/decode-source.js';
import type { ParsePool } from '../python/parse-pool.js';
import type { ParsedModule, RepoPath, RepoSnapshot } from '../types.js';

export type StoredModule = { ok: true; parsed: ParsedModule } | { ok: false; reason: string };

/**
 * Cache namespaces of parsed modules, one per first hex digit of the content
 * id: a commit adds a few entries, and only their sixteenths are rewritten.
 * The cache itself is versioned with the tool.
 */
const namespaceOf = (id: string): string => `python-imports-${id[0]}`;

interface Pending {
  path: RepoPath;
  resolve: (m: StoredModule) => void;
}

/**
 * Reads and parses each repository file once, however many services reach
 * it. Requests made in the same tick are coalesced into one batch so the
 * parse pool gets work in sizes worth sending to a worker thread. Parsed
 * modules are cached by content id (the git blob id from the index, else a
 * hash of the bytes), so an unchanged file is never parsed twice.
 */
export class ModuleStore {
  private readonly results = new Map<RepoPath, Promise<StoredModule>>();
  private pending: Pending[] = [];
  private flushScheduled = false;

  constructor(
    private readonly snapshot: RepoSnapshot,
    private readonly pool: ParsePool,
    private readonly cache?: ContentCache,
  ) {}

  get(path: RepoPath): Promise<StoredModule> {
    let result = this.results.get(path);
    if (!result) {
      const id = this.snapshot.contentId(path);
      const cached = id !== undefined ? this.readCache(id) : undefined;
      result = cached ? Promise.resolve({ ok: true, parsed: cached }) : new Promise<StoredModule>((resolve) => this.enqueue({ path, resolve }));
      this.results.set(path, result);
    }
    return result;
  }

  /** The decoded source of a file (rarely needed: to see what a package `__init__.py` defines). */
  async getText(path: RepoPath): Promise<string | undefined> {
    const text = await this.readText(path);
    return 'text' in text ? text.text : undefined;
  }

  private readCache(id: string): ParsedModule | undefined {
    const stored = this.cache?.get<unknown>(namespaceOf(id), id);
    return stored === undefined ? undefined : decodeParsedModule(stored);
  }

  private enqueue(item: Pending): void {
    this.pending.push(item);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const batch = this.pending;
      this.pending = [];
      void this.parseBatch(batch);
    });
  }

  private async parseBatch(batch: Pending[]): Promise<void> {
    const texts = await Promise.all(batch.map(({ path }) => this.readText(path)));
    const keys = batch.map(({ path }, i) => this.snapshot.contentId(path) ?? texts[i]!.hash);
    const toParse: Array<{ key: string; text: string }> = [];
    const fromCache = new Map<string, ParsedModule>();
    texts.forEach((t, i) => {
      if (!('text' in t)) return;
      const cached = keys[i] !== undefined ? this.readCache(keys[i]!) : undefined;
      if (cached) fromCache.set(batch[i]!.path, cached);
      else toParse.push({ key: batch[i]!.path, text: t.text });
    });
    let parsed: Map<string, ParsedModule>;
    try {
      parsed = await this.pool.parseMany(toParse);
    } catch (error) {
      const reason = `could not be parsed (${(error as Error).message})`;
      for (const { resolve } of batch) resolve({ ok: false, reason });
      return;
    }
    batch.forEach(({ path, resolve }, i) => {
      const t = texts[i]!;
      const module = fromCache.get(path) ?? parsed.get(path);
      if ('error' in t) resolve({ ok: false, reason: t.error });
      else if (!module) resolve({ ok: false, reason: 'could not be parsed' });
      else {
        if (!fromCache.has(path) && keys[i] !== undefined) this.cache?.set(namespaceOf(keys[i]!), keys[i]!, encodeParsedModule(module));
        resolve({ ok: true, parsed: module });
      }
    });
  }

  private async readText(path: RepoPath): Promise<({ text: string } | { error: string }) & { hash?: string }> {
    try {
      const bytes = await this.snapshot.read(path);
      const decoded = decodePythonSource(bytes, path);
      return this.cache && this.snapshot.contentId(path) === undefined ? { ...decoded, hash: createHash('sha1').update(bytes).digest('hex') } : decoded;
    } catch (error) {
      if (error instanceof UnreadableFileError) return { error: error.reason };
      throw error;
    }
  }
}

