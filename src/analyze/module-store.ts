import { createHash } from 'node:crypto';
import type { ContentCache } from '../cache/open-cache.js';
import { decodeBoundNames, encodeBoundNames } from '../cache/bound-names-codec.js';
import { decodeParsedModule, encodeParsedModule } from '../cache/parsed-module-codec.js';
import { ParserUnavailableError, UnreadableFileError } from '../errors.js';
import { readBoundNames, type BoundNames } from '../python/bound-names.js';
import { loadPythonEngine } from '../python/parser.js';
import { decodePythonSource, type SourceFailure } from '../python/decode-source.js';
import { StringPool } from './intern-strings.js';
import type { ParsePool } from '../python/parse-pool.js';
import type { ParsedModule, RepoPath, RepoSnapshot } from '../types.js';

/**
 * The id git gives these bytes as a blob (in a SHA-1 repository): a working
 * tree check then caches a module under the key a staged check of the same
 * content looks up, so a commit made after `dockguard check` parses nothing
 * again.
 */
function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export type StoredModule = { ok: true; parsed: ParsedModule } | { ok: false; reason: string; assumption?: string };

/**
 * Cache namespaces of parsed modules, one per first two hex digits of the
 * content id: a hook run reads the few files holding the modules it needs
 * (~20 KB each for 5,000 modules) and a commit rewrites only the few it
 * adds to, where sixteen namespaces of ~300 KB cost a warm hook ~40 ms.
 * The cache itself is versioned with the tool.
 */
const namespaceOf = (id: string): string => `python-imports-${id.slice(0, 2)}`;
/** Few files are packages' `__init__.py`, so their bound names share one namespace. */
const BOUND_NAMES = 'python-bound-names';

interface Pending {
  /** Unique per version: the path, or the path and id of another version. */
  key: string;
  path: RepoPath;
  contentId: string | undefined;
  read: () => Promise<Buffer>;
  resolve: (m: StoredModule) => void;
  /** Only for a failure no file could escape (the parser cannot load): the whole check stops. */
  reject: (error: Error) => void;
}

/**
 * Reads and parses each repository file once, however many services reach
 * it. Requests made in the same tick are coalesced into one batch so the
 * parse pool gets work in sizes worth sending to a worker thread. Parsed
 * modules are cached by content id (the git blob id from the index, else a
 * hash of the bytes computed the same way), so an unchanged file is never
 * parsed twice.
 */
export class ModuleStore {
  private readonly results = new Map<string, Promise<StoredModule>>();
  private readonly boundNames = new Map<RepoPath, Promise<BoundNames | undefined>>();
  private pending: Pending[] = [];
  /** Modules parsed in a worker (a first check parses thousands) share their names' strings: see StringPool. */
  private readonly strings = new StringPool();
  private flushScheduled = false;

  constructor(
    private readonly snapshot: RepoSnapshot,
    private readonly pool: ParsePool,
    private readonly contentCache?: ContentCache,
  ) {}

  get(path: RepoPath): Promise<StoredModule> {
    return this.request(path, path, this.snapshot.contentId(path), () => this.snapshot.read(path));
  }

  /** Source written inline (a `COPY <<EOF` heredoc of the Dockerfile at `path`); `key` tells heredocs apart. */
  getInline(path: RepoPath, key: string, text: string): Promise<StoredModule> {
    return this.request(`${path}\0inline\0${key}`, path, undefined, async () => Buffer.from(text));
  }

  /**
   * Another version of a file than the snapshot's, such as the one HEAD has:
   * parsed and cached by its blob id like any other.
   */
  getVersion(path: RepoPath, id: string, read: () => Promise<Buffer>): Promise<StoredModule> {
    const readVersion = async () => {
      try {
        return await read();
      } catch (error) {
        throw new UnreadableFileError(path, `cannot be read at ${id.slice(0, 12)} (${(error as Error).message})`);
      }
    };
    return this.request(`${path}\0${id}`, path, id, readVersion);
  }

  /** One answer per `key`: from the cache when `contentId` has an entry, else queued for the next batch. */
  private request(key: string, path: RepoPath, contentId: string | undefined, read: () => Promise<Buffer>): Promise<StoredModule> {
    let result = this.results.get(key);
    if (!result) {
      const cached = contentId !== undefined ? this.readCache(contentId) : undefined;
      result = cached
        ? Promise.resolve({ ok: true, parsed: cached })
        : new Promise<StoredModule>((resolve, reject) => this.enqueue({ key, path, contentId, read, resolve, reject }));
      this.results.set(key, result);
    }
    return result;
  }

  /** The content id of a file of the snapshot (the git blob id from the index), when it has one. */
  contentId(path: RepoPath): string | undefined {
    return this.snapshot.contentId(path);
  }

