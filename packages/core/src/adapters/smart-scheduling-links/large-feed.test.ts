import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Publisher, startPublisher } from '../../../../../test/fhir-server/scheduling-links-publisher.mjs';
import { createSmartSchedulingLinksAdapter, readNdjson } from './index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SLOTS = 100_000;
/** Narrative padding per line: makes the raw text (about 100 MB) several times bigger than the slots kept from it. */
const PADDING = 'x'.repeat(700);
const FIRST = Date.parse('2025-01-06T14:00:00Z');
const SMART = 'http://fhir-registry.smarthealthit.org/StructureDefinition';

/** Written as a template rather than with JSON.stringify: the generator shares the CPU with the parser under test. */
function* slotLines(): Generator<string> {
  for (let i = 0; i < SLOTS; i++) {
    const start = new Date(FIRST + i * 60_000).toISOString();
    const end = new Date(FIRST + i * 60_000 + 15 * 60_000).toISOString();
    const status = i % 4 === 0 ? 'busy' : 'free';
    yield `{"resourceType":"Slot","id":"s${i}","schedule":{"reference":"Schedule/sch${i % 20}"},"status":"${status}","start":"${start}","end":"${end}","text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">${PADDING}</div>"},"extension":[{"url":"${SMART}/booking-deep-link","valueUrl":"https://book.example/s?slot=${i}"},{"url":"${SMART}/slot-capacity","valueInteger":1}]}`;
  }
}

const heap = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

let publisher: Publisher;

beforeAll(async () => {
  publisher = await startPublisher();
  publisher.putManifest('/big/$bulk-publish', [
    { type: 'Schedule', url: '/big/schedules.ndjson' },
    { type: 'Slot', url: '/big/slots.ndjson' },
  ]);
  const schedules = Array.from({ length: 20 }, (_, i) =>
    JSON.stringify({ resourceType: 'Schedule', id: `sch${i}`, actor: [{ reference: `Location/l${i}` }] }),
  );
  publisher.put('/big/schedules.ndjson', schedules.join('\n'));
  publisher.put('/big/slots.ndjson', slotLines, { etag: '"big-1"' });
});

afterAll(async () => {
  await publisher.close();
});

describe('a 100,000-slot NDJSON file', () => {
  it('streams and parses it holding the slots, never the raw text, then lists them all', async () => {
    const feed = createSmartSchedulingLinksAdapter({
      manifestUrl: `${publisher.origin}/big/$bulk-publish`,
      bookingReferral: false,
      maxFileBytes: 256 * 1024 * 1024,
    });
    gc();
    const before = heap();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, heap());
    }, 2);
    const started = performance.now();
    // Any call loads the whole feed: this one builds no slot objects of its own, so memory is the parser's.
    await feed.listLocations();
    const loadSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, heap());
    const rawBytes = publisher.requests.find((request) => request.path === '/big/slots.ndjson')?.bytes ?? 0;
    gc();
    const kept = heap() - before;
    console.info(
      `100,000-slot NDJSON: ${(rawBytes / 1e6).toFixed(0)} MB read in ${loadSeconds.toFixed(2)} s; ` +
        `memory peak +${((peak - before) / 1e6).toFixed(0)} MB, kept +${(kept / 1e6).toFixed(0)} MB`,
    );
    expect(rawBytes).toBeGreaterThan(90_000_000);
    // Generous bounds: memory grows with the slots kept, not with the text read. A parser that held the text (one
    // `response.text()`) would need all of it at once, plus the parsed objects.
    expect(peak - before).toBeLessThan(rawBytes * 0.9);
    expect(kept).toBeLessThan(rawBytes * 0.4);

    const listed = performance.now();
    const { items, dropped } = await feed.listSlots({ start: '2025-01-01T00:00:00Z', end: '2025-12-31T00:00:00Z' });
    expect(dropped).toEqual([]);
    expect(items).toHaveLength(SLOTS);
    expect(items[SLOTS - 1]).toMatchObject({ id: `s${SLOTS - 1}`, locationId: 'l19', status: 'free', capacity: 1 });
    expect(items.filter((slot) => slot.status === 'busy')).toHaveLength(SLOTS / 4);
    expect(performance.now() - listed).toBeLessThan(5_000);
    expect(loadSeconds).toBeLessThan(30);
  }, 60_000);

  it('parses NDJSON from a stream split anywhere, even inside a multi-byte character', async () => {
    const text = '{"name":"Zoë"}\r\n\n{"name":"日本"}\n{"bad":\n{"n":3}';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const values: unknown[] = [];
    const invalid: number[] = [];
    const stats = await readNdjson(stream, {
      onRecord: (value) => values.push(value),
      onInvalid: (line) => invalid.push(line),
    });
    expect(values).toEqual([{ name: 'Zoë' }, { name: '日本' }, { n: 3 }]);
    expect(invalid).toEqual([4]);
    expect(stats).toEqual({ lines: 5, bytes: bytes.length });
  });

  it('skips a line longer than the limit and stops at the byte limit', async () => {
    const lines = ['{"a":1}', `{"long":"${'y'.repeat(5_000)}"}`, '{"a":2}'].join('\n');
    const stream = () => new Response(lines).body as ReadableStream<Uint8Array>;
    const values: unknown[] = [];
    const invalid: string[] = [];
    await readNdjson(stream(), {
      maxLineLength: 1_000,
      onRecord: (value) => values.push(value),
      onInvalid: (line, reason) => invalid.push(`${line}: ${reason}`),
    });
    expect(values).toEqual([{ a: 1 }, { a: 2 }]);
    expect(invalid).toEqual(['2: longer than 1000 characters']);
    await expect(readNdjson(stream(), { maxBytes: 100, onRecord: () => {} })).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });
});
