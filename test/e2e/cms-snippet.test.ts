// Issue 8's "done when": the CMS snippet pasted into an empty HTML file, served by any static server on another
// origin, shows working widgets on the demo data, loading only the script tag's bundle from the Frontdesk host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, shadowText, watchedPage, widgetsReady } from './harness.js';

let site: Site;
let staticServer: Server;
let pageUrl: string;

/** Exactly what a CMS user pastes, with the bundle's absolute address and the built-in demo clinic. */
const snippet = (cdn: string) => `<script type="module" src="${cdn}/cdn/frontdesk.js"></script>
<fd-clinic adapter="memory">
  <fd-provider-list specialty="family-medicine"></fd-provider-list>
</fd-clinic>`;

beforeAll(async () => {
  site = await openSite();
  // A plain static server that knows nothing of Frontdesk: it serves one file, the pasted snippet in an empty page.
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main><h1>Our doctors</h1>${body}</main></body></html>`;
  // For CMSs that strip module scripts: the classic build, a plain script tag.
  const classic = `<script src="${site.origin}/cdn/frontdesk.classic.iife.js"></script>
<fd-clinic adapter="memory"><fd-provider-list specialty="family-medicine"></fd-provider-list></fd-clinic>`;
  staticServer = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    // A page that loads Frontdesk twice and beside another copy of itself (a theme and a plugin both adding it).
    const twice = `<script type="module" src="${site.origin}/cdn/frontdesk.js"></script><script src="${site.origin}/cdn/frontdesk.classic.iife.js"></script>${snippet(site.origin)}`;
    res.end(page(req.url === '/classic' ? classic : req.url === '/twice' ? twice : snippet(site.origin)));
  });
  await new Promise<void>((done) => staticServer.listen(0, '127.0.0.1', done));
  pageUrl = `http://localhost:${(staticServer.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  staticServer?.closeAllConnections();
  await new Promise((done) => staticServer?.close(done));
  await site?.close();
});

it.each([
  ['the module snippet', ''],
  ['the classic script build', 'classic'],
  ['the snippet twice and the classic build beside it', 'twice'],
])(
  'works pasted into an empty page on another origin: %s',
  async (_name, path) => {
    const { page, context, errors } = await watchedPage(site);
    try {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).origin));
      await page.goto(pageUrl + path);
      await widgetsReady(page);
      for (const list of await page.locator('fd-provider-list').all()) {
        expect(await shadowText(list)).toMatch(/\d+ providers?/);
        expect(await shadowText(list)).toContain('Family medicine');
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      // Only the page's own origin and the Frontdesk host: no third-party requests.
      expect(new Set(requests)).toEqual(new Set([new URL(pageUrl).origin, site.origin]));
    } finally {
      await context.close();
    }
  },
  60_000,
);
