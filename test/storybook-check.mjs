// Story checks, part of `npm test`: every story of the static Storybook build (`storybook-static/`, from
// `storybook build`) renders in Chromium without console errors or page errors, its play function passes, and axe
// reports no violations. A story opts out of axe only with a written reason:
//   parameters: { frontdeskCheck: { axe: false, reason: 'why' } }                   (or a11y: { disable: true } + reason)
//   parameters: { frontdeskCheck: { disableRules: { 'color-contrast': 'why' } } }  (single rules)
//   parameters: { frontdeskCheck: { skip: true, reason: 'why' } }                  (not checked at all; counted skipped)
// and a story about a failure it causes on purpose names what it expects, with a reason:
//   parameters: { frontdeskCheck: { allowErrors: { 'no-such-photo.jpg': 'why' } } } (console/HTTP errors naming it)
// Docs pages are rendered too and must not error; pages written in MDX are also checked with axe.
//
// Usage: node test/storybook-check.mjs [substring of story ids...]
// Env: STORYBOOK_STATIC (default storybook-static), CHROME_PATH (default /usr/bin/chromium), CI_COUNT_FILE (where
// `{ passed, failed, skipped }` is written), STORY_TIMEOUT_MS (default 30000), STORY_SCREENSHOTS (a directory: save
// a PNG of each story there, to look at what the check saw).
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { INITIAL_VIEWPORTS, MINIMAL_VIEWPORTS } from 'storybook/viewport';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = resolve(root, process.env.STORYBOOK_STATIC ?? 'storybook-static');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const STORY_TIMEOUT_MS = Number(process.env.STORY_TIMEOUT_MS ?? 30_000);
/** How long to wait for widgets to finish loading (no `aria-busy="true"` left) before axe looks. */
const SETTLE_MS = 3_000;
const BOOT_TIMEOUT_MS = 15_000;
const CONCURRENCY = 2;
const filters = process.argv.slice(2);
const screenshots = process.env.STORY_SCREENSHOTS ? resolve(process.env.STORY_SCREENSHOTS) : undefined;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Rules about whole pages, not about a story rendered in a fragment of one. */
const PAGE_LEVEL_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// ---------------------------------------------------------------------------------------------------------------
// A static server for storybook-static on 127.0.0.1 (any free port): the build must work from any static server.

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      let file = normalize(join(dir, decodeURIComponent(url.pathname)));
      if (file !== dir && !file.startsWith(dir + sep)) {
        response.writeHead(403).end();
        return;
      }
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      // Browsers ask for /favicon.ico by themselves; a build without one is not a broken build.
      if (url.pathname === '/favicon.ico') response.writeHead(204).end();
      else response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// In the page: listen to Storybook's preview channel from the moment Storybook installs it.

function channelHook() {
  const state = { done: false, rendered: false, errors: [] };
  window.__fdCheck = state;
  const hooked = new WeakSet();
  const describe = (value) =>
    typeof value === 'string'
      ? value
      : [value?.title, value?.name, value?.message, value?.description].filter(Boolean).join(': ');
  const hook = (channel) => {
    if (!channel || hooked.has(channel)) return;
    hooked.add(channel);
    channel.on('storyRendered', () => {
      state.rendered = true;
    });
    channel.on('storyFinished', (event) => {
      if (event?.status === 'error' && state.errors.length === 0) state.errors.push('the story finished with an error');
      state.done = true;
    });
    channel.on('docsRendered', () => {
      state.rendered = true;
      state.done = true;
    });
    channel.on('playFunctionThrewException', (error) => state.errors.push(`play function threw: ${describe(error)}`));
    channel.on('unhandledErrorsWhilePlaying', (errors) =>
      state.errors.push(`unhandled errors while playing: ${(errors ?? []).map(describe).join('; ')}`),
    );
    channel.on('storyThrewException', (error) => state.errors.push(`story threw: ${describe(error)}`));
    channel.on('storyErrored', (error) => {
      state.errors.push(`story errored: ${describe(error)}`);
      state.done = true;
    });
    channel.on('storyMissing', () => {
      state.errors.push('story missing');
      state.done = true;
    });
  };
  let current;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set: (channel) => {
      current = channel;
      hook(channel);
    },
  });
}