  /** The run's cache, for analyses that keep results by content id. */
  get cache(): ContentCache | undefined {
    return this.contentCache;
  }

  /** The decoded source of a file. */
  async getText(path: RepoPath): Promise<string | undefined> {
    return (await this.getTextAndId(path))?.text;
  }

  /**
   * The decoded source of a file and its content id: the index's blob id, or
   * (with a cache) the same id computed from the bytes read, so that what a
   * working-tree check learns from a file is found again by a staged one.
   */
  async getTextAndId(path: RepoPath): Promise<{ text: string; id: string | undefined } | undefined> {
    const contentId = this.snapshot.contentId(path);
    const text = await this.readText({ path, contentId, read: () => this.snapshot.read(path) });
    return 'text' in text ? { text: text.text, id: contentId ?? text.hash } : undefined;
  }

  /**
   * The names a module binds (needed only for packages' `__init__.py`: to
   * tell `from pkg import Name` from an import of submodule `pkg.Name`),
   * parsed on this thread once per file however many services ask, and
   * cached by content id. Undefined when the file cannot be read.
   */
  getBoundNames(path: RepoPath): Promise<BoundNames | undefined> {
    let names = this.boundNames.get(path);
    if (!names) {
      const id = this.snapshot.contentId(path);
      const cached = id === undefined ? undefined : decodeBoundNames(this.contentCache?.get<unknown>(BOUND_NAMES, id));
      names = cached ? Promise.resolve(cached) : this.getText(path).then(async (text) => (text === undefined ? undefined : this.readBoundNames(text, id)));
      this.boundNames.set(path, names);
    }
    return names;
  }

  private async readBoundNames(text: string, id: string | undefined): Promise<BoundNames> {
    await loadPythonEngine();
    const bound = readBoundNames(text);
    if (id !== undefined) this.contentCache?.set(BOUND_NAMES, id, encodeBoundNames(bound));
    return bound;
  }

  private readCache(id: string): ParsedModule | undefined {
    const stored = this.contentCache?.get<unknown>(namespaceOf(id), id);
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

  /**
   * Each file is answered as soon as it is known: read errors and cache hits
   * at once, parsed files as their worker chunk returns. A walk waiting on a
   * large batch can then follow the first files' imports, and queue the next
   * level, while the workers are still busy with the rest of this one.
   */
  private async parseBatch(batch: Pending[]): Promise<void> {
    const texts = await Promise.all(batch.map((item) => this.readText(item)));
    const toParse: Array<{ key: string; text: string }> = [];
    const waiting = new Map<string, { resolve: Pending['resolve']; reject: Pending['reject']; cacheKey: string | undefined }>();
    batch.forEach(({ key, contentId, resolve, reject }, i) => {
      const text = texts[i]!;
      if ('error' in text) {
        resolve({ ok: false, reason: text.error, ...(text.assumption !== undefined ? { assumption: text.assumption } : {}) });
        return;
      }
      const cacheKey = contentId ?? text.hash;
      const cached = cacheKey !== undefined ? this.readCache(cacheKey) : undefined;
      if (cached) {
        resolve({ ok: true, parsed: cached });
        return;
      }
      toParse.push({ key, text: text.text });
      waiting.set(key, { resolve, reject, cacheKey });
    });
    if (toParse.length === 0) return;
    const deliver = (key: string, parsed: ParsedModule): void => {
      const wait = waiting.get(key);
      if (!wait) return;
      waiting.delete(key);
      this.strings.internModule(parsed);
      if (wait.cacheKey !== undefined) this.contentCache?.set(namespaceOf(wait.cacheKey), wait.cacheKey, encodeParsedModule(parsed));
      wait.resolve({ ok: true, parsed });
    };
    let failure = 'could not be parsed';
    try {
      await this.pool.parseMany(toParse, deliver);
    } catch (error) {
      if (error instanceof ParserUnavailableError) {
        for (const { reject } of waiting.values()) reject(error);
        return;
      }
      failure = `could not be parsed (${(error as Error).message})`;
    }
    for (const { resolve } of waiting.values()) resolve({ ok: false, reason: failure });
  }

  private async readText({ path, contentId, read }: Pick<Pending, 'path' | 'contentId' | 'read'>): Promise<({ text: string } | SourceFailure) & { hash?: string }> {
    try {
      const bytes = await read();
      const decoded = decodePythonSource(bytes, path);
      return this.contentCache && contentId === undefined ? { ...decoded, hash: gitBlobId(bytes) } : decoded;
    } catch (error) {
      if (error instanceof UnreadableFileError) return { error: error.reason };
      throw error;
    }
  }
}

