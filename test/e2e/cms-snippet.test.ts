// Issue 8's "done when": the CMS snippet pasted into an empty HTML file, served by any static server on another
// origin, shows working widgets on the demo data, loading only the script tag's bundle from the Frontdesk host.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, shadowText, watchedPage, widgetsReady } from './harness.js';
import { type HostPages, hostPage, readmeSnippet, serveHostPages } from './host-pages.js';

let site: Site;
let host: HostPages;

/** Exactly what the README tells a CMS user to paste, with the bundle's absolute address (the demo clinic). */
const snippet = readmeSnippet;

beforeAll(async () => {
  site = await openSite();
  // For CMSs that strip module scripts: the classic build, a plain script tag.
  const classic = `<script src="${site.origin}/cdn/frontdesk.classic.iife.js"></script>
<fd-clinic adapter="memory"><fd-provider-list specialty="family-medicine"></fd-provider-list></fd-clinic>`;
  // A page that loads Frontdesk twice and beside another copy of itself (a theme and a plugin both adding it).
  const twice = `<script type="module" src="${site.origin}/cdn/frontdesk.js"></script><script src="${site.origin}/cdn/frontdesk.classic.iife.js"></script>${snippet(site.origin)}`;
  host = await serveHostPages({
    '/': hostPage(snippet(site.origin)),
    '/classic': hostPage(classic),
    '/twice': hostPage(twice),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
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
      await page.goto(host.url(`/${path}`));
      await widgetsReady(page);
      for (const list of await page.locator('fd-provider-list').all()) {
        expect(await shadowText(list)).toMatch(/\d+ providers?/);
        expect(await shadowText(list)).toContain('Family medicine');
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      // Only the page's own origin and the Frontdesk host: no third-party requests.
      expect(new Set(requests)).toEqual(new Set([new URL(host.url()).origin, site.origin]));
    } finally {
      await context.close();
    }
  },
  60_000,
);
