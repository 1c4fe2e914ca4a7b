// A SMART Scheduling Links publisher on 127.0.0.1 for tests and browser tests: serves a `$bulk-publish` manifest and
// NDJSON files with strong ETags, `Cache-Control` and `If-None-Match` / 304, records every request (to check the
// conditional ones), and can stream generated files of any size with backpressure, never holding them whole.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';

/** Where the public example files were published; the manifest's URLs are rewritten from it to this server. */
export const EXAMPLES_ORIGIN =
  'https://raw.githubusercontent.com/smart-on-fhir/smart-scheduling-links/master/examples/';
export const EXAMPLES_DIR = resolve(import.meta.dirname, '../fixtures/smart-scheduling-links');

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Accept',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Cache-Control, Age',
};

/** A route's key: the path, and the query in one canonical encoding (`?_since=...` variants of the manifest). */
function routeKey(path, search = '') {
  const query = new URLSearchParams(search).toString();
  return query ? `${path}?${query}` : path;
}

const etagOf = (text) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;

/** Lines batched into chunks of about 64 KB, written as fast as the client reads them and no faster. */
async function streamLines(res, lines, record) {
  let chunk = '';
  record.bytes = 0;
  for await (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 65_536) {
      record.bytes += Buffer.byteLength(chunk);
      if (!res.write(chunk)) await once(res, 'drain');
      chunk = '';
    }
    if (res.destroyed) return;
  }
  record.bytes += Buffer.byteLength(chunk);
  res.end(chunk);
}

/**
 * Start a publisher. `put(path, body, options)` serves `body` (a string, or a function returning an iterable of
 * lines, generated per request) at `path`; `options`: `cacheControl`, `etag` (for generated bodies), `status`.
 * `serveExamples()` publishes the example files under /examples/ with the manifest's URLs pointing here.
 */
export async function startPublisher({ cacheControl = 'max-age=0' } = {}) {
  const routes = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const record = {
      method: req.method,
      path,
      query: url.search,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
    };
    requests.push(record);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET' });
      return res.end();
    }
    const route = routes.get(routeKey(path, url.search)) ?? routes.get(path);
    if (!route) {
      res.writeHead(404, { ...CORS, 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    const headers = {
      ...CORS,
      'Content-Type': route.contentType,
      'Cache-Control': route.cacheControl ?? cacheControl,
      ...(route.etag ? { ETag: route.etag } : {}),
      ...(route.lastModified ? { 'Last-Modified': route.lastModified } : {}),
    };
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(route.status ?? 200, headers);
    res.on('error', () => {});
    if (typeof route.body === 'string') return res.end(route.body);
    await streamLines(res, route.body(), record).catch(() => res.destroy());
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const publisher = {
    origin,
    requests,
    manifestUrl: `${origin}/examples/$bulk-publish`,
    put(path, body, options = {}) {
      const [pathname, search] = path.split('?', 2);
      const json = pathname.endsWith('publish') || pathname.endsWith('.json');
      routes.set(routeKey(pathname, search), {
        body,
        contentType: json ? 'application/json' : 'application/fhir+ndjson',
        etag: options.etag ?? (typeof body === 'string' ? etagOf(body) : undefined),
        lastModified: options.lastModified,
        cacheControl: options.cacheControl,
        status: options.status,
      });
    },
    /**
     * A manifest at `path` listing `outputs` ({ type, url, extension }), URLs relative to this server. A `path` with a
     * query (`/feed/$bulk-publish?_since=...`) is the answer to that query only, and `request` echoes it, as a
     * publisher honouring `_since` does; `options.transactionTime` sets the manifest's.
     */
    putManifest(path, outputs, options = {}) {
      const manifest = {
        transactionTime: options.transactionTime ?? new Date().toISOString(),
        request: `${origin}${path}`,
        output: outputs.map((output) => ({ ...output, url: new URL(output.url, origin).href })),
        error: [],
      };
      publisher.put(path, JSON.stringify(manifest), options);
    },
    serveExamples(options) {
      for (const name of readdirSync(EXAMPLES_DIR)) {
        const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
        if (name === 'bulk-publish.json') {
          publisher.put('/examples/$bulk-publish', text.replaceAll(EXAMPLES_ORIGIN, `${origin}/examples/`), options);
        } else if (name.endsWith('.ndjson')) publisher.put(`/examples/${name}`, text, options);
      }
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  return publisher;
}
