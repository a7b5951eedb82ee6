/**
 * A tiny static file server for the built site (dist/), on loopback only. Used by the e2e tests, the
 * benchmark and the screenshot script; it serves exactly what a static host would, including 404.html.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

async function resolveFile(root, urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (!file.startsWith(root)) return null;
  try {
    const s = await stat(file);
    if (s.isDirectory()) file = join(file, 'index.html');
    await stat(file);
    return file;
  } catch {
    return null;
  }
}

/**
 * Start serving `dir` on 127.0.0.1 (port 0 = any free port) under `base` (default "/"; a project
 * page is served under e.g. "/scaling-ledger/", and nothing outside it). Resolves to { url, close };
 * `url` has no trailing slash and does not include the base.
 */
export async function serveDist(dir = 'dist', port = 0, { base = '/' } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const full = new URL(req.url ?? '/', 'http://localhost').pathname;
    const path = full.startsWith(base) ? `/${full.slice(base.length)}` : null;
    const file = path === null ? null : await resolveFile(root, path);
    if (!file) {
      const notFound = await readFile(join(root, '404.html')).catch(() => 'Not found');
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      res.end(notFound);
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serveDist(process.argv[2] ?? 'dist', Number(process.env.PORT ?? 4321));
  console.log(`Serving dist/ at ${url}/`);
}
