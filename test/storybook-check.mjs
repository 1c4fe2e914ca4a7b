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
  // The runner replaces `__fdCheck` before each story it switches to; events name the story they are about, so a
  // late event from the previous story never counts for the next one. A docs page renders many stories: the
  // events of all of them count for it, and it is done once each of them has finished.
  window.__fdCheck = { storyId: undefined, docs: false, done: false, rendered: false, finished: 0, errors: [] };
  const hooked = new WeakSet();
  const describe = (value) =>
    typeof value === 'string'
      ? value
      : [value?.title, value?.name, value?.message, value?.description].filter(Boolean).join(': ');
  /** The current story's state, unless the event names another story. */
  const current = (storyId) => {
    const state = window.__fdCheck;
    return state.docs || typeof storyId !== 'string' || state.storyId === undefined || storyId === state.storyId
      ? state
      : { errors: [] };
  };
  const hook = (channel) => {
    if (!channel || hooked.has(channel)) return;
    hooked.add(channel);
    channel.on('previewInitialized', () => {
      window.__fdCheck.previewInitialized = true;
    });
    channel.on('storyRendered', (storyId) => {
      current(storyId).rendered = true;
    });
    channel.on('storyFinished', (event) => {
      const state = current(event?.storyId);
      if (event?.status === 'error' && state.errors.length === 0) state.errors.push('the story finished with an error');
      state.finished += 1;
      if (!state.docs) state.done = true;
    });
    channel.on('docsRendered', (id) => {
      const state = current(id);
      state.rendered = true;
      state.done = true;
    });
    channel.on('playFunctionThrewException', (error) =>
      window.__fdCheck.errors.push(`play function threw: ${describe(error)}`),
    );
    channel.on('unhandledErrorsWhilePlaying', (errors) =>
      window.__fdCheck.errors.push(`unhandled errors while playing: ${(errors ?? []).map(describe).join('; ')}`),
    );
    channel.on('storyThrewException', (error) => window.__fdCheck.errors.push(`story threw: ${describe(error)}`));
    channel.on('storyErrored', (error) => {
      window.__fdCheck.errors.push(`story errored: ${describe(error)}`);
      window.__fdCheck.done = true;
    });
    channel.on('storyMissing', (storyId) => {
      // Booting without a story selected reports a missing story too: only a story we asked for counts.
      const state = window.__fdCheck;
      if (state.storyId === undefined || (typeof storyId === 'string' && storyId !== state.storyId)) return;
      state.errors.push('story missing');
      state.done = true;
    });
  };
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      hook(value);
    },
  });
}

/**
 * Switches the booted preview to another story or docs page, as the Storybook manager does. The previous story is
 * unmounted first (its elements save drafts as they disconnect) and storage is wiped after that, so every story
 * starts from an empty localStorage as in a fresh browser. The web-components renderer recreates its root.
 */
function selectStory({ storyId, viewMode }) {
  document.querySelector('#storybook-root')?.replaceChildren();
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage can be unavailable; then there is nothing to clear.
  }
  window.__fdCheck = { storyId, docs: viewMode === 'docs', done: false, rendered: false, finished: 0, errors: [] };
  window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode });
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
function expectedErrors(check, runtimeProblems, notes, before = {}) {
  const allowed = Object.entries(check.allowErrors ?? {});
  // A failed load the story before expected can report after the switch (an image's 404): it is still that story's.
  const late = Object.entries(before);
  const problems = [];
  for (const [text, why] of allowed) {
    if (!(typeof why === 'string' && why.trim())) problems.push(`allows errors about ${text} without a written reason`);
  }
  for (const problem of runtimeProblems) {
    const match = allowed.find(([text]) => problem.includes(text));
    const lateMatch = late.find(([text]) => problem.includes(text));
    if (match) notes.push(`expected ${problem.slice(0, 60)}...: ${match[1]}`);
    else if (lateMatch) notes.push(`late from the story before ${problem.slice(0, 60)}...: ${lateMatch[1]}`);
    else problems.push(problem);
  }
  return problems;
}

