// Shared set-up for the end-to-end tests: the built demo site on a free port, served by @frontdesk/server itself on
// an in-memory PGlite seeded with the demo clinic (or, for `fhir`, by Medplum's FHIR router), Debian's Chromium
// through playwright-core, and the checks every test repeats (axe, policy violations, overflow). Needs
// `pnpm run build`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startDemoServer } from '../../examples/serve.mjs';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** One demo server and one browser per test file; `fhir` puts the pages on the Medplum FHIR server. */
export async function openSite(backend: 'rest' | 'fhir' = 'rest'): Promise<Site> {
  const demo = await startDemoServer({ port: 0, quiet: true, backend });
  const browser = await launchChromium();
  return {
    origin: demo.origin,
    browser,
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Content-Security-Policy and Trusted Types violations the page reported. */
  violations(): Promise<string[]>;
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/**
 * A fresh context and page that records policy violations (from inside the page, so nothing is missed before a
 * listener could be attached) and console errors.
 */
export async function watchedPage(site: Site, options: Parameters<Browser['newContext']>[0] = {}): Promise<Watched> {
  const context = await site.browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago', ...options });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __fdViolations: string[] }).__fdViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
      true,
    );
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    context,
    errors,
    violations: () =>
      page.evaluate(() => [...((globalThis as unknown as { __fdViolations?: string[] }).__fdViolations ?? [])]),
  };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core over the page, shadow roots included. Injected through the DevTools protocol (`page.evaluate`)
 * rather than a `<script>` tag: the pages run under `script-src 'self'`, which rightly blocks inline scripts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Result[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

/** Fails with the rules axe found broken, naming the step of the journey it checked. */
export async function expectAccessible(page: Page, step: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe at step "${step}": ${JSON.stringify(violations)}`).toEqual([]);
}

/** The element that has focus, looking through shadow roots: tag, role and text, for assertions and messages. */
export function focused(page: Page): Promise<{ tag: string; role: string | null; text: string; slot: string | null }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.localName ?? '',
      role: active?.getAttribute('role') ?? null,
      text: (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim().replace(/\s+/g, ' '),
      slot: active?.getAttribute('data-slot') ?? null,
    };
  });
}

/** Presses Tab until the focused element matches, and fails after `limit` presses. */
export async function tabTo(
  page: Page,
  matches: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 60,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(
    `nothing matching was reached in ${limit} presses of Tab (at ${JSON.stringify(await focused(page))})`,
  );
}

export interface Overflow {
  /** The document is wider than the viewport. */
  horizontalScroll: boolean;
  /** Visible boxes (in light and shadow DOM) that end past the viewport's right edge or start left of 0. */
  cutOff: string[];
}

/** What sticks out sideways: a document wider than the viewport, and any visible box beyond its edges. */
export function overflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cutOff: string[] = [];
    const visit = (root: Document | ShadowRoot, host: string) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot, element.localName);
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.position === 'fixed') continue;
        // Visually hidden helpers (1px clipped boxes, skip links parked off-screen) are meant to be off-screen.
        if (box.width <= 1 || box.height <= 1 || box.right < 0) continue;
        if (box.right > width + 1 || box.left < -1) {
          cutOff.push(
            `${host} ${element.localName}.${element.className} [${Math.round(box.left)}..${Math.round(box.right)}]`,
          );
        }
      }
    };
    visit(document, 'document');
    return { horizontalScroll: document.documentElement.scrollWidth > width, cutOff };
  });
}

/** The rendered text of a widget: `innerText` stops at a shadow root, so read the root's children (and any nested
 * roots) instead. */
export function shadowText(locator: Locator): Promise<string> {
  return locator.evaluate((host) => {
    const read = (root: ParentNode): string =>
      [...root.children]
        .map((child) => {
          if (child.shadowRoot) return read(child.shadowRoot);
          // innerText on purpose: the text as rendered, hidden parts left out.
          // biome-ignore lint/performance/useDomNodeTextContent: see above
          return child instanceof HTMLElement ? child.innerText : (child.textContent ?? '');
        })
        .join('\n');
    return read(host.shadowRoot ?? host);
  });
}

/** Widgets on the page (every `fd-*` but the configuration element) and what each shows: loading, error or ready. */
export function widgetStates(page: Page): Promise<{ tag: string; state: 'pending' | 'loading' | 'error' | 'ready' }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((element) => element.localName.startsWith('fd-') && element.localName !== 'fd-clinic')
      .map((element) => {
        const root = element.shadowRoot;
        const state = !root?.firstElementChild
          ? 'pending'
          : root.querySelector('[part~="loading"]')
            ? 'loading'
            : root.querySelector('[part~="error"]')
              ? 'error'
              : 'ready';
        return { tag: element.localName, state } as const;
      }),
  );
}

/** Waits until every widget has rendered its content (no element still undefined or showing its skeleton). */
export async function widgetsReady(page: Page, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const states = await widgetStates(page);
    if (states.length > 0 && states.every((s) => s.state === 'ready')) return;
    if (Date.now() > until) throw new Error(`widgets not ready: ${JSON.stringify(states)}`);
    await page.waitForTimeout(50);
  }
}
