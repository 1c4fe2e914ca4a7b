// What each page's first download is made of: `node bench/chunks.mjs` (after `pnpm run build`). For every tag, the
// chunks the loader fetches with it (the CDN build's chunk map) and with the REST adapter, each gzip-compressed on its
// own as a server sends it; then, for each chunk named on the command line (`node bench/chunks.mjs base survey`), the
// source modules it holds, from its source map, largest first. What a page really downloads before content is
// measured by wire.mjs; this says where those bytes come from (docs/architecture.md, "Page weight").
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const cdn = resolve(import.meta.dirname, '../packages/frontdesk/dist/cdn');
const KB = 1024;
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const kb = (n) => (n / KB).toFixed(2).padStart(6);
const short = (file) => file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** One source-map segment: its numbers, from base-64 VLQ. */
function segment(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    let digit = BASE64.indexOf(char);
    const more = digit & 32;
    digit &= 31;
    value += digit << shift;
    if (more) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The minified text of each source module in a chunk, by the source map's generated ranges. */
function modulesOf(file) {
  const code = readFileSync(join(cdn, file), 'utf8');
  const map = JSON.parse(readFileSync(join(cdn, `${file}.map`), 'utf8'));
  const lines = code.split('\n');
  const parts = new Map();
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    const text = lines[index] ?? '';
    const points = [];
    let column = 0;
    for (const part of line ? line.split(',') : []) {
      const numbers = segment(part);
      column += numbers[0];
      if (numbers.length > 1) source += numbers[1];
      points.push([column, numbers.length > 1 ? source : -1]);
    }
    points.forEach(([start, at], i) => {
      if (at < 0) return;
      const name = map.sources[at]
        .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
        .replace(/^(\.\.\/)+/, '');
      parts.set(name, (parts.get(name) ?? '') + text.slice(start, points[i + 1]?.[0] ?? text.length));
    });
  });
  return [...parts].map(([name, text]) => ({ name, raw: text.length, gzip: gzip(text) })).sort((a, b) => b.raw - a.raw);
}

const chunkMap = JSON.parse(readFileSync(join(cdn, '.vite/chunk-map.json'), 'utf8'));
const size = new Map();
const sizeOf = (file) => {
  if (!size.has(file)) size.set(file, gzip(readFileSync(join(cdn, file))));
  return size.get(file);
};
const loader = sizeOf('frontdesk.js');
console.log(`each tag with adapter="rest": the loader (${kb(loader)} KB) and these chunks, gzip KB each`);
for (const [tag, indexes] of Object.entries(chunkMap.tags)) {
  const files = [...new Set([...indexes, ...chunkMap.adapters.rest].map((i) => chunkMap.files[i]))];
  const total = loader + files.reduce((sum, file) => sum + sizeOf(file), 0);
  const list = files.map((file) => `${short(file)} ${(sizeOf(file) / KB).toFixed(2)}`).join(', ');
  console.log(`  ${tag.padEnd(18)} ${kb(total)} KB: ${list}`);
}
const wanted = process.argv.slice(2);
for (const name of readdirSync(join(cdn, 'chunks')).filter((n) => n.endsWith('.js'))) {
  if (!wanted.some((prefix) => short(name) === prefix)) continue;
  const file = `chunks/${name}`;
  console.log(`\n${short(file)}: ${kb(sizeOf(file))} KB gzip; its modules (raw bytes, gzip KB of each alone):`);
  for (const module of modulesOf(file)) {
    if (module.raw >= 200) console.log(`  ${String(module.raw).padStart(7)} ${kb(module.gzip)}  ${module.name}`);
  }
}