/** Until the story has finished (its play function included), or a docs page and every story on it have. */
async function waitForStory(page) {
  await page.waitForFunction(
    () => {
      const state = window.__fdCheck;
      if (state?.done !== true) return false;
      return !state.docs || document.querySelectorAll('#storybook-docs .sb-story').length <= state.finished;
    },
    null,
    { timeout: STORY_TIMEOUT_MS, polling: 50 },
  );
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
 * One browser context and page per worker. The preview boots once and then switches from story to story as the
 * Storybook manager does (booting it is most of a story's time when every story loads the page anew); storage is
 * wiped before every story. After a failed story the session is replaced, and after a docs page (a tree of stories
 * the runner does not unmount itself) the page is loaded again, so nothing left behind reaches the next story.
 */
async function openSession(browser, origin) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  /** `runtime` collects the current story's console, page and HTTP errors; the runner replaces it per story. */
  const session = { context, origin, page: undefined, booted: false, runtime: [], outsideRequests: [] };
  // The demo clinic makes no requests of its own; anything leaving the static server is a bug (and would hang).
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => {
      session.outsideRequests.push(route.request().url().slice(0, 120));
      return route.abort();
    },
  );
  await context.addInitScript(freshStorage);
  await context.addInitScript(channelHook);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url?.replace(origin, '');
    const where = source && !source.startsWith('/iframe.html') ? ` (${source.slice(0, 200)})` : '';
    session.runtime.push(`console error: ${message.text().split('\n')[0].slice(0, 500)}${where}`);
  });
  page.on('pageerror', (error) => session.runtime.push(`page error: ${error.message.slice(0, 500)}`));
  page.on('response', (response) => {
    if (response.status() >= 400)
      session.runtime.push(`HTTP ${response.status()} for ${response.url().replace(origin, '')}`);
  });
  session.page = page;
  return session;
}

/** Loads the preview without a story and waits until it listens for story selections. */
async function boot(session) {
  const { page, origin } = session;
  session.booted = false;
  await page.setViewportSize(CONTEXT_OPTIONS.viewport);
  await page.goto(`${origin}/iframe.html`, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
  // A preview whose scripts failed to load never reports anything: say so now instead of timing out later.
  await page
    .waitForFunction(() => window.__STORYBOOK_PREVIEW__?.storyStoreValue !== undefined, null, {
      timeout: BOOT_TIMEOUT_MS,
      polling: 50,
    })
    .catch(() => {
      throw new Error('the Storybook preview did not start (no preview channel)');
    });
  // Booting without a story ends in the preview's "no story" screen; a selection made before that would be hidden.
  await page.waitForFunction(() => window.__fdCheck?.previewInitialized === true, null, {
    timeout: BOOT_TIMEOUT_MS,
    polling: 50,
  });
  session.booted = true;
}

async function checkEntry(session, entry) {
  const started = Date.now();
  const problems = [];
  /** Console, page and HTTP errors: a story may expect some of them (`allowErrors`). */
  const runtimeProblems = [];
  session.runtime = runtimeProblems;
  session.outsideRequests.length = 0;
  const notes = [];
  const { page } = session;
  try {
    if (!session.booted) await boot(session);
    const docs = entry.type === 'docs';
    let settings = { check: {}, a11y: {}, viewport: undefined };
    let size = CONTEXT_OPTIONS.viewport;
    if (!docs) {
      settings = await page.evaluate(storySettings, entry.id);
      if (settings.check.skip === true) {
        const reason = settings.check.reason;
        if (typeof reason === 'string' && reason.trim())
          return { status: 'skipped', notes: [reason], ms: Date.now() - started };
        problems.push('skipped without a written reason (parameters.frontdeskCheck.reason)');
      }
      const storySize = viewportSize(settings.viewport);
      if (storySize) {
        size = storySize;
        notes.push(`viewport ${size.width}x${size.height}`);
      }
    }
    // The story renders (and plays) once, at its own viewport.
    const { width, height } = page.viewportSize() ?? {};
    if (width !== size.width || height !== size.height) await page.setViewportSize(size);
    await page.evaluate(selectStory, { storyId: entry.id, viewMode: docs ? 'docs' : 'story' });
    await waitForStory(page);

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
        // axe stays in the page across story switches.
        if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ content: axeSource });
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
    for (const url of session.outsideRequests) runtimeProblems.push(`request outside the static server: ${url}`);
    problems.push(...expectedErrors(settings.check, runtimeProblems, notes, session.allowedBefore));
    session.allowedBefore = settings.check.allowErrors ?? {};
    return { status: problems.length ? 'failed' : 'passed', problems, notes, ms: Date.now() - started };
  } catch (error) {
    problems.push(...runtimeProblems, error instanceof Error ? error.message.split('\n')[0] : String(error));
    return { status: 'failed', problems, notes, ms: Date.now() - started };
  } finally {
    if (entry.type === 'docs') session.booted = false;
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
    let session = await openSession(await liveBrowser(), origin);
    while (next < entries.length) {
      const entry = entries[next++];
      const result = await checkEntry(session, entry);
      if (result.status === 'failed') {
        await session.context.close().catch(() => undefined);
        session = await openSession(await liveBrowser(), origin);
      }
      counts[result.status]++;
      const label = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[result.status];
      const notes = result.notes?.length ? ` [${result.notes.join('; ')}]` : '';
      console.log(`${label} ${entry.id} (${(result.ms / 1000).toFixed(1)}s)${notes}`);
      for (const problem of result.problems ?? []) console.log(`       - ${problem}`);
    }
    await session.context.close().catch(() => undefined);
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
