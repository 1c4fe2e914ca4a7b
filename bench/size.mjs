// Sizes of what npm users install (every package's published modules, each compressed on its own) and of the peers a
// clinic would otherwise put on the page. What a page of the script-tag build downloads is measured in Chromium by
// wire.mjs (docs/design.md section 8). Reads built output: run `pnpm run build` first (`pnpm run bench` does).
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

export function printTable(title, rows) {
  const kb = (n) => (n / KB).toFixed(1).padStart(8);
  console.log(`\n${title}`);
  console.log(`${'what'.padEnd(72)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const row of rows) {
    console.log(`${row.name.padEnd(72)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}  ${row.note ?? ''}`);
  }
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

/**
 * Ours beside the peer it replaces: the survey page on the wire (wire.mjs) beside SurveyJS and LHC-Forms, and our
 * autoloader beside Cal.com's embed loader (whose booking UI then loads as an app in an iframe, not measured here).
 * How many times smaller ours is, gzip and brotli.
 */
function printComparison(wire, peers) {
  const survey = wire.find((row) => row.name === 'survey (NPS)' && !row.error);
  const loader = compressedSizes(readFileSync(join(root, 'packages/frontdesk/dist/cdn/frontdesk.js')));
  const pairs = [
    ...(survey ? [['survey (NPS) page', survey.gzip.bytes.js, survey.br.bytes.js, peers.surveyjs]] : []),
    ...(survey ? [['survey (NPS) page', survey.gzip.bytes.js, survey.br.bytes.js, peers.lforms]] : []),
    ['autoloader frontdesk.js', loader.gzip, loader.brotli, peers.cal],
  ];
  console.log('\nours vs the peer it replaces (peer size / ours; higher means ours is smaller)');
  console.log(`${'ours'.padEnd(24)} ${'peer'.padEnd(64)} ${'gzip'.padStart(7)} ${'brotli'.padStart(7)}`);
  for (const [name, gzip, br, peer] of pairs) {
    const ratio = (theirs, ours) => `${(theirs / ours).toFixed(1)}x`.padStart(7);
    console.log(`${name.padEnd(24)} ${peer.name.padEnd(64)} ${ratio(peer.gzip, gzip)} ${ratio(peer.brotli, br)}`);
  }
}

/** The npm and peer tables, and ours against the peers (no budgets here: the pages' are wire.mjs's). */
export function sizeReport(wire = []) {
  printTable('npm packages (each module gzipped on its own)', packageSizes());
  const peers = peerSizes();
  printTable(
    'peers from npm, same run (each file compressed on its own, summed)',
    Object.values(peers).map((peer) => ({ ...peer, note: 'peer' })),
  );
  printComparison(wire, peers);
  console.log('\npeer files counted:');
  for (const peer of Object.values(peers)) console.log(`  ${peer.name}: ${peer.files.join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) sizeReport();