/** The story's check settings and viewport, read from the prepared story in the page. */
async function storySettings(storyId) {
  const preview = window.__STORYBOOK_PREVIEW__;
  const story = await preview.storyStoreValue.loadStory({ storyId });
  const { frontdeskCheck, a11y, viewport } = story.parameters;
  const chosen = story.globals?.viewport?.value ?? story.storyGlobals?.viewport?.value ?? viewport?.defaultViewport;
  const rotated = story.globals?.viewport?.isRotated === true;
  const options = viewport?.options ?? {};
  const plain = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return {
    check: plain(frontdeskCheck) ?? {},
    a11y: plain({ disable: a11y?.disable, test: a11y?.test, reason: a11y?.reason }),
    viewport: chosen ? { name: chosen, rotated, option: plain(options[chosen]) } : undefined,
  };
}

/** Whether anything in the document, shadow roots included, still says it is loading. */
function stillLoading() {
  const busy = (node) => {
    if (node.querySelector?.('[aria-busy="true"]')) return true;
    for (const element of node.querySelectorAll?.('*') ?? [])
      if (element.shadowRoot && busy(element.shadowRoot)) return true;
    return false;
  };
  return busy(document);
}

async function runAxe({ selector, options }) {
  const context = document.querySelector(selector) ?? document.body;
  const results = await window.axe.run(context, options);
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }));
}

// ---------------------------------------------------------------------------------------------------------------

const px = (value) => Number.parseInt(String(value ?? ''), 10);

function viewportSize(viewport) {
  if (!viewport) return undefined;
  const option = viewport.option ?? MINIMAL_VIEWPORTS[viewport.name] ?? INITIAL_VIEWPORTS[viewport.name];
  const width = px(option?.styles?.width);
  const height = px(option?.styles?.height);
  if (!(width > 0 && height > 0)) return undefined;
  return viewport.rotated ? { width: height, height: width } : { width, height };
}

/** What a story's parameters say about axe: run it (with rules disabled for a reason), or why not. */
function axePlan(settings) {
  const { check, a11y } = settings;
  const optedOut = check.axe === false || a11y.disable === true || a11y.test === 'off';
  const reason = check.reason ?? a11y.reason;
  const disabledRules = Object.entries(check.disableRules ?? {});
  const problems = [];
  if (optedOut && !(typeof reason === 'string' && reason.trim())) {
    problems.push('opts out of axe without a written reason (parameters.frontdeskCheck.reason)');
  }
  for (const [rule, why] of disabledRules) {
    if (!(typeof why === 'string' && why.trim())) problems.push(`disables axe rule ${rule} without a written reason`);
  }
  const rules = Object.fromEntries(
    [...PAGE_LEVEL_RULES, ...disabledRules.map(([rule]) => rule)].map((id) => [id, { enabled: false }]),
  );
  return {
    run: !optedOut,
    reason,
    problems,
    notes: disabledRules.map(([rule, why]) => `${rule} off: ${why}`),
    options: { runOnly: { type: 'tag', values: AXE_TAGS }, rules, resultTypes: ['violations'] },
  };
}

/**
 * The runtime problems a story does not expect. `allowErrors` maps a text the expected errors contain (such as the
 * URL of a photo that is missing on purpose; console errors carry the URL of the failed load) to the reason; an
 * entry without a reason is itself a problem.
 */
