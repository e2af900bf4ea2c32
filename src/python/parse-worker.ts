import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { parseBatch, type ParseRequest, type ParseResponse } from './parse-batch.js';

/** Worker-thread side of the parse pool: one request is one batch, answered in one message. */
const port = parentPort;
if (!port) throw new Error('parse-worker.js must run as a worker thread of the parse pool');

/**
 * tree-sitter trees live in native memory that V8 does not see, so its
 * garbage collector, judging by a small JS heap, lets thousands of dead trees
 * pile up (hundreds of MB over a large repository). A full collection after
 * every 64 files frees them (peak RSS 320 -> 250 MB on the bench repo) for a few ms each.
 */
const COLLECT_EVERY = 64;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (() => void) | undefined;
let parsedSinceCollection = 0;

port.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, results: parseBatch(request.items) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
  parsedSinceCollection += request.items.length;
  if (parsedSinceCollection >= COLLECT_EVERY && typeof collectGarbage === 'function') {
    parsedSinceCollection = 0;
    collectGarbage();
  }
});
