import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { ParserUnavailableError } from '../errors.js';
import { parseBatch, type ParseRequest, type ParseResponse } from './parse-batch.js';
import { loadPythonEngine } from './parser.js';

/** Worker-thread side of the parse pool: one request is one batch, answered in one message. */
const port = parentPort;
if (!port) throw new Error('parse-worker.js must run as a worker thread of the parse pool');

/**
 * tree-sitter trees live in native memory that V8 does not see. Most die
 * young and go with the small young generation's frequent scavenges; those
 * that outlive one wait for a full collection, which V8, judging by a tiny
 * JS heap, would put off while the process grows by hundreds of MB. So a full
 * collection runs after every 4 MB of source parsed: tree memory follows
 * source size. On the bench repository, collecting after every 64 files cost
 * up to 12% of parse time; this bound's cost is within measurement noise.
 *
 * Node frees a dead tree's native memory in a finalizer run from the event
 * loop's immediate queue, and a port with a request waiting delivers it before
 * that queue runs: fed without pause (a large first check), a worker never got
 * there and the process grew past 1 GB. So the answer is posted from the
 * immediate queue too, after the finalizers, and the next request cannot
 * arrive before they have run.
 */
const COLLECT_AFTER_CHARS = 4 * 1024 * 1024;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as (() => void) | undefined;
let charsSinceCollection = 0;

port.on('message', async (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    // The pool sends a worker one request at a time, so waiting here cannot reorder answers.
    const engine = await loadPythonEngine();
    response = { id: request.id, results: parseBatch(request.items), engine: engine.name };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    if (error instanceof ParserUnavailableError) response.parserUnavailable = { detail: error.detail, hint: error.hint };
  }
  for (const item of request.items) charsSinceCollection += item.text.length;
  if (charsSinceCollection >= COLLECT_AFTER_CHARS && typeof collectGarbage === 'function') {
    charsSinceCollection = 0;
    collectGarbage();
  }
  setImmediate(() => port.postMessage(response));
});
