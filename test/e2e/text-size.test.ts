// Text a 70-year-old can read on any host: a theme's `html { font-size: 62.5% }` (10 px rem) must not shrink any
// widget's text (16 px) or its radio buttons and checkboxes (24 px), and the patient's own browser text size must
// still count. Read from computed styles and boxes in Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, watchedPage, widgetsReady } from './harness.js';
import { type HostPages, hostPage, serveHostPages } from './host-pages.js';

let site: Site;
let host: HostPages;

/** Every widget, on the built-in demo clinic. */
const widgets = `<fd-clinic adapter="memory">
  <fd-provider-list specialty="family-medicine"></fd-provider-list>
  <fd-provider-card provider="maria-hernandez"></fd-provider-card>
  <fd-slot-picker id="picker" provider="maria-hernandez"></fd-slot-picker>
  <fd-cost-estimate service="99213" interactive></fd-cost-estimate>
  <fd-location-list></fd-location-list>
  <fd-survey survey="post-visit-nps"></fd-survey>
</fd-clinic>`;

beforeAll(async () => {
  site = await openSite();
  const script = `<script type="module" src="${site.origin}/cdn/frontdesk.js"></script>`;
  host = await serveHostPages({
    '/': hostPage(`${script}${widgets}`, '<style>html { font-size: 62.5%; } body { font-size: 1.4rem; }</style>'),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await site?.close();
});

interface Sizes {
  tag: string;
  /** The widget's body text (its `part="base"`). */
  base: number;
  /** The smallest visible text it shows, with an example of it. */
  smallest: number;
  example: string;
}

/** For each widget: its base text size and the smallest visible text inside it (nested widgets counted apart). */
function textSizes(page: Page): Promise<Sizes[]> {
  return page.evaluate(() => {
    const out: Sizes[] = [];
    for (const widget of document.querySelectorAll('fd-clinic > *')) {
      const root = widget.shadowRoot!;
      const base = Number.parseFloat(getComputedStyle(root.querySelector('[part~="base"]')!).fontSize);
      let smallest = Number.POSITIVE_INFINITY;
      let example = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (!parent || !text) continue;
        const box = parent.getBoundingClientRect();
        // Visually hidden helpers (1 px, clipped) are for screen readers, read at their size.
        if (box.width <= 1 || box.height <= 1 || parent.closest('.fd-visually-hidden')) continue;
        const size = Number.parseFloat(getComputedStyle(parent).fontSize);
        if (size < smallest) {
          smallest = size;
          example = `${parent.localName}.${parent.className}: ${text.slice(0, 30)}`;
        }
      }
      out.push({ tag: widget.localName, base, smallest, example });
    }
    return out;
  });
}

/** Visible radio buttons and checkboxes under 24 px either way, in every widget (nested roots included). */
function smallControls(page: Page): Promise<{ found: number; small: string[] }> {
  return page.evaluate(() => {
    let found = 0;
    const small: string[] = [];
    const visit = (root: ParentNode, host: string) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot, element.localName);
        if (!(element instanceof HTMLInputElement) || !/^(radio|checkbox)$/.test(element.type)) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
        found++;
        if (box.width < 24 || box.height < 24) {
          small.push(`${host} ${element.name}: ${box.width.toFixed(1)} x ${box.height.toFixed(1)}`);
        }
      }
    };
    for (const widget of document.querySelectorAll('fd-clinic > *')) visit(widget.shadowRoot!, widget.localName);
    return { found, small };
  });
}

describe('on a host whose root font size is 62.5%', () => {
  it('every widget’s text is 16 px, none of it smaller, radio buttons and checkboxes 24 px, axe clean', async () => {
    const { page, context, errors } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(host.url('/'));
      await widgetsReady(page);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
      const sizes = await textSizes(page);
      expect(sizes.map((s) => s.tag).sort()).toEqual(
        [
          'fd-cost-estimate',
          'fd-location-list',
          'fd-provider-card',
          'fd-provider-list',
          'fd-slot-picker',
          'fd-survey',
        ].sort(),
      );
      // Body text 16 px, and nothing smaller anywhere: no "secondary" text a 70-year-old cannot read.
      for (const { tag, base, smallest, example } of sizes) {
        expect(base, `${tag} body text`).toBe(16);
        expect(smallest, `${tag} smallest text (${example})`).toBeGreaterThanOrEqual(16);
      }
      // Radio buttons and checkboxes 24 px (the filters, new or existing patient, how you pay, the survey's choices).
      const controls = await smallControls(page);
      expect(controls.found).toBeGreaterThan(0);
      expect(controls.small).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('still follows the patient’s own browser text size (20 px here)', async () => {
    const { page, context } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      // What "Font size: Large" in the browser's settings does: the default text size the page's `medium` is.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20 } });
      await page.goto(host.url('/'));
      await widgetsReady(page);
      // The host's 62.5% now makes 12.5 px; the widgets keep the patient's 20 px.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('12.5px');
      for (const { tag, base } of await textSizes(page)) expect(base, tag).toBe(20);
    } finally {
      await context.close();
    }
  }, 60_000);
});
