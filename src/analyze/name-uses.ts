import { createHash } from 'node:crypto';
import type { ContentCache } from '../cache/open-cache.js';
import type { RepoPath } from '../types.js';

/**
 * Which files name which words: each file is read and scanned once per
 * batch of new names, however often and for however many services the
 * closures of one run ask (one per module store, see `nameUsesOf`).
 */
export class NameUses {
  /** Every name asked about so far, in the order first asked. */
  private readonly names: string[] = [];
  private readonly isKnown = new Set<string>();
  /** For each file, how many of `names` its text has been scanned for: a file is read again only for new names. */
  private readonly scannedUpTo = new Map<RepoPath, number>();
  private readonly usedIn = new Map<string, Set<RepoPath>>();
  private readonly inFlight = new Map<RepoPath, Promise<void>>();
  private readonly patterns = new Map<string, Batch>();
  private readonly batchCache = new Map<string, readonly string[] | undefined>();
  private readonly searchedSets = new Map<string, ReadonlySet<string> | undefined>();

  constructor(private readonly source: NameSource) {}

  async scan(files: Iterable<RepoPath>, names: ReadonlySet<string>): Promise<void> {
    for (const name of names) {
      if (this.isKnown.has(name)) continue;
      this.isKnown.add(name);
      this.names.push(name);
    }
    // 30 services share most of their closures: after the first, most files need no scan at all.
    // Files are read SCAN_WINDOW at a time: one at a time, each read waited for its own round trip to git.
    let window: Promise<void>[] = [];
    for (const file of files) {
      // Services are walked concurrently: a scan of this file another walk started must finish before its result counts.
      const running = this.inFlight.get(file);
      const from = this.scannedUpTo.get(file) ?? 0;
      if (from === this.names.length) {
        if (running) window.push(running);
      } else {
        this.scannedUpTo.set(file, this.names.length);
        const batch = this.batchFrom(from);
        const job = running ? running.then(() => this.scanFile(file, batch)) : this.scanFile(file, batch);
        this.inFlight.set(file, job);
        window.push(job);
      }
      if (window.length >= SCAN_WINDOW) {
        await Promise.all(window);
        window = [];
      }
    }
    await Promise.all(window);
  }

  /**
   * The pattern for the names from `from` on, compiled once per batch of names: most files are
   * scanned for the same batch, and compiling an alternation of hundreds of names for each file
   * cost more than the scans themselves. `key` names the batch in the cache.
   */
  private batchFrom(from: number): Batch {
    const id = `${from}:${this.names.length}`;
    let batch = this.patterns.get(id);
    if (!batch) {
      const names = this.names.slice(from);
      batch = {
        names,
        nameSet: new Set(names),
        pattern: new RegExp(`(?<![\\p{ID_Continue}])(?:${names.join('|')})(?![\\p{ID_Continue}])`, 'gu'),
        key: createHash('sha1').update(names.join('\0')).digest('hex').slice(0, 16),
      };
      this.patterns.set(id, batch);
    }
    return batch;
  }

  /**
   * Which names of the batch a file's text holds. By content id, what was
   * learnt is kept in the cache (it depends on nothing else): a hook run that
   * checks a service again reads none of the files whose text was searched
   * for these names before, by any earlier run, where reading and scanning
   * each cost ~0.25 s for a service of 670 modules.
   */
  private async scanFile(file: RepoPath, batch: Batch): Promise<void> {
    const known = this.source.contentId(file);
    const recorded = known === undefined ? undefined : this.readRecord(known);
    let found: readonly string[];
    if (recorded && batch.names.every((name) => recorded.searched.has(name))) found = recorded.found.filter((name) => batch.nameSet.has(name));
    else {
      const read = await this.source.getTextAndId(file);
      if (read === undefined) return;
      // matchAll copies the pattern, so one compiled pattern serves concurrent scans.
      const holds = new Set(Array.from(read.text.matchAll(batch.pattern), (match) => match[0]));
      // The batch's own strings, not the matches: a match is a slice that keeps the file's whole text alive
      // for as long as the run knows the name (~10 MB of source held by a check of every service).
      found = batch.names.filter((name) => holds.has(name));
      if (read.id !== undefined) this.writeRecord(read.id, batch, found);
    }
    for (const name of found) {
      const where = this.usedIn.get(name) ?? new Set<RepoPath>();
      where.add(file);
      this.usedIn.set(name, where);
    }
  }

