// Speed figures against docs/design.md section 8, printed as a table with pass or fail: in Chromium, the slot picker
// and the survey rendering large inputs, with SurveyJS and LHC-Forms rendering the same Questionnaires in the same run;
// in Node, the FHIR and SMART Scheduling Links mapping costs beside a bare JSON.parse of the same data. (How long a
// page takes to show content on a slow network is wire.mjs's.) Reads built output: run `pnpm run build` first (`pnpm run bench` does).
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { slotsFromBundle } from '../packages/core/dist/adapters/fhir/index.js';
import { readNdjson } from '../packages/core/dist/adapters/smart-scheduling-links/index.js';
import { demoClinic } from '../test/fhir-server/server.mjs';
import { buildSpeedPages, serveSpeedPages } from './speed-pages/build.mjs';

const ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Median of `runs` timings of `fn` (after one warm-up run). */
async function median(fn, runs = 5) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** 10,000 FHIR Slots over 90 days on the demo clinic's real Schedules, as a `Slot?_include=Slot:schedule` Bundle. */
async function slotBundle() {
  const resources = await demoClinic({ days: 7 });
  const included = resources.filter((r) => r.resourceType === 'Schedule' || r.resourceType === 'PractitionerRole');
  const template = resources.find((r) => r.resourceType === 'Slot');
  const start = Date.parse('2030-01-07T14:00:00Z');
  const entry = [];
  for (let i = 0; i < 10_000; i++) {
    const at = start + Math.floor(i / 112) * 86_400_000 + (i % 112) * 300_000;
    entry.push({
      fullUrl: `urn:bench:slot-${i}`,
      resource: {
        ...template,
        id: `bench-${i}`,
        start: new Date(at).toISOString(),
        end: new Date(at + 1_200_000).toISOString(),
      },
      search: { mode: 'match' },
    });
  }
  for (const resource of included) entry.push({ resource, search: { mode: 'include' } });
  return { resourceType: 'Bundle', type: 'searchset', entry };
}

function ndjsonText(lines) {
  const rows = [];
  for (let i = 0; i < lines; i++) {
    const start = new Date(Date.parse('2030-01-07T14:00:00Z') + i * 300_000).toISOString();
    rows.push(
      JSON.stringify({
        resourceType: 'Slot',
        id: `s${i}`,
        schedule: { reference: `Schedule/${i % 40}` },
        status: 'free',
        start,
        end: start,
      }),
    );
  }
  return `${rows.join('\n')}\n`;
}

function streamOf(text) {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      controller.close();
    },
  });
}

const WARM_UPS = 2;
const RUNS = 7;

/**
 * Open one bench page alone in its own browser (so it is visible and gets frames), then run each named measure:
 * warm-ups, then the median of RUNS. Each measure checks in the page that it rendered what it should.
 */
