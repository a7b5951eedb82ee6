/** Messages from the example worker to the page. The page checks each one's shape before use. */
export type WorkerReply =
  | { kind: 'started' }
  | { kind: 'line'; text: string }
  | { kind: 'done' }
  | { kind: 'error'; message: string; line?: number };

/** Is `data` a well-formed reply? (A hostile example cannot post, but the page trusts nothing.) */
export function isWorkerReply(data: unknown): data is WorkerReply {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  switch (d.kind) {
    case 'started':
    case 'done':
      return true;
    case 'line':
      return typeof d.text === 'string';
    case 'error':
      return typeof d.message === 'string' && (d.line === undefined || (typeof d.line === 'number' && Number.isInteger(d.line)));
    default:
      return false;
  }
}
