// Sizes of what users download: every package's npm output and each page of the script-tag build, gzip and brotli,
// against the budgets of DESIGN.md section 8. Reads built output: run `pnpm run build` first (`pnpm run bench` does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/** Sizes of the script-tag pages, with their budgets (gzip bytes). */
export function pageSizes() {
  const cdn = join(root, 'packages/frontdesk/dist/cdn');
  const manifest = JSON.parse(readFileSync(join(cdn, '.vite/manifest.json'), 'utf8'));
  const entryKey = (suffix) => Object.keys(manifest).find((k) => k.endsWith(suffix));
  const loader = entryKey('src/autoload.ts');
  const pages = [
    { name: 'autoloader alone (frontdesk.js)', keys: [loader], budget: null },
    { name: 'everything (frontdesk.all.js)', keys: [entryKey('src/define-all.ts')], budget: 45 * KB },
  ];
  const widgets = [
    ['provider card page', 'provider-card/src/define.ts', 20 * KB],
    ['slot picker page', 'slot-picker/src/define.ts', 25 * KB],
    ['cost estimate page', 'cost-estimate/src/define.ts', 20 * KB],
    ['survey page', 'survey/src/define.ts', 25 * KB],
  ];
  for (const [name, suffix, budget] of widgets) {
    const key = entryKey(suffix);
    if (key) pages.push({ name: `${name} (loader + Lit + core + widget)`, keys: [loader, key], budget });
  }
  const classic = join(cdn, 'frontdesk.classic.iife.js');
  const rows = pages.map((page) => ({ name: page.name, budget: page.budget, ...bundleSize(cdn, manifest, page.keys) }));
  try {
    rows.push({
      name: 'classic script (frontdesk.classic.iife.js)',
      budget: 45 * KB,
      ...compressedSizes(readFileSync(classic)),
    });
  } catch {}
  return rows;
}

export function printTable(title, rows) {
  const kb = (n) => (n / KB).toFixed(1).padStart(8);
  console.log(`\n${title}`);
  console.log(`${'what'.padEnd(58)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}  budget`);
  let failed = 0;
  for (const row of rows) {
    let verdict = '';
    if (row.budget) {
      const ok = row.gzip <= row.budget;
      if (!ok) failed++;
      verdict = `${ok ? 'pass' : 'FAIL'} (<= ${(row.budget / KB).toFixed(0)} KB gzip${row.ratio ? '' : ''})`;
    }
    if (row.note) verdict = row.note;
    console.log(`${row.name.padEnd(58)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}  ${verdict}`);
  }
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = printTable('npm packages (each module gzipped on its own)', packageSizes());
  failed += printTable('script-tag pages (what a browser downloads)', pageSizes());
  process.exitCode = failed ? 1 : 0;
}
