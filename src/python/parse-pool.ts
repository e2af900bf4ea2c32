import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { ParserUnavailableError } from '../errors.js';
import type { ParsedModule } from '../types.js';
import { parseBatch, type ParseItem, type ParseRequest, type ParseResponse } from './parse-batch.js';
import { loadPythonEngine } from './parser.js';
import type { EngineName } from './syntax-node.js';

export type { ParseItem } from './parse-batch.js';

export interface ParsePoolOptions {
  /** Worker threads to use at most; 0 parses everything in the calling thread. */
  workers?: number;
  /** Calls with fewer items are parsed in the calling thread while no worker runs: starting one costs more. */
  inThreadBelow?: number;
  /** The worker script; by default `parse-worker.js` next to this file once compiled. */
  workerScript?: URL;
}

export interface ParsePoolStats {
  inThread: number;
  inWorkers: number;
  workersStarted: number;
  /** The parser that ran, once a file was parsed (every thread chooses the same way). */
  engine?: EngineName;
}

export interface ParsePool {
  /**
   * Parses every item; the map follows the items' order. Rejects (never hangs) if a worker dies.
   * `onParsed` hears of each result as soon as its chunk is done, so a caller can act on the
   * first files of a large batch (and send more work) while the workers parse the rest.
   */
  parseMany(items: readonly ParseItem[], onParsed?: OnParsed): Promise<Map<string, ParsedModule>>;
  stats(): ParsePoolStats;
  /** Stops the workers; calls still running are rejected. */
  close(): Promise<void>;
}

/**
 * Starting a worker (a new isolate loading tree-sitter) cost ~140 ms of CPU
 * in our measurements, about what 40 modules of 300 lines take to parse.
 */
const IN_THREAD_BELOW = 40;
const MAX_CHUNK = 64;
/** Parsing in the calling thread yields this often so tree finalizers and I/O get their turn. */
const YIELD_EVERY = 32;

export type OnParsed = (key: string, parsed: ParsedModule) => void;

/**
 * A run that needs parse workers holds thousands of modules: it grows its heap by 40% at a time instead of
 * V8's up-to-fourfold for a young heap, under which a full check of 3,000 modules carried ~100 MB of garbage
 * into its peak (peak RSS 320-375 MB, 282-297 MB with this, same CPU time). Only then: set for every run,
 * it cost a warm hook check of one service an extra full collection (~13 ms), and set before the CLI's
 * bundle loads, 10-20 ms more (V8 matches code caches against its flags).
 */
let heapGrowthLimited = false;
function limitHeapGrowth(): void {
  if (heapGrowthLimited) return;
  heapGrowthLimited = true;
  setFlagsFromString('--heap-growing-percent=40');
}

interface Job {
  items: readonly ParseItem[];
  onParsed: OnParsed | undefined;
  results: Map<string, ParsedModule>;
  pendingChunks: number;
  settled: boolean;
  resolve(results: Map<string, ParsedModule>): void;
  reject(error: Error): void;
}

interface Chunk {
  job: Job;
  items: ParseItem[];
  /** Sent on its own: it was part of a merged request that failed, and must not fail other calls again. */
  alone?: boolean;
}