function expectedErrors(check, runtimeProblems, notes) {
  const allowed = Object.entries(check.allowErrors ?? {});
  const problems = [];
  for (const [text, why] of allowed) {
    if (!(typeof why === 'string' && why.trim())) problems.push(`allows errors about ${text} without a written reason`);
  }
  for (const problem of runtimeProblems) {
    const match = allowed.find(([text]) => problem.includes(text));
    if (match) notes.push(`expected ${problem.slice(0, 60)}...: ${match[1]}`);
    else problems.push(problem);
  }
  return problems;
}

async function waitForStory(page) {
  await page.waitForFunction(() => window.__fdCheck?.done === true, null, { timeout: STORY_TIMEOUT_MS, polling: 50 });
}

const CONTEXT_OPTIONS = {
  viewport: { width: 1024, height: 768 },
  reducedMotion: 'reduce',
  locale: 'en-US',
  timezoneId: 'America/Chicago',
};

/** Before any story code runs: an empty localStorage (survey drafts, outboxes), as in a fresh browser. */
function freshStorage() {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage can be unavailable (opaque origins); then there is nothing to clear.
  }
}

/**
 * One browser context per worker, so pages share the HTTP and compiled-code caches (loading the preview is most of
 * a story's time) while storage is wiped before every page. After a failed story the context is replaced, so
 * nothing a broken story left behind reaches the next one.
 */
async function newWorkerContext(browser, origin) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  context.outsideRequests = [];
  // The demo clinic makes no requests of its own; anything leaving the static server is a bug (and would hang).
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => {
      context.outsideRequests.push(route.request().url().slice(0, 120));
      return route.abort();
    },
  );
  await context.addInitScript(freshStorage);
  await context.addInitScript(channelHook);
  return context;
}

async function checkEntry(context, origin, entry) {
  const started = Date.now();
  const problems = [];
  /** Console, page and HTTP errors: a story may expect some of them (`allowErrors`). */
  const runtimeProblems = [];
  const notes = [];
  context.outsideRequests.length = 0;
  let page;
  try {
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url?.replace(origin, '');
      const where = source && !source.startsWith('/iframe.html') ? ` (${source.slice(0, 200)})` : '';
      runtimeProblems.push(`console error: ${message.text().split('\n')[0].slice(0, 500)}${where}`);
    });
    page.on('pageerror', (error) => runtimeProblems.push(`page error: ${error.message.slice(0, 500)}`));
    page.on('response', (response) => {
      if (response.status() >= 400)
        runtimeProblems.push(`HTTP ${response.status()} for ${response.url().replace(origin, '')}`);
    });

    const docs = entry.type === 'docs';
    const url = `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${docs ? 'docs' : 'story'}`;
    await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
    // A preview whose scripts failed to load never reports anything: say so now instead of timing out later.
    await page
      .waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__ !== undefined, null, { timeout: BOOT_TIMEOUT_MS })
      .catch(() => {
        throw new Error('the Storybook preview did not start (no preview channel)');
      });
    await waitForStory(page);

    let settings = { check: {}, a11y: {}, viewport: undefined };
    if (!docs) {
      settings = await page.evaluate(storySettings, entry.id);
      if (settings.check.skip === true) {
        const reason = settings.check.reason;
        if (typeof reason === 'string' && reason.trim())
          return { status: 'skipped', notes: [reason], ms: Date.now() - started };
        problems.push('skipped without a written reason (parameters.frontdeskCheck.reason)');
      }
      const size = viewportSize(settings.viewport);
      if (size) {
        // Render again at the story's viewport (its play function runs again too).
        await page.setViewportSize(size);
        await page.evaluate((storyId) => {
          window.__fdCheck.done = false;
          window.__STORYBOOK_ADDONS_CHANNEL__.emit('forceRemount', { storyId });
        }, entry.id);
        await waitForStory(page);
        notes.push(`viewport ${size.width}x${size.height}`);
      }
    }

    const state = await page.evaluate(() => window.__fdCheck);
    problems.push(...state.errors);

    // Autodocs pages are Storybook's own UI around stories checked one by one; pages written in MDX are ours.
    if (!docs || entry.importPath?.endsWith('.mdx')) {
      const plan = axePlan(settings);
      problems.push(...plan.problems);
      notes.push(...plan.notes);
      if (plan.run) {
        await page
          .waitForFunction(`!(${stillLoading})()`, null, { timeout: SETTLE_MS, polling: 50 })
          .catch(() => notes.push('still loading when axe ran'));
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(runAxe, {
          selector: docs ? '#storybook-docs' : '#storybook-root',
          options: plan.options,
        });
        for (const violation of violations) {
          problems.push(
            `axe ${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`,
          );
        }
      } else {
        notes.push(`axe skipped: ${plan.reason}`);
      }
    }
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `${entry.id}.png`), fullPage: true });
    }
    for (const url of context.outsideRequests) runtimeProblems.push(`request outside the static server: ${url}`);
    problems.push(...expectedErrors(settings.check, runtimeProblems, notes));
    return { status: problems.length ? 'failed' : 'passed', problems, notes, ms: Date.now() - started };
  } catch (error) {
    problems.push(...runtimeProblems, error instanceof Error ? error.message.split('\n')[0] : String(error));
    return { status: 'failed', problems, notes, ms: Date.now() - started };
  } finally {
    await page?.close().catch(() => undefined);
  }
}

