// A clinic's web site as the wire bench loads it: the bench pages, the script-tag bundles under /cdn/ and the
// Frontdesk API under /api/, all on one HTTPS origin over HTTP/2, every response compressed by Accept-Encoding
// (brotli or gzip) the way a clinic's web server or CDN serves them. Static files are compressed once at the highest
// levels (as a build step or a CDN does); API responses are compressed per request at the levels web servers use for
// dynamic content, unless the API already compressed them itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createSecureServer } from 'node:http2';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
// The API behind the pages: the demo clinic server (@frontdesk/server on an in-memory PGlite with the demo clinic).
// Switching to another server is this one line: any `start({ port: 0, quiet: true })` that resolves to
// `{ server, origin }` and serves the REST contract under /api/.
import { startDemoServer as startApi } from '../examples/serve.mjs';

const root = resolve(import.meta.dirname, '..');
const cdnDir = join(root, 'packages/frontdesk/dist/cdn');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Each encoding a clinic's server offers, best first, with how it compresses static and dynamic responses. */
const ENCODINGS = [
  {
    name: 'br',
    static: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    dynamic: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  },
  { name: 'gzip', static: (b) => gzipSync(b, { level: 9 }), dynamic: (b) => gzipSync(b, { level: 6 }) },
];

/** The encoding to answer with: the first we offer that the request accepts (q=0 refuses it). */
export function pickEncoding(acceptEncoding = '') {
  const accepted = new Map();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim().toLowerCase(), q ? Number(q.slice(2)) : 1);
  }
  return ENCODINGS.find((e) => (accepted.get(e.name) ?? accepted.get('*') ?? 0) > 0);
}

/** A self-signed certificate for 127.0.0.1 (browsers speak HTTP/2 only over TLS), made once with openssl. */
function certificate() {
  const dir = join(root, '.cache/bench-tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=127.0.0.1'].concat([
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          key,
          '-out',
          cert,
        ]),
        { stdio: 'ignore' },
      );
    } catch (error) {
      throw new Error(`the wire bench serves HTTPS and needs openssl on the PATH (${error.message})`);
    }
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/** Every file under `dir`, compressed both ways once: path -> { type, raw, br, gzip }. */
function compressTree(dir, prefix, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compressTree(path, `${prefix}${name}/`, out);
      continue;
    }
    const type = TYPES[extname(name)];
    if (!type || name.endsWith('.map')) continue;
    out.set(`${prefix}${name}`, staticEntry(type, readFileSync(path)));
  }
  return out;
}

function staticEntry(type, raw) {
  return { type, raw, ...Object.fromEntries(ENCODINGS.map((e) => [e.name, e.static(raw)])) };
}

/**
 * Start the site. `pages` maps a path (`/provider-card.html`) to its HTML. Resolves to `{ origin, close }`; the
 * origin is https://127.0.0.1:PORT with a self-signed certificate (the browser context must ignore HTTPS errors).
 */
export async function startClinicSite({ pages }) {
  const files = compressTree(cdnDir, '/cdn/');
  for (const [path, html] of Object.entries(pages)) files.set(path, staticEntry(TYPES['.html'], Buffer.from(html)));
  const api = await startApi({ port: 0, quiet: true });

  const server = createSecureServer({ ...certificate(), allowHTTP1: true }, (req, res) => {
    const path = new URL(req.url, 'https://x').pathname;
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (path.startsWith('/api/') || path.startsWith('/photos/')) {
      proxy(api.origin, req, res, encoding);
      return;
    }
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    send(res, 200, file.type, encoding ? file[encoding.name] : file.raw, encoding?.name);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `https://127.0.0.1:${server.address().port}`,
    async close() {
      await new Promise((done) => server.close(done));
      api.server.closeAllConnections();
      await new Promise((done) => api.server.close(done));
    },
  };
}

function send(res, status, type, body, encoding) {
  const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(status, headers);
  res.end(body);
}

/** Forward to the API on its own port, as a clinic's front server does; compress what it did not. */
function proxy(upstream, req, res, encoding) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith(':') && name !== 'connection') headers[name] = value;
  }
  const forward = request(`${upstream}${req.url}`, { method: req.method, headers }, (answer) => {
    const chunks = [];
    answer.on('data', (chunk) => chunks.push(chunk));
    answer.on('end', () => {
      const body = Buffer.concat(chunks);
      const out = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) out[name] = value;
      }
      // An API that compresses by itself is passed through byte for byte.
      if (!out['content-encoding'] && encoding && body.length > 0) {
        res.writeHead(answer.statusCode, { ...out, 'content-encoding': encoding.name, vary: 'accept-encoding' });
        res.end(encoding.dynamic(body));
        return;
      }
      res.writeHead(answer.statusCode, out);
      res.end(body);
    });
  });
  forward.on('error', (error) =>
    res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream: ${error.message}`),
  );
  req.pipe(forward);
}
