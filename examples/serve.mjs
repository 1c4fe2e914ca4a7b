// The demo clinic site (`npm start`): the example pages, the script-tag bundles under /cdn/, and a backend for them:
// by default /api/ (Frontdesk's REST contract over the in-memory demo clinic); with `--backend=fhir`, /fhir/ (the
// same clinic as FHIR R4 resources in Medplum's FHIR router), the pages switched to `adapter="fhir"`.
// Needs `pnpm run build` first.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createMemoryAdapter } from '../packages/core/dist/adapters/memory/index.js';
import { createRestHandler } from '../packages/core/dist/server/index.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const port = Number(process.env.PORT ?? args.find((a) => /^\d+$/.test(a)) ?? 8080);
const backend = (
  args.find((a) => a.startsWith('--backend='))?.split('=')[1] ??
  process.env.FRONTDESK_BACKEND ??
  'rest'
).toLowerCase();
const host = process.env.HOST ?? '127.0.0.1';

const mounts = [
  ['/cdn/', join(root, 'packages/frontdesk/dist/cdn')],
  // The React and Vue example apps, built by examples/build-frameworks.mjs.
  ['/react/', join(root, 'examples/dist/react')],
  ['/vue/', join(root, 'examples/dist/vue')],
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

// The hostile page (examples/hostile.html) is served with exactly the policy DESIGN.md promises to work under, plus
// Trusted Types enforcement: any string that reached an HTML sink would be blocked and reported.
const hostileHeaders = {
  ...securityHeaders,
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
};

export function startDemoServer({
  port: wanted = port,
  hostname = host,
  quiet = false,
  backend: chosen = backend,
} = {}) {
  let api;
  let fhir;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      api(req, res);
      return;
    }
    if (fhir && (url.pathname === '/fhir' || url.pathname.startsWith('/fhir/'))) {
      void fhir.handle(req, res);
      return;
    }
    serveFile(url.pathname, res, chosen);
  });
  return new Promise((done) => {
    server.listen(wanted, hostname, () => {
      const address = server.address();
      const origin = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${address.port}`;
      api = createRestHandler(createMemoryAdapter({ photoBaseUrl: `${origin}/photos` }), { basePath: '/api' });
      const ready = chosen === 'fhir' ? startFhir(origin).then((handler) => (fhir = handler)) : Promise.resolve();
      void ready.then(() => {
        if (!quiet) console.log(`\nFrontdesk demo clinic (${chosen} backend): ${origin}/\n(press Ctrl+C to stop)`);
        done({ server, origin });
      });
    });
  });
}

async function startFhir(origin) {
  const { createFhirHandler, demoClinic } = await import('../test/fhir-server/server.mjs');
  const resources = await demoClinic({ photoBaseUrl: `${origin}/photos`, days: 30 });
  return createFhirHandler({ resources, basePath: '/fhir' });
}

function serveFile(pathname, res, chosen) {
  if (pathname === '/react' || pathname === '/vue') {
    res.writeHead(308, { Location: `${pathname}/`, ...securityHeaders });
    res.end();
    return;
  }
  for (const [prefix, dir] of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    let file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(dir)) break; // no escaping the mounted folder
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) continue;
    const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    // The bundles are a CDN for other sites too: a pasted snippet on any origin loads them as module scripts.
    const cdn =
      prefix === '/cdn/' ? { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' } : {};
    res.writeHead(200, { ...headers, ...(file.endsWith('hostile.html') ? hostileHeaders : securityHeaders), ...cdn });
    if (chosen === 'fhir' && file.endsWith('.html')) {
      // The same pages on the FHIR backend: only the clinic's configuration changes.
      res.end(readFileSync(file, 'utf8').replaceAll('adapter="rest" api="/api"', 'adapter="fhir" api="/fhir"'));
      return;
    }
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
