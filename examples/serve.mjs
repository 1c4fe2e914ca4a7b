// The demo clinic site (`npm start`): the example pages, the script-tag bundles under /cdn/, and the clinic's API
// under /api/ (Frontdesk's REST contract, served by the in-memory demo clinic). Needs `pnpm run build` first.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createMemoryAdapter } from '../packages/core/dist/adapters/memory/index.js';
import { createRestHandler } from '../packages/core/dist/server/index.js';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? process.argv[2] ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const mounts = [
  ['/cdn/', join(root, 'packages/frontdesk/dist/cdn')],
  ['/', join(root, 'examples')],
];

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The demo site runs under the strict policy the widgets promise to work with (DESIGN.md section 8).
const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

export function startDemoServer({ port: wanted = port, hostname = host, quiet = false } = {}) {
  let api;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      api(req, res);
      return;
    }
    serveFile(url.pathname, res);
  });
  return new Promise((done) => {
    server.listen(wanted, hostname, () => {
      const address = server.address();
      const origin = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${address.port}`;
      api = createRestHandler(createMemoryAdapter({ photoBaseUrl: `${origin}/photos` }), { basePath: '/api' });
      if (!quiet) console.log(`\nFrontdesk demo clinic: ${origin}/\n(press Ctrl+C to stop)`);
      done({ server, origin });
    });
  });
}

function serveFile(pathname, res) {
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(dir)) break; // no escaping the mounted folder
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) continue;
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...securityHeaders,
    });
    createReadStream(file).pipe(res);
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
  res.end('Not found');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(root, 'packages/frontdesk/dist/cdn/frontdesk.js'))) {
    console.error('The script-tag bundle is missing: run `pnpm run build` (npm start does this for you).');
    process.exit(1);
  }
  await startDemoServer();
}
