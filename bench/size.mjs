// Sizes of what users download: every package's npm output and each page of the script-tag build, gzip and brotli,
// against the budgets of DESIGN.md section 8. Reads built output: run `pnpm run build` first (`pnpm run bench` does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { peerFiles, shortPath } from './peers.mjs';

const root = resolve(import.meta.dirname, '..');
const KB = 1024;

export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function filesUnder(dir, keep) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** One number per package: its published JS, each module compressed on its own (as a CDN serves them). */
export function packageSizes() {
  const rows = [];
  for (const name of readdirSync(join(root, 'packages'))) {
    const dist = join(root, 'packages', name, 'dist');
    let files;
    try {
      files = filesUnder(dist, (p) => p.endsWith('.js') && !p.includes(`${join('dist', 'cdn')}`));
    } catch {
      continue;
    }
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const s = compressedSizes(readFileSync(file));
      for (const k of Object.keys(total)) total[k] += s[k];
    }
    rows.push({ name: `npm ${name} (${files.length} modules)`, ...total });
  }
  return rows;
}

/** The files a page downloads for an entry of the CDN build: the entry and everything it statically imports. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

function bundleSize(cdn, manifest, keys) {
  const files = new Set();
  for (const key of keys) for (const k of closure(manifest, key)) files.add(manifest[k].file);
  // Concatenated then compressed: a fair single figure for what crosses the wire.
  return compressedSizes(Buffer.concat([...files].map((f) => readFileSync(join(cdn, f)))));
}

/** Build one page entry on its own and size everything it loads up front (its static import closure). */
async function buildPage(name, entry) {
  const { build } = await import('vite');
  const outDir = join(root, '.cache/bench', name);
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['source'] },
    define: { 'import.meta.env.DEV': 'false' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      manifest: true,
      reportCompressedSize: false,
      lib: { entry: { page: join(root, entry) }, formats: ['es'] },
    },
  });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const key = Object.keys(manifest).find((k) => manifest[k].isEntry);
  return bundleSize(outDir, manifest, [key]);
}

/** Sizes of the script-tag pages, with their budgets (gzip bytes). */
export async function pageSizes() {
  const cdn = join(root, 'packages/frontdesk/dist/cdn');
  const manifest = JSON.parse(readFileSync(join(cdn, '.vite/manifest.json'), 'utf8'));
  const entryKey = (suffix) => Object.keys(manifest).find((k) => k.endsWith(suffix));
  const rows = [
    {
      name: 'autoloader alone (frontdesk.js)',
      budget: null,
      ...bundleSize(cdn, manifest, [entryKey('src/autoload.ts')]),
    },
    {
      name: 'everything (frontdesk.all.js)',
      budget: 45 * KB,
      ...bundleSize(cdn, manifest, [entryKey('src/define-all.ts')]),
    },
  ];
  try {
    rows.push({
      name: 'classic script (frontdesk.classic.iife.js)',
      budget: null,
      note: 'one file, every adapter inlined',
      ...compressedSizes(readFileSync(join(cdn, 'frontdesk.classic.iife.js'))),
    });
  } catch {}
  const loader = rows[0];
  const widgets = [
    ['provider card page', 'provider-card', 20 * KB],
    ['slot picker page', 'slot-picker', 25 * KB],
    ['cost estimate page', 'cost-estimate', 20 * KB],
    ['survey page', 'survey', 25 * KB],
  ];
  for (const [name, pkg, budget] of widgets) {
    const page = await buildPage(pkg, `bench/pages/${pkg}.js`);
    // The loader is a separate file the page also downloads: add its compressed size.
    const total = { raw: page.raw + loader.raw, gzip: page.gzip + loader.gzip, brotli: page.brotli + loader.brotli };
    rows.push({ name: `${name} (loader + Lit + core + widget)`, budget, ...total });
  }
  const rest = await buildPage('rest-adapter', 'bench/pages/rest-adapter.js');
  rows.push({ name: 'REST adapter chunk (loaded on first use)', budget: null, note: 'shares zod with core', ...rest });
  return rows;
}

/** How many size budgets the tables checked (for run.mjs's final line). */
export const countBudgets = { total: 0 };

export function printTable(title, rows) {
  const kb = (n) => (n / KB).toFixed(1).padStart(8);
  console.log(`\n${title}`);
  console.log(`${'what'.padEnd(72)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}  budget`);
  let failed = 0;
  for (const row of rows) {
    let verdict = '';
    if (row.budget) {
      countBudgets.total++;
      const ok = row.gzip <= row.budget;
      if (!ok) failed++;
      verdict = `${ok ? 'pass' : 'FAIL'} (<= ${(row.budget / KB).toFixed(0)} KB gzip)`;
    }
    if (row.note) verdict = verdict ? `${verdict}; ${row.note}` : row.note;
    console.log(`${row.name.padEnd(72)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}  ${verdict}`);
  }
  return failed;
}

/** Each peer's files compressed one by one (each is its own request) and summed. */
export function peerSizes() {
  const rows = {};
  for (const [key, peer] of Object.entries(peerFiles())) {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of peer.files) {
      const s = compressedSizes(readFileSync(file));
      for (const k of Object.keys(total)) total[k] += s[k];
    }
    rows[key] = { name: peer.name, files: peer.files.map(shortPath), ...total };
  }
  return rows;
}

/** Our page beside the peer it replaces: how many times smaller ours is, gzip and brotli. */
function printComparison(pages, peers) {
  const find = (prefix) => pages.find((row) => row.name.startsWith(prefix));
  const pairs = [
    [find('survey page'), peers.surveyjs],
    [find('survey page'), peers.lforms],
    [find('slot picker page'), peers.cal],
  ];
  console.log('\nours vs the peer it replaces (peer size / our size; higher means ours is smaller)');
  console.log(`${'ours'.padEnd(20)} ${'peer'.padEnd(64)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}`);
  for (const [ours, peer] of pairs) {
    const ratio = (k) => `${(peer[k] / ours[k]).toFixed(1)}x`.padStart(7);
    console.log(`${ours.name.split(' (')[0].padEnd(20)} ${peer.name.padEnd(64)} ${ratio('gzip')} ${ratio('brotli')}`);
  }
}

/** Every size table; returns how many budgets failed. */
export async function sizeReport() {
  let failed = printTable('npm packages (each module gzipped on its own)', packageSizes());
  const pages = await pageSizes();
  const peers = peerSizes();
  failed += printTable('script-tag pages (what a browser downloads), and peers from npm in the same run', [
    ...pages,
    ...Object.values(peers).map((peer) => ({ ...peer, note: 'peer (each file compressed on its own, summed)' })),
  ]);
  printComparison(pages, peers);
  console.log('\npeer files counted:');
  for (const peer of Object.values(peers)) console.log(`  ${peer.name}: ${peer.files.join(', ')}`);
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = (await sizeReport()) ? 1 : 0;
}
