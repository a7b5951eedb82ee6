/**
 * The Web Worker that runs a reader's example: no DOM, no cookies, no storage. Network, nested
 * workers and the worker's own postMessage are removed before any example code runs, so an example
 * can only print through the captured console. The page terminates the worker after a time limit.
 */
import * as api from '../../src/lib/api.ts';
import { ExampleError, runExample } from '../../src/examples/execute.ts';
import type { WorkerReply } from './protocol.ts';

/** What this worker uses of its global scope (the DOM lib, not the WebWorker lib, is in scope for type checks). */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = scope.postMessage.bind(scope) as (reply: WorkerReply) => void;

const REMOVED = ['postMessage', 'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'BroadcastChannel', 'indexedDB', 'caches', 'close'];
for (let proto: object | null = scope; proto; proto = Object.getPrototypeOf(proto)) {
  for (const name of REMOVED) {
    try {
      if (Object.prototype.hasOwnProperty.call(proto, name)) delete (proto as Record<string, unknown>)[name];
    } catch {
      /* not configurable: shadowed below */
    }
  }
}
for (const name of REMOVED) {
  try {
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  } catch {
    /* already gone */
  }
}

let ran = false;
scope.onmessage = (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (ran || typeof data !== 'object' || data === null || typeof (data as { code?: unknown }).code !== 'string') return;
  ran = true; // one run per worker: a fresh worker has fresh globals
  scope.onmessage = null;
  post({ kind: 'started' });
  try {
    runExample((data as { code: string }).code, api, (text) => post({ kind: 'line', text }));
    post({ kind: 'done' });
  } catch (e) {
    const line = e instanceof ExampleError ? e.line : undefined;
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e), ...(line === undefined ? {} : { line }) });
  }
};