async function measurePage(origin, name, measures) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ARGS });
  const out = {};
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/${name}.html`);
    await page.waitForFunction(() => globalThis.bench, null, { timeout: 20_000 });
    for (const measure of measures) {
      try {
        const ms = [];
        const paint = [];
        for (let run = 0; run < WARM_UPS + RUNS; run++) {
          const result = await page.evaluate((m) => globalThis.bench[m](), measure);
          if (!result.check) throw new Error(`${name} ${measure}: did not render what was expected`);
          if (run >= WARM_UPS) {
            ms.push(result.ms);
            paint.push(result.paint);
          }
        }
        out[measure] = { ms: middle(ms), paint: middle(paint) };
      } catch (error) {
        out[measure] = { error: error.message.split('\n')[0] };
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

const middle = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Widget render and interaction figures in Chromium, ours against budgets, the peers beside them. */
async function widgetRows() {
  await buildSpeedPages();
  const { server, origin } = await serveSpeedPages();
  try {
    const slots = await measurePage(origin, 'ours-slots', ['firstRender', 'switchDay']);
    const survey = await measurePage(origin, 'ours-survey', ['phq9', 'big', 'latency']);
    const surveyjs = await measurePage(origin, 'surveyjs', ['phq9', 'big', 'latency']);
    const lforms = await measurePage(origin, 'lforms', ['phq9', 'big', 'latency']);
    const calNote =
      'Cal.com: not measured (its booking UI is a hosted app in an iframe from cal.com, not in the npm package)';
    const peers = (m) => ({ SurveyJS: surveyjs[m], 'LHC-Forms': lforms[m] });
    return [
      { name: 'slot picker: 10,000 slots / 90 days, first render', ...slots.firstRender, budget: 50, note: calNote },
      { name: 'slot picker: switch day (112 times)', ...slots.switchDay, budget: 16, note: calNote },
      { name: 'survey: PHQ-9 first render', ...survey.phq9, budget: 30, peers: peers('phq9') },
      { name: 'survey: 300-item Questionnaire first render', ...survey.big, budget: 150, peers: peers('big') },
      {
        name: 'survey: 300 items, answer to dependants shown',
        ...survey.latency,
        budget: 16.7,
        peers: peers('latency'),
      },
    ];
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

export async function speedRows() {
  const rows = await widgetRows();

  const bundle = await slotBundle();
  const bundleText = JSON.stringify(bundle);
  const mapped = slotsFromBundle(JSON.parse(bundleText));
  if (mapped.items.length !== 10_000) throw new Error(`expected 10,000 mapped slots, got ${mapped.items.length}`);
  const parseBundle = await median(() => JSON.parse(bundleText));
  const mapBundle = await median(() => slotsFromBundle(JSON.parse(bundleText)));
  rows.push({ name: 'FHIR: 10,000 Slots from a Bundle (parse + map)', ms: mapBundle, ratio: mapBundle / parseBundle });

  const text = ndjsonText(100_000);
  const bare = await median(() => {
    for (const line of text.split('\n')) if (line) JSON.parse(line);
  }, 3);
  let records = 0;
  const streamed = await median(async () => {
    records = 0;
    await readNdjson(streamOf(text), { onRecord: () => records++ });
  }, 3);
  if (records !== 100_000) throw new Error(`expected 100,000 NDJSON records, got ${records}`);
  rows.push({ name: 'SMART: 100,000-line NDJSON, streamed', ms: streamed, ratio: streamed / bare });
  return rows;
}

const fmt = (figure) => (figure?.ms === undefined ? '' : figure.ms.toFixed(1));

export function printSpeed(rows) {
  console.log(`\nspeed in Chromium and Node (median of ${RUNS} runs after ${WARM_UPS} warm-ups)`);
  console.log(
    'ms: from handing over the data or the input to rendered, style and layout included; paint: to the next frame shown',
  );
  console.log(
    `${'what'.padEnd(60)} ${'ms'.padStart(7)} ${'paint'.padStart(7)}  ${'budget'.padEnd(18)} ${'SurveyJS (x ours)'.padStart(18)} ${'LHC-Forms (x ours)'.padStart(18)}  vs JSON.parse`,
  );
  let failed = 0;
  const notes = new Set();
  for (const row of rows) {
    let verdict = '(no budget)';
    if (row.error) {
      failed++;
      verdict = 'FAIL (error)';
      notes.add(`${row.name}: ${row.error}`);
    } else if (row.budget !== undefined) {
      const ok = row.ms < row.budget;
      if (!ok) failed++;
      verdict = `${ok ? 'pass' : 'FAIL'} (< ${row.budget} ms)`;
    }
    const peer = (name) => {
      const figure = row.peers?.[name];
      if (figure?.error) notes.add(`${name}, ${row.name}: not measured (${figure.error})`);
      if (!figure || figure.error) return (figure ? 'error' : '').padStart(18);
      // The peer's time beside ours, and how many times ours is faster (median against median, same run).
      const times = row.ms ? ` (${(figure.ms / row.ms).toFixed(1)}x)` : '';
      return `${fmt(figure)}${times}`.padStart(18);
    };
    if (row.note) notes.add(row.note);
    const ratio = row.ratio ? `${row.ratio.toFixed(2)}x` : '';
    const paint = row.paint === undefined ? '' : row.paint.toFixed(1);
    console.log(
      `${row.name.padEnd(60)} ${fmt(row).padStart(7)} ${paint.padStart(7)}  ${verdict.padEnd(18)} ${peer('SurveyJS')} ${peer('LHC-Forms')}  ${ratio}`,
    );
  }
  for (const note of notes) console.log(`  note: ${note}`);
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = printSpeed(await speedRows()) ? 1 : 0;
}
