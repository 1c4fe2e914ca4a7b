// The script-tag builds besides the module autoloader (cms-snippet.test.ts): the classic script, a small loader onto
// the module chunks (a classic script may `import()` modules), pasted into a CMS page on another origin that runs the
// demo's strict policy plus Trusted Types, defines the widgets, preloads their chunks and the adapter's in one wave,
// and nothing is blocked or reported; `frontdesk.all.js` defines every element at once, its adapter preloaded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, shadowText, watchedPage, widgetsReady } from './harness.js';

let site: Site;
let cms: Server;
let pageUrl: string;

beforeAll(async () => {
  site = await openSite();
  // The demo's policy, with the Frontdesk host allowed for scripts (the only thing a CMS page must add).
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${site.origin}`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  const script = (path: string) =>
    path === '/all'
      ? `<script type="module" src="${site.origin}/cdn/frontdesk.all.js"></script>`
      : `<script src="${site.origin}/cdn/frontdesk.classic.iife.js"></script>`;
  cms = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS</title></head><body><main>
<h1>Our doctors</h1>
${script(req.url ?? '/')}
<fd-clinic adapter="memory"><fd-provider-list specialty="family-medicine"></fd-provider-list></fd-clinic>
</main></body></html>`);
  });
  await new Promise<void>((done) => cms.listen(0, '127.0.0.1', done));
  pageUrl = `http://localhost:${(cms.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  cms?.closeAllConnections();
  await new Promise((done) => cms?.close(done));
  await site?.close();
});

it('defines the widgets from another origin under a strict CSP with Trusted Types, all chunks in one wave', async () => {
  const { page, context, errors, violations } = await watchedPage(site);
  try {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(pageUrl);
    await widgetsReady(page);
    expect(await shadowText(page.locator('fd-provider-list'))).toMatch(/\d+ providers?/);
    // The loader asked for the list's chunks and the memory adapter's ahead of time, as module preloads.
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href)),
    );
    expect(preloaded.length).toBeGreaterThan(0);
    expect(new Set(preloaded.map((url) => url.origin))).toEqual(new Set([site.origin]));
    expect(preloaded.map((url) => url.pathname).some((path) => /\/cdn\/chunks\/memory-/.test(path))).toBe(true);
    // The classic file is a loader, not a bundle: everything else came as chunks.
    expect(scripts[0]).toBe('/cdn/frontdesk.classic.iife.js');
    expect(scripts.slice(1).every((path) => path.startsWith('/cdn/chunks/'))).toBe(true);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
}, 60_000);

it('frontdesk.all.js defines every element at once, under the same policy', async () => {
  const { page, context, errors, violations } = await watchedPage(site);
  try {
    await page.goto(`${pageUrl}all`);
    await widgetsReady(page);
    const tags = [
      'fd-clinic',
      'fd-provider-card',
      'fd-provider-list',
      'fd-slot-picker',
      'fd-cost-estimate',
      'fd-survey',
    ];
    // Every tag's chunks are imported in one wave; each element is defined as its chunk arrives.
    await page.waitForFunction((names) => names.every((tag) => customElements.get(tag)), tags, { timeout: 15_000 });
    expect(await page.evaluate((names) => names.filter((tag) => !customElements.get(tag)), tags)).toEqual([]);
    expect(await shadowText(page.locator('fd-provider-list'))).toMatch(/\d+ providers?/);
    // The page's adapter is fetched beside the widgets, not after them.
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname),
    );
    expect(preloaded.some((path) => /\/cdn\/chunks\/memory-/.test(path))).toBe(true);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 60_000);
