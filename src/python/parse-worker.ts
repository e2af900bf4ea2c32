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
 * pile up. A full collection after every 64 files finds them dead, but Node
 * frees their native memory in finalizers that run from the event loop's
 * immediate queue, and a port with a request waiting delivers it before that
 * queue runs: fed without pause (a large first check), a worker never got
 * there and the process grew past 1 GB. So the answer is posted from the
 * immediate queue too, after the finalizers, and the next request cannot
 * arrive before they have run.
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
  parsedSinceCollection += request.items.length;
  if (parsedSinceCollection >= COLLECT_EVERY && typeof collectGarbage === 'function') {
    parsedSinceCollection = 0;
    collectGarbage();
  }
  setImmediate(() => port.postMessage(response));
});