async function launch() {
  const options = {
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--no-default-browser-check',
      '--disable-features=Translate,MediaRouter,OptimizationHints',
    ],
  };
  try {
    return await chromium.launch(options);
  } catch (error) {
    // A first launch on a cold machine can time out while the binary loads; once more before giving up.
    console.warn(`chromium did not start (${error instanceof Error ? error.message.split('\n')[0] : error}); retrying`);
    return chromium.launch(options);
  }
}

function readIndex() {
  const file = join(staticDir, 'index.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file} not found: run \`pnpm exec storybook build\` first`);
  }
}

async function main() {
  const started = Date.now();
  const index = readIndex();
  const entries = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' || entry.type === 'docs')
    .filter((entry) => filters.length === 0 || filters.some((filter) => entry.id.includes(filter)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (entries.length === 0) throw new Error('index.json lists no stories');

  const server = await serve(staticDir);
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  // Shared by the workers; a browser that crashed is started again for the next story.
  let browser = await launch();
  let relaunching;
  const liveBrowser = async () => {
    if (!browser.isConnected()) {
      relaunching ??= launch().then((fresh) => {
        browser = fresh;
        relaunching = undefined;
      });
      await relaunching;
    }
    return browser;
  };
  console.log(`checking ${entries.length} stories and docs pages from ${staticDir} (${CONCURRENCY} at a time)`);

  let next = 0;
  const worker = async () => {
    let context = await newWorkerContext(await liveBrowser(), origin);
    while (next < entries.length) {
      const entry = entries[next++];
      const result = await checkEntry(context, origin, entry);
      if (result.status === 'failed') {
        await context.close().catch(() => undefined);
        context = await newWorkerContext(await liveBrowser(), origin);
      }
      counts[result.status]++;
      const label = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[result.status];
      const notes = result.notes?.length ? ` [${result.notes.join('; ')}]` : '';
      console.log(`${label} ${entry.id} (${(result.ms / 1000).toFixed(1)}s)${notes}`);
      for (const problem of result.problems ?? []) console.log(`       - ${problem}`);
    }
    await context.close().catch(() => undefined);
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nstorybook: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds}s)`);
  return counts;
}

let counts = { passed: 0, failed: 1, skipped: 0 };
try {
  counts = await main();
} catch (error) {
  console.error(`storybook check could not run: ${error instanceof Error ? error.message : error}`);
}
if (process.env.CI_COUNT_FILE) writeFileSync(process.env.CI_COUNT_FILE, `${JSON.stringify(counts)}\n`);
process.exit(counts.failed === 0 ? 0 : 1);
