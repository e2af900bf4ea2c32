import { parentPort } from 'node:worker_threads';
import { parseBatch, type ParseRequest, type ParseResponse } from './parse-batch.js';

/** Worker-thread side of the parse pool: one request is one batch, answered in one message. */
const port = parentPort;
if (!port) throw new Error('parse-worker.js must run as a worker thread of the parse pool');

port.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, results: parseBatch(request.items) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