  /**
   * What earlier runs learnt of a file's text (by content id): the batches of
   * names it was searched for and the names it holds. A batch's names are
   * stored once, under the batch's key, however many files were searched for them.
   */
  private readRecord(id: string): { searched: ReadonlySet<string>; found: string[] } | undefined {
    const entry = this.source.cache?.get<unknown>(namespaceOf(id), id);
    if (!isUsesEntry(entry)) return undefined;
    const searched = this.namesOfBatches(entry.batches);
    return searched && { searched, found: entry.found };
  }

  /** The names of several batches, worked out once per run for each list of batches (most files share one). */
  private namesOfBatches(keys: readonly string[]): ReadonlySet<string> | undefined {
    const id = keys.join(',');
    if (!this.searchedSets.has(id)) {
      const names = keys.map((key) => this.batchNames(key));
      this.searchedSets.set(id, names.every((n) => n !== undefined) ? new Set(names.flat()) : undefined);
    }
    return this.searchedSets.get(id);
  }

  private writeRecord(id: string, batch: Batch, found: readonly string[]): void {
    const cache = this.source.cache;
    if (!cache) return;
    if (this.batchNames(batch.key) === undefined) {
      cache.set(BATCHES, batch.key, batch.names);
      this.batchCache.set(batch.key, batch.names);
    }
    const entry = cache.get<unknown>(namespaceOf(id), id);
    const before = isUsesEntry(entry) ? entry : { batches: [], found: [] };
    if (before.batches.includes(batch.key)) return;
    cache.set(namespaceOf(id), id, { batches: [...before.batches, batch.key], found: [...new Set([...before.found, ...found])] } satisfies UsesEntry);
  }

  private batchNames(key: string): readonly string[] | undefined {
    if (!this.batchCache.has(key)) {
      const names = this.source.cache?.get<unknown>(BATCHES, key);
      this.batchCache.set(key, isNameList(names) ? names : undefined);
    }
    return this.batchCache.get(key);
  }

  /** True when a file of `files` other than `own` names `name`. */
  isUsedOutside(name: string, own: RepoPath, files: ReadonlySet<RepoPath>): boolean {
    for (const file of this.usedIn.get(name) ?? []) if (file !== own && files.has(file)) return true;
    return false;
  }
}

/** Where NameUses reads files, and where it keeps what it found (see `scanFile`). */
export interface NameSource {
  /** The text, and its content id when one is known or was computed from the bytes read. */
  getTextAndId(file: RepoPath): Promise<{ text: string; id: string | undefined } | undefined>;
  /** The file's content id without reading it, when the snapshot has one (the index); undefined otherwise. */
  contentId(file: RepoPath): string | undefined;
  cache?: ContentCache | undefined;
}

/** A batch of names searched for together: the names, their pattern, and a key naming them in the cache. */
interface Batch {
  names: readonly string[];
  nameSet: ReadonlySet<string>;
  pattern: RegExp;
  key: string;
}

/** The cached record of a file's text: the keys of the batches it was searched for, and the names found. */
interface UsesEntry {
  batches: string[];
  found: string[];
}

/** Sixteen namespaces by content id: a hook run reads the few that hold its files' entries. */
const namespaceOf = (id: string): string => `name-uses-${id[0]}`;
const BATCHES = 'name-batches';
const isNameList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isUsesEntry = (value: unknown): value is UsesEntry =>
  typeof value === 'object' && value !== null && isNameList((value as UsesEntry).batches) && isNameList((value as UsesEntry).found);

/** Files read and scanned at once: enough to fill git's pipe, few enough to hold little text at a time. */
const SCAN_WINDOW = 64;

const shared = new WeakMap<object, NameUses>();

/** The run's one NameUses, keyed by the run's module store (the same files, read once). */
export function nameUsesOf(store: NameSource): NameUses {
  let uses = shared.get(store);
  if (!uses) shared.set(store, (uses = new NameUses(store)));
  return uses;
}
