/**
 * Example code in a link: `#<example id>~<payload>`, payload = base64url(deflate-raw(UTF-8 code)),
 * with the browser's own CompressionStream (no library). Decoding is defensive: a link is hostile
 * input, so lengths are capped before any work and any damage gives a clear message, never a throw.
 */

/** Longest payload a share link may carry (characters of base64url). */
export const MAX_PAYLOAD_CHARS = 8000;
/** Longest code a link may expand to (characters), whatever its compressed size. */
export const MAX_CODE_CHARS = 20_000;

const PAYLOAD = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform as TransformStream<Uint8Array, Uint8Array>);
}

/** The result of encoding: the payload, or why the code cannot be shared by link. */
export type Encoded = { ok: true; payload: string } | { ok: false; message: string };

/** Compress `code` into a link payload; refuses (with a message) code whose payload exceeds the limit. */
export async function encodeCode(code: string): Promise<Encoded> {
  if (code.length > MAX_CODE_CHARS) {
    return { ok: false, message: `This code is too long to share by link (${code.length.toLocaleString('en')} characters; the limit is ${MAX_CODE_CHARS.toLocaleString('en')}).` };
  }
  const bytes = await readAll(pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw')), Infinity);
  const payload = toBase64Url(bytes ?? new Uint8Array());
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return { ok: false, message: `This code is too long to share by link (${payload.length.toLocaleString('en')} characters compressed; the limit is ${MAX_PAYLOAD_CHARS.toLocaleString('en')}). Shorten it, or copy the code itself.` };
  }
  return { ok: true, payload };
}

/** The result of decoding: the code, or a message for the reader. */
export type Decoded = { ok: true; code: string } | { ok: false; message: string };

const DAMAGED = 'The code in this link could not be read: the link is damaged or incomplete. The original example is shown instead.';

/** Expand a link payload back into code; never throws. */
export async function decodeCode(payload: string): Promise<Decoded> {
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return { ok: false, message: `The code in this link is too long (${payload.length.toLocaleString('en')} characters; the limit is ${MAX_PAYLOAD_CHARS.toLocaleString('en')}). The original example is shown instead.` };
  }
  if (!PAYLOAD.test(payload)) return { ok: false, message: DAMAGED };
  try {
    const bytes = await readAll(pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw')), MAX_CODE_CHARS * 4);
    if (!bytes) return { ok: false, message: `The code in this link expands to more than the limit of ${MAX_CODE_CHARS.toLocaleString('en')} characters. The original example is shown instead.` };
    const code = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (code.length > MAX_CODE_CHARS) return { ok: false, message: DAMAGED };
    return { ok: true, code };
  } catch {
    return { ok: false, message: DAMAGED };
  }
}

/** `#<id>~<payload>` of a share link, or undefined when the fragment is not one. Checks the length before matching. */
export function parseShareFragment(hash: string): { id: string; payload: string } | undefined {
  const m = /^#(ex-[a-z0-9]+(?:-[a-z0-9]+)*)~/.exec(hash.slice(0, 80));
  if (!m || !m[1]) return undefined;
  return { id: m[1], payload: hash.slice(m[0].length) };
}

/** The fragment that shares `payload` for example `id`. */
export function shareFragment(id: string, payload: string): string {
  return `#${id}~${payload}`;
}