interface Slot {
  worker: Worker;
  /** The request in flight: its chunks, whose items it carries in order. */
  busy: { id: number; chunks: Chunk[] } | undefined;
}

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = options.workers ?? Math.min(2, os.availableParallelism());
  const inThreadBelow = options.inThreadBelow ?? IN_THREAD_BELOW;
  const script = options.workerScript ?? new URL('./parse-worker.js', import.meta.url);
  // Run from TypeScript sources (vitest) there is no compiled worker: parse in-thread instead.
  const canUseWorkers = size > 0 && existsSync(fileURLToPath(script));
  const slots: Slot[] = [];
  const queue: Chunk[] = [];
  const counts: ParsePoolStats = { inThread: 0, inWorkers: 0, workersStarted: 0 };
  let nextRequestId = 1;
  let closed = false;

  const settle = (job: Job, error?: Error): void => {
    if (job.settled) return;
    job.settled = true;
    if (error) return job.reject(error);
    job.resolve(new Map(job.items.map((item) => [item.key, job.results.get(item.key)!])));
  };

  const startWorker = (): void => {
    limitHeapGrowth();
    // A small young generation makes V8 collect often, and each collection frees the native
    // memory of dead tree-sitter trees that V8 cannot see.
    const slot: Slot = { worker: new Worker(script, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 } }), busy: undefined };
    counts.workersStarted += 1;
    // An idle pool must never keep the process alive; a busy worker is ref'd again while it works.
    slot.worker.unref();
    slot.worker.on('message', (response: ParseResponse) => finishRequest(slot, response));
    slot.worker.on('error', (error) => retire(slot, `parse worker crashed: ${error.message}`));
    slot.worker.on('exit', (code) => retire(slot, `parse worker exited unexpectedly (exit code ${code})`));
    slots.push(slot);
  };

  const retire = (slot: Slot, reason: string): void => {
    const index = slots.indexOf(slot);
    if (index === -1) return;
    slots.splice(index, 1);
    for (const chunk of slot.busy?.chunks ?? []) settle(chunk.job, new Error(reason));
    void slot.worker.terminate();
    dispatch();
  };

  const finishRequest = (slot: Slot, response: ParseResponse): void => {
    const chunks = slot.busy?.id === response.id ? slot.busy.chunks : [];
    slot.busy = undefined;
    slot.worker.unref();
    // A file that breaks the extraction (a bug in dockguard) fails its own call, not the calls its chunk was
    // merged with: each chunk is sent again alone. The parser failing to load fails every call alike.
    if ('error' in response && response.parserUnavailable === undefined && chunks.length > 1) {
      queue.unshift(...chunks.map((chunk) => ({ ...chunk, alone: true })));
      dispatch();
      return;
    }
    let offset = 0;
    for (const chunk of chunks) {
      if ('error' in response) {
        const unavailable = response.parserUnavailable;
        settle(chunk.job, unavailable !== undefined ? new ParserUnavailableError(unavailable.detail, unavailable.hint) : new Error(response.error));
        continue;
      }
      // The worker answers the request's items in order: each chunk's results follow the previous chunk's.
      for (const [key, parsed] of response.results.slice(offset, offset + chunk.items.length)) {
        chunk.job.results.set(key, parsed);
        chunk.job.onParsed?.(key, parsed);
      }
      offset += chunk.items.length;
      chunk.job.pendingChunks -= 1;
      if (chunk.job.pendingChunks === 0) settle(chunk.job);
    }
    if ('results' in response) {
      counts.inWorkers += response.results.length;
      counts.engine = response.engine;
    }
    dispatch();
  };

  /**
   * The chunks for one request: queued chunks (of any jobs) merged up to a
   * share of what is queued. A walk asks for a few files at a time as it
   * reaches them; sent one message each, the workers spent their time waiting
   * for the next message instead of parsing.
   */
  const takeChunks = (): Chunk[] => {
    const queuedItems = queue.reduce((sum, chunk) => sum + (chunk.job.settled ? 0 : chunk.items.length), 0);
    const target = Math.min(MAX_CHUNK, Math.max(1, Math.ceil(queuedItems / (size * 2))));
    const taken: Chunk[] = [];
    let items = 0;
    while (queue.length > 0 && items < target) {
      const chunk = queue.shift()!;
      if (chunk.job.settled) continue;
      if (items > 0 && (chunk.alone || items + chunk.items.length > MAX_CHUNK)) {
        queue.unshift(chunk);
        break;
      }
      taken.push(chunk);
      items += chunk.items.length;
      if (chunk.alone) break;
    }
    return taken;
  };

  const dispatch = (): void => {
    while (queue.length > 0 && queue[0]!.job.settled) queue.shift();
    const idle = slots.filter((slot) => !slot.busy).length;
    for (let missing = Math.min(queue.length - idle, size - slots.length); missing > 0; missing--) startWorker();
    for (const slot of slots) {
      if (slot.busy) continue;
      const chunks = takeChunks();
      if (chunks.length === 0) break;
      const request: ParseRequest = { id: nextRequestId++, items: chunks.flatMap((chunk) => chunk.items) };
      slot.busy = { id: request.id, chunks };
      slot.worker.ref();
      slot.worker.postMessage(request);
    }
  };

  const parseInThread = async (items: readonly ParseItem[], onParsed: OnParsed | undefined): Promise<Map<string, ParsedModule>> => {
    const results = new Map<string, ParsedModule>();
    if (items.length > 0) counts.engine = (await loadPythonEngine()).name;
    for (let start = 0; start < items.length; start += YIELD_EVERY) {
      if (start > 0) await new Promise(setImmediate);
      for (const [key, parsed] of parseBatch(items.slice(start, start + YIELD_EVERY))) {
        results.set(key, parsed);
        onParsed?.(key, parsed);
      }
    }
    counts.inThread += items.length;
    return results;
  };

  const parseInWorkers = (items: readonly ParseItem[], onParsed: OnParsed | undefined): Promise<Map<string, ParsedModule>> =>
    new Promise((resolve, reject) => {
      const chunkSize = Math.min(MAX_CHUNK, Math.ceil(items.length / (size * 4)));
      const job: Job = { items, onParsed, results: new Map(), pendingChunks: 0, settled: false, resolve, reject };
      for (let start = 0; start < items.length; start += chunkSize) {
        queue.push({ job, items: items.slice(start, start + chunkSize) });
        job.pendingChunks += 1;
      }
      dispatch();
    });

  return {
    parseMany(items, onParsed) {
      if (closed) return Promise.reject(new Error('parse pool is closed'));
      // Small jobs stay in this thread only while no worker is running: once one is, its start is paid for.
      // Counted over the run: a walk asks level by level, and small levels add up to a large walk.
      if (!canUseWorkers || items.length === 0 || (slots.length === 0 && counts.inThread + items.length < inThreadBelow)) return parseInThread(items, onParsed);
      return parseInWorkers(items, onParsed);
    },
    stats: () => ({ ...counts }),
    async close() {
      closed = true;
      const stopping = slots.splice(0);
      for (const chunk of queue.splice(0)) settle(chunk.job, new Error('parse pool closed'));
      for (const slot of stopping) for (const chunk of slot.busy?.chunks ?? []) settle(chunk.job, new Error('parse pool closed'));
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
