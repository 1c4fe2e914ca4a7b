// Every example page, as a patient opens it on a desktop, on a 320 px phone and at 200% zoom: axe finds nothing, no
// policy violation or console error, nothing scrolls sideways or is cut off.
//
// 200% zoom: browser zoom divides the CSS viewport by the zoom factor and draws each CSS pixel with two device
// pixels, so a 1280 px window at 200% lays out exactly as a 640 CSS px viewport at deviceScaleFactor 2 (media and
// container queries, rem and em all see the same numbers). That is what is emulated here; `zoom` on <html> would
// not be faithful (media queries would still see 1280 px).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, overflow, type Site, watchedPage, widgetsReady } from './harness.js';

let site: Site;
beforeAll(async () => {
  site = await openSite();
}, 60_000);
afterAll(() => site?.close());

const pages = [
  ['provider list', '/'],
  ['provider page', '/provider.html?provider=alexandra-papadopoulos-whitmore'],
  ['feedback page', '/feedback.html'],
  ['CMS snippet page', '/cms.html'],
  ['hostile page', '/hostile.html'],
] as const;

const views = [
  ['desktop', { viewport: { width: 1280, height: 900 } }],
  ['320 px phone', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
  ['200% zoom', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
] as const;

describe.each(views)('example pages, %s', (_view, options) => {
  it.each(pages)(
    '%s: no axe violation, no overflow, no error',
    async (_name, path) => {
      const { page, context, errors, violations } = await watchedPage(site, options);
      try {
        await page.goto(`${site.origin}${path}`);
        await widgetsReady(page);
        expect(await axeViolations(page)).toEqual([]);
        expect(await overflow(page)).toEqual({ horizontalScroll: false, cutOff: [] });
        expect(await violations()).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
