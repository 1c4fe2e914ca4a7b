// The demo clinic site with a backend (`npm start`, the end-to-end tests, the bench): the example pages, the
// script-tag bundles under /cdn/, and
// - `rest` (default): @frontdesk/server itself, the demo clinic in its database, the API at /api/;
// - `fhir`: the same pages switched to `adapter="fhir"` against /fhir/, the demo clinic as FHIR R4 resources in
//   Medplum's FHIR router (test/fhir-server).
// Both serve the site through the server's own site module (CSP, CDN headers). Needs `pnpm run build` first.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import {
  createApp,
  jsonLogger,
  requestListener,
  silentLogger,
  startServer,
  systemClock,
} from '../packages/server/dist/index.js';

const root = resolve(import.meta.dirname, '..');
export const SITE = { dir: join(root, 'examples'), cdnDir: join(root, 'packages/frontdesk/dist/cdn') };

/**
 * `rest`: the real server on an in-memory PGlite seeded with the demo clinic (or on `dataDir`, kept across runs).
 * Its links to manage a visit open the site's manage page (`/manage.html`). `email`, `clock` and `jobs` go to the
 * server as they are (the end-to-end tests send mail to a real SMTP server and move the server's clock). Resolves
 * once listening, with `close()` that stops the server and closes its database, and `running`, the server itself.
 */
export async function startDemoServer({
  port = 8080,
  hostname = '127.0.0.1',
  quiet = false,
  backend = 'rest',
  dataDir,
  email,
  clock,
  jobs,
} = {}) {
  if (backend === 'fhir') return startFhirDemo({ port, hostname, quiet });
  // The pages' addresses need the port, known once listening: the server reads this object when it writes a link.
  const pages = {};
  const running = await startServer({
    port,
    host: hostname,
    dataDir,
    seed: 'demo',
    site: SITE,
    log: quiet ? silentLogger : jsonLogger(),
    pages,
    email,
    clock,
    jobs,
  });
  pages.manage = `${running.origin}/manage.html`;
  pages.survey = `${running.origin}/feedback.html`;
  return { server: running.server, origin: running.origin, close: running.close, running };
}

async function startFhirDemo({ port, hostname, quiet }) {
  const { createFhirHandler, demoClinic } = await import('../test/fhir-server/server.mjs');
  // The same pages on the FHIR backend: only the clinic's configuration changes.
  const site = requestListener(
    createApp({
      clock: systemClock,
      log: quiet ? silentLogger : jsonLogger(),
      site: {
        ...SITE,
        transformHtml: (html) => html.replaceAll('adapter="rest" api="/api"', 'adapter="fhir" api="/fhir"'),
      },
    }),
  );
  let fhir;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (fhir && (path === '/fhir' || path.startsWith('/fhir/'))) void fhir.handle(req, res);
    else site(req, res);
  });
  await new Promise((done) => server.listen(port, hostname, done));
  const origin = `http://${hostname}:${server.address().port}`;
  const resources = await demoClinic({ photoBaseUrl: `${origin}/photos`, days: 30 });
  fhir = await createFhirHandler({ resources, basePath: '/fhir' });
  if (!quiet) console.log(`\nFrontdesk demo clinic (FHIR backend): ${origin}/\n(press Ctrl+C to stop)`);
  const close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return { server, origin, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(SITE.cdnDir, 'frontdesk.js'))) {
    console.error('The script-tag bundle is missing: run `pnpm run build` (npm start does this for you).');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const backend = (args.find((a) => a.startsWith('--backend='))?.split('=')[1] ?? 'fhir').toLowerCase();
  const port = Number(process.env.PORT ?? args.find((a) => /^\d+$/.test(a)) ?? 8080);
  const { close } = await startDemoServer({ port, hostname: process.env.HOST ?? '127.0.0.1', backend });
  process.on('SIGINT', () => close().then(() => process.exit(0)));
  process.on('SIGTERM', () => close().then(() => process.exit(0)));
}
