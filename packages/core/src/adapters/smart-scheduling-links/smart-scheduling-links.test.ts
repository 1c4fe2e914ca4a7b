import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EXAMPLES_DIR,
  EXAMPLES_ORIGIN,
  type Publisher,
  startPublisher,
} from '../../../../../test/fhir-server/scheduling-links-publisher.mjs';
import { expectOnlyDirectory } from '../../../../../test/support/adapter-contract.js';
import { DIRECTORY_ONLY } from '../../../../../test/support/adapters.js';
import { failure } from '../../../../../test/support/errors.js';
import type { FrontdeskAdapter } from '../../adapter.js';
import { createAdapter } from '../registry.js';
import { createSmartSchedulingLinksAdapter } from './index.js';

const SMART = 'http://fhir-registry.smarthealthit.org/StructureDefinition';
const WEEKS = { start: '2021-03-01T00:00:00Z', end: '2021-03-15T00:00:00Z' };

let publisher: Publisher;
let now: number;
const clock = () => now;

/** Serves NDJSON: one resource a line. */
const putLines = (path: string, lines: readonly string[]) => publisher.put(path, lines.join('\n'));

beforeEach(async () => {
  publisher = await startPublisher();
  now = Date.parse('2021-03-01T08:00:00Z');
});

afterEach(async () => {
  await publisher.close();
});

function adapter(options: Record<string, unknown> = {}): FrontdeskAdapter {
  return createSmartSchedulingLinksAdapter({
    manifestUrl: publisher.manifestUrl,
    source: 'cumberland-valley',
    bookingReferral: () => 'ref-1',
    now: clock,
    retries: 0,
    ...options,
  });
}

const requestsSince = (start: number) => publisher.requests.slice(start);

describe('smart-scheduling-links adapter: the public example files', () => {
  beforeEach(() => publisher.serveExamples());

  it('lists the ten Massachusetts locations, shown in Eastern time', async () => {
    const { items, dropped } = await adapter().listLocations();
    expect(items).toHaveLength(10);
    expect(dropped).toEqual([]);
    expect(items[0]).toEqual({
      id: '0',
      name: 'SMART Vaccine Clinic Boston',
      address: { lines: ['123 Summer St'], city: 'Boston', state: 'MA', postalCode: '02114' },
      phone: '000-000-0000',
      timeZone: 'America/New_York',
    });
  });

  it('offers each service, vaccine product and dose the schedules name as a visit type, and no providers', async () => {
    const feed = adapter();
    const visitTypes = await feed.listVisitTypes();
    expect(visitTypes.items.map(({ id, name, patientType }) => ({ id, name, patientType }))).toEqual([
      {
        id: 'covid19-immunization:cvx-207:dose-1',
        name: 'COVID-19 Immunization Appointment: Moderna COVID-19 Vaccine, dose 1',
        patientType: 'any',
      },
    ]);
    expect((await feed.listProviders()).items).toEqual([]);
    expect((await failure(feed.getProvider('0'))).kind).toBe('not-found');
  });

  it('lists both weeks of slots joined to their locations, with the deep link parameters appended', async () => {
    const { items, dropped } = await adapter().listSlots(WEEKS);
    expect(items).toHaveLength(140);
    expect(items.every((slot, i) => i === 0 || Date.parse(slot.start) >= Date.parse(items[i - 1]!.start))).toBe(true);
    expect(items.find((slot) => slot.id === '20')).toEqual({
      id: '20',
      start: '2021-03-01T14:00:00.000Z',
      end: '2021-03-01T23:00:00.000Z',
      locationId: '0',
      visitTypeIds: ['covid19-immunization:cvx-207:dose-1'],
      status: 'free',
      capacity: 100,
      bookingLink:
        'https://ehr-portal.example.org/bookings?slot=1000000&source=cumberland-valley&booking-referral=ref-1',
      bookingPhone: '000-000-0000',
    });
    // The manifest names three more weeks the example set does not include: reported, not fatal.
    expect(dropped.map((record) => record.field)).toEqual([
      'slots-2021-W11.ndjson',
      'slots-2021-W12.ndjson',
      'slots-2021-W13.ndjson',
    ]);
    expect(dropped[0]!.reason).toContain('404');
  });

  it('filters slots by location and visit type, and by the window', async () => {
    const feed = adapter();
    const boston = await feed.listSlots({ ...WEEKS, locationId: '0' });
    expect(boston.items).toHaveLength(14);
    expect(boston.items.every((slot) => slot.locationId === '0')).toBe(true);
    expect((await feed.listSlots({ ...WEEKS, visitTypeId: 'flu' })).items).toEqual([]);
    const oneDay = await feed.listSlots({ start: '2021-03-02T00:00:00Z', end: '2021-03-03T00:00:00Z' });
    expect(oneDay.items).toHaveLength(10);
  });

  it('asks again no sooner than a minute, then conditionally, and reuses what has not changed', async () => {
    const feed = adapter();
    const first = await feed.listSlots(WEEKS);
    const afterFirst = publisher.requests.length;
    expect(publisher.requests.every((request) => request.ifNoneMatch === undefined)).toBe(true);

    now += 59_000; // max-age=0, but still within the minute
    await feed.listSlots(WEEKS);
    await feed.listLocations();
    expect(requestsSince(afterFirst)).toEqual([]);

    now += 2_000;
    const second = await feed.listSlots(WEEKS);
    const conditional = requestsSince(afterFirst).filter(
      (request) => request.path !== '/examples/slots-2021-W11.ndjson',
    );
    expect(conditional.length).toBeGreaterThanOrEqual(5);
    const served = conditional.filter((request) => !/W1[123]/.test(request.path));
    expect(served.every((request) => typeof request.ifNoneMatch === 'string')).toBe(true);
    expect(second.items).toEqual(first.items);

    // The publisher changes one file: the next poll picks it up.
    const changed = `${'{"resourceType":"Slot","id":"new-1","schedule":{"reference":"Schedule/10"},"status":"busy",'}"start":"2021-03-09T15:00:00Z","end":"2021-03-09T15:15:00Z"}`;
    publisher.put('/examples/slots-2021-W10.ndjson', changed);
    now += 61_000;
    const third = await feed.listSlots(WEEKS);
    expect(third.items).toHaveLength(71);
    expect(third.items.find((slot) => slot.id === 'new-1')).toMatchObject({ status: 'busy', locationId: '0' });
  });

  it('honours a longer Cache-Control max-age, counting the Age the response already has', async () => {
    publisher.serveExamples({ cacheControl: 'public, max-age=600' });
    const feed = adapter();
    await feed.listLocations();
    const afterFirst = publisher.requests.length;
    now += 599_000;
    await feed.listLocations();
    expect(requestsSince(afterFirst)).toEqual([]);
    now += 2_000;
    await feed.listLocations();
    expect(requestsSince(afterFirst).map((request) => request.path)).toContain('/examples/$bulk-publish');
  });

  it('shares one refresh between concurrent callers', async () => {
    const feed = adapter();
    await Promise.all([feed.listSlots(WEEKS), feed.listLocations(), feed.listVisitTypes()]);
    const manifests = publisher.requests.filter((request) => request.path === '/examples/$bulk-publish');
    expect(manifests).toHaveLength(1);
  });

  it('is read-only: booking, prices, plans and surveys are unsupported', async () => {
    const feed = adapter();
    expect(feed.capabilities).toEqual({ ...DIRECTORY_ONLY, booking: 'link' });
    await expectOnlyDirectory(feed);
    expect(await feed.getOrganization()).toEqual({
      id: new URL(publisher.origin).host,
      name: new URL(publisher.origin).host,
      currency: 'USD',
    });
  });

  it('is built by the registry from attributes, options as JSON', async () => {
    const feed = await createAdapter({
      adapter: 'smart-scheduling-links',
      api: publisher.manifestUrl,
      options: { states: ['MA'], organizationName: 'SMART Vaccine Clinic', unknownKey: 1 },
    });
    expect(feed.name).toBe('smart-scheduling-links');
    expect((await feed.getOrganization()).name).toBe('SMART Vaccine Clinic');
    expect((await feed.listLocations()).items).toHaveLength(10);
  });
});

describe('smart-scheduling-links adapter: synthetic feeds', () => {
  const location = (id: string, state: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      resourceType: 'Location',
      id,
      name: `Clinic ${id}`,
      telecom: [{ system: 'phone', value: '602-555-0100' }],
      address: { line: ['1 Main St'], city: 'Phoenix', state, postalCode: '85001' },
      ...extra,
    });
  const schedule = (id: string, locationId: string, code: string) =>
    JSON.stringify({
      resourceType: 'Schedule',
      id,
      actor: [{ reference: `Location/${locationId}` }],
      serviceType: [
        { coding: [{ system: 'http://fhir-registry.smarthealthit.org/CodeSystem/service-type', code, display: code }] },
      ],
    });
  const slot = (
    id: string,
    scheduleId: string,
    start: string,
    end: string,
    status = 'free',
    extension: unknown[] = [],
  ) =>
    JSON.stringify({
      resourceType: 'Slot',
      id,
      schedule: { reference: `Schedule/${scheduleId}` },
      status,
      start,
      end,
      extension,
    });

  it('maps 15-minute free and busy slots, offsets written short, and hostile lines', async () => {
    publisher.putManifest('/feed/$bulk-publish', [
      { type: 'Location', url: '/feed/locations.ndjson' },
      { type: 'Schedule', url: '/feed/schedules.ndjson' },
      { type: 'Slot', url: '/feed/slots.ndjson', extension: { state: ['AZ'] } },
    ]);
    publisher.put(
      '/feed/locations.ndjson',
      [
        location('az', 'AZ'),
        location('far', 'ZZ', { name: '' }),
        '',
        location('tz', 'AZ', {
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/timezone', valueCode: 'America/Denver' }],
        }),
      ].join('\r\n'),
    );
    putLines('/feed/schedules.ndjson', [
      schedule('flu', 'az', 'flu-shot'),
      schedule('tz', 'tz', 'covid19-immunization'),
    ]);
    // Local times at UTC-7, with the offset written the short ways some publishers write it.
    const first = Date.parse('2024-10-07T09:00:00-07:00');
    const local = (ms: number) => new Date(ms - 7 * 3_600_000).toISOString().slice(0, 19);
    const slots: string[] = [];
    for (let i = 0; i < 8; i++) {
      const start = `${local(first + i * 900_000)}-07`;
      const end = `${local(first + (i + 1) * 900_000)}-0700`;
      const link = i === 0 ? 'javascript:alert(1)' : `https://book.example/flu?slot=s${i}#details`;
      slots.push(
        slot(`s${i}`, 'flu', start, end, i % 2 === 0 ? 'free' : 'busy', [
          { url: `${SMART}/booking-deep-link`, valueUrl: link },
          { url: `${SMART}/booking-phone`, valueString: i === 1 ? 'call us!' : '602-555-0101' },
        ]),
      );
    }
    slots.push(slot('backwards', 'flu', '2024-10-07T12:00:00-07:00', '2024-10-07T11:00:00-07:00'));
    slots.push('{"resourceType":"Slot","id":"cut-off"');
    slots.push(JSON.stringify({ resourceType: 'Patient', id: 'p1' }));
    putLines('/feed/slots.ndjson', slots);

    const feed = createSmartSchedulingLinksAdapter({
      manifestUrl: `${publisher.origin}/feed/$bulk-publish`,
      source: 'clinic site',
      bookingReferral: false,
      now: clock,
    });
    const locations = await feed.listLocations();
    expect(locations.items.map(({ id, timeZone }) => ({ id, timeZone }))).toEqual([
      { id: 'az', timeZone: 'America/Phoenix' },
      { id: 'tz', timeZone: 'America/Denver' },
    ]);
    expect(locations.dropped).toEqual([expect.objectContaining({ field: 'locations.ndjson:2', id: 'far' })]);

    const { items, dropped } = await feed.listSlots({ start: '2024-10-07T00:00:00Z', end: '2024-10-08T00:00:00Z' });
    expect(items).toHaveLength(8);
    expect(items.map((s) => s.status)).toEqual(['free', 'busy', 'free', 'busy', 'free', 'busy', 'free', 'busy']);
    expect(items[0]).toEqual({
      id: 's0',
      start: '2024-10-07T09:00:00-07:00',
      end: '2024-10-07T09:15:00-07:00',
      locationId: 'az',
      visitTypeIds: ['flu-shot'],
      status: 'free',
      bookingPhone: '602-555-0101',
    });
    expect(items[1]!.bookingLink).toBe('https://book.example/flu?slot=s1&source=clinic+site#details');
    expect(items[1]!.bookingPhone).toBeUndefined();
    expect(dropped.map((record) => record.field)).toEqual(['slots.ndjson:9', 'slots.ndjson:10', 'slots.ndjson:11']);
    expect(dropped[0]!.reason).toContain('end is not after start');
    expect(dropped[1]!.reason).toContain('not valid JSON');
    expect(dropped[2]!.reason).toContain('expected a Slot, got Patient');
  });

  it('fetches only the outputs for the states asked for', async () => {
    publisher.putManifest('/feed/$bulk-publish', [
      { type: 'Slot', url: '/feed/ma.ndjson', extension: { state: ['MA'] } },
      { type: 'Slot', url: '/feed/ct.ndjson', extension: { state: ['CT', 'RI'] } },
      { type: 'Slot', url: '/feed/all.ndjson' },
    ]);
    for (const name of ['ma', 'ct', 'all']) {
      publisher.put(`/feed/${name}.ndjson`, slot(name, 'none', '2024-10-07T09:00:00Z', '2024-10-07T09:15:00Z'));
    }
    const feed = adapter({ manifestUrl: `${publisher.origin}/feed/$bulk-publish`, states: ['ct'] });
    const { items } = await feed.listSlots({ start: '2024-10-07T00:00:00Z', end: '2024-10-08T00:00:00Z' });
    expect(items.map((s) => s.id).sort()).toEqual(['all', 'ct']);
    expect(publisher.requests.map((request) => request.path)).not.toContain('/feed/ma.ndjson');
  });

  describe('_since incremental polling', () => {
    const T0 = '2021-03-01T07:00:00.000Z';
    const T1 = '2021-03-01T08:00:30.000Z';
    const DAY = { start: '2021-03-02T00:00:00Z', end: '2021-03-03T00:00:00Z' };
    const at = (hour: number) => `2021-03-02T${String(hour).padStart(2, '0')}:00:00Z`;
    const versioned = (id: string, hour: number, status: string, lastUpdated: string) =>
      JSON.stringify({ ...JSON.parse(slot(id, 'flu', at(hour), at(hour + 1), status)), meta: { lastUpdated } });
    const manifestRequests = () => publisher.requests.filter((request) => request.path === '/inc/$bulk-publish');

    beforeEach(() => {
      publisher.putManifest(
        '/inc/$bulk-publish',
        [
          { type: 'Location', url: '/inc/locations.ndjson' },
          { type: 'Schedule', url: '/inc/schedules.ndjson' },
          { type: 'Slot', url: '/inc/slots.ndjson' },
        ],
        { transactionTime: T0 },
      );
      publisher.put('/inc/locations.ndjson', location('az', 'AZ'));
      publisher.put('/inc/schedules.ndjson', schedule('flu', 'az', 'flu-shot'));
      putLines('/inc/slots.ndjson', [
        versioned('s1', 9, 'free', '2021-03-01T06:00:00Z'),
        versioned('s2', 10, 'free', '2021-03-01T06:00:00Z'),
        versioned('s3', 11, 'free', '2021-03-01T06:30:00Z'),
      ]);
    });

    it('asks for what changed since the last read and merges it, the latest version of a slot winning', async () => {
      // What the publisher answers to ?_since=T0: only the changes, its `request` echoing the _since.
      publisher.putManifest(
        `/inc/$bulk-publish?_since=${T0}`,
        [
          { type: 'Slot', url: '/inc/changes-1.ndjson' },
          { type: 'Location', url: '/inc/locations-changed.ndjson' },
        ],
        { transactionTime: T1, cacheControl: 'max-age=300' },
      );
      putLines('/inc/changes-1.ndjson', [
        versioned('s2', 10, 'busy', '2021-03-01T08:00:10Z'),
        versioned('s4', 12, 'free', '2021-03-01T08:00:20Z'),
        // An older version of s3 than the one already read: it loses.
        versioned('s3', 11, 'busy', '2021-03-01T05:00:00Z'),
      ]);
      publisher.put('/inc/locations-changed.ndjson', location('az', 'AZ', { name: 'Clinic az (moved)' }));
      const feed = adapter({ manifestUrl: `${publisher.origin}/inc/$bulk-publish` });

      const first = await feed.listSlots(DAY);
      expect(first.items.map((s) => [s.id, s.status])).toEqual([
        ['s1', 'free'],
        ['s2', 'free'],
        ['s3', 'free'],
      ]);
      expect(manifestRequests().map((request) => request.query)).toEqual(['']);

      now += 61_000;
      const before = publisher.requests.length;
      const second = await feed.listSlots(DAY);
      expect(second.items.map((s) => [s.id, s.status])).toEqual([
        ['s1', 'free'],
        ['s2', 'busy'],
        ['s3', 'free'],
        ['s4', 'free'],
      ]);
      expect(second.items.every((s) => s.locationId === 'az' && s.visitTypeIds[0] === 'flu-shot')).toBe(true);
      expect((await feed.listLocations()).items.map((l) => l.name)).toEqual(['Clinic az (moved)']);
      const asked = requestsSince(before);
      // Conditional as before (the last manifest's ETag), with _since; only the changed files are fetched.
      expect(asked[0]).toMatchObject({ path: '/inc/$bulk-publish', ifNoneMatch: expect.any(String) });
      expect(new URLSearchParams(asked[0]!.query).get('_since')).toBe(T0);
      expect(
        asked
          .slice(1)
          .map((request) => request.path)
          .sort(),
      ).toEqual(['/inc/changes-1.ndjson', '/inc/locations-changed.ndjson']);

      // The changes' Cache-Control (max-age=300) holds the next poll back; then it asks _since=T1.
      publisher.putManifest(`/inc/$bulk-publish?_since=${T1}`, [], { transactionTime: T1 });
      now += 200_000;
      await feed.listSlots(DAY);
      expect(manifestRequests()).toHaveLength(2);
      now += 101_000;
      const third = await feed.listSlots(DAY);
      expect(third.items).toEqual(second.items);
      expect(new URLSearchParams(manifestRequests()[2]!.query).get('_since')).toBe(T1);

      // Nothing new: the same answer again is a 304, and no file is asked for.
      now += 61_000;
      const afterThird = publisher.requests.length;
      expect((await feed.listSlots(DAY)).items).toEqual(second.items);
      expect(requestsSince(afterThird)).toEqual([
        expect.objectContaining({ path: '/inc/$bulk-publish', ifNoneMatch: expect.any(String) }),
      ]);
    });

    it('reads everything again when the publisher ignores _since, so removed slots go away', async () => {
      const feed = adapter({ manifestUrl: `${publisher.origin}/inc/$bulk-publish` });
      expect((await feed.listSlots(DAY)).items).toHaveLength(3);
      publisher.put('/inc/slots.ndjson', versioned('s1', 9, 'busy', '2021-03-01T08:00:00Z'));
      now += 61_000;
      const second = await feed.listSlots(DAY);
      // It was asked with _since, answered in full (its `request` has no _since): s2 and s3 are gone.
      expect(new URLSearchParams(manifestRequests()[1]!.query).get('_since')).toBe(T0);
      expect(second.items.map((s) => [s.id, s.status])).toEqual([['s1', 'busy']]);
    });
  });

  it('falls back to plain requests when conditional ones fail as a network error (no CORS preflight)', async () => {
    publisher.serveExamples();
    const seen: Array<string | null> = [];
    const fetchWithoutPreflight: typeof fetch = (input, init) => {
      const conditional = new Headers(init?.headers).get('if-none-match');
      seen.push(conditional);
      return conditional ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    };
    const feed = adapter({ fetch: fetchWithoutPreflight });
    await feed.listLocations();
    const firstRound = seen.length;
    expect(seen.every((value) => value === null)).toBe(true);
    now += 61_000;
    const { items } = await feed.listLocations();
    expect(items).toHaveLength(10);
    // One conditional request failed; everything after it, on that origin, went out plain.
    const secondRound = seen.slice(firstRound);
    expect(secondRound[0]).toEqual(expect.any(String));
    expect(secondRound.slice(1).every((value) => value === null)).toBe(true);
    expect(secondRound.length).toBeGreaterThan(2);
  });

  it('keeps showing the last data when a refresh fails, and says so', async () => {
    publisher.serveExamples();
    const feed = adapter();
    await feed.listLocations();
    publisher.put('/examples/$bulk-publish', 'not json at all');
    now += 61_000;
    const { items, dropped } = await feed.listLocations();
    expect(items).toHaveLength(10);
    expect(dropped[0]).toMatchObject({ field: 'manifest' });
    expect(dropped[0]!.reason).toContain('refresh failed');
  });

  it('refuses bad settings and a manifest that is not one', async () => {
    expect(() => createSmartSchedulingLinksAdapter({ manifestUrl: 'http://feeds.example.org/$bulk-publish' })).toThrow(
      expect.objectContaining({ kind: 'invalid-input', field: 'manifestUrl' }),
    );
    expect(() => adapter({ minPollSeconds: 5 })).toThrow(expect.objectContaining({ field: 'options.minPollSeconds' }));
    expect(() => adapter({ states: ['Massachusetts'] })).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
    publisher.put('/examples/$bulk-publish', JSON.stringify({ resourceType: 'Bundle' }));
    expect((await failure(adapter().listLocations())).kind).toBe('invalid-response');
  });

  it('aborts a listing when its caller aborts, without spoiling the shared refresh for others', async () => {
    publisher.serveExamples();
    const feed = adapter();
    const controller = new AbortController();
    const aborted = feed.listSlots(WEEKS, { signal: controller.signal });
    const other = feed.listSlots(WEEKS);
    controller.abort();
    expect((await failure(aborted)).kind).toBe('aborted');
    expect((await other).items).toHaveLength(140);
  });
});

describe('smart-scheduling-links adapter: real-world shapes', () => {
  const line = (resource: unknown) => JSON.stringify(resource);
  const slot = (id: string, extra: Record<string, unknown> = {}) => ({
    resourceType: 'Slot',
    id,
    schedule: { reference: 'Schedule/s1' },
    status: 'free',
    start: '2021-03-02T15:00:00Z',
    end: '2021-03-02T15:15:00Z',
    ...extra,
  });

  it('lists locations and their slots with no practitioners at all, by location (the location-first query)', async () => {
    publisher.put(
      '/feed/locations.ndjson',
      [
        line({
          resourceType: 'Location',
          id: 'el-paso',
          name: 'El Paso clinic',
          address: { city: 'El Paso', state: 'TX', postalCode: '79901' },
        }),
        line({
          resourceType: 'Location',
          id: 'houston',
          name: 'Houston clinic',
          address: { city: 'Houston', state: 'TX', postalCode: '77002' },
        }),
        line({
          resourceType: 'Location',
          id: 'fort-hancock',
          name: 'Fort Hancock',
          address: { city: 'Fort Hancock', state: 'TX' },
          position: { latitude: 31.3, longitude: -105.85 },
        }),
        line({
          resourceType: 'Location',
          id: 'pensacola',
          name: 'Pensacola',
          address: { city: 'Pensacola', state: 'FL', postalCode: '32501' },
        }),
      ].join('\n'),
    );
    publisher.put(
      '/feed/schedules.ndjson',
      line({
        resourceType: 'Schedule',
        id: 's1',
        actor: [{ reference: 'Location/el-paso' }],
        serviceType: [{ coding: [{ code: 'flu', display: 'Flu shot' }] }],
      }),
    );
    putLines('/feed/slots-a.ndjson', [
      line(slot('dup', { meta: { lastUpdated: '2021-03-01T10:00:00Z' } })),
      line(slot('full', { extension: [{ url: `${SMART}/slot-capacity`, valueInteger: 0 }] })),
      line(slot('open', { extension: [{ url: `${SMART}/slot-capacity`, valueInteger: 12 }] })),
    ]);
    putLines('/feed/slots-b.ndjson', [
      line(slot('dup', { status: 'busy', meta: { lastUpdated: '2021-03-01T11:00:00Z' } })),
      line(slot('old', { meta: { lastUpdated: '2021-03-01T09:00:00Z' } })),
    ]);
    publisher.put(
      '/feed/slots-c.ndjson',
      line(slot('old', { status: 'busy', meta: { lastUpdated: '2021-02-01T09:00:00Z' } })),
    );
    publisher.putManifest('/feed/$bulk-publish', [
      { type: 'Location', url: '/feed/locations.ndjson' },
      { type: 'Schedule', url: '/feed/schedules.ndjson' },
      { type: 'Slot', url: '/feed/slots-a.ndjson' },
      { type: 'Slot', url: '/feed/slots-b.ndjson' },
      { type: 'Slot', url: '/feed/slots-c.ndjson' },
    ]);
    const feed = adapter({ manifestUrl: `${publisher.origin}/feed/$bulk-publish` });
    expect((await feed.listProviders()).items).toEqual([]);
    const zones = Object.fromEntries((await feed.listLocations()).items.map((l) => [l.id, l.timeZone]));
    expect(zones).toEqual({
      'el-paso': 'America/Denver',
      houston: 'America/Chicago',
      'fort-hancock': 'America/Denver',
      pensacola: 'America/Chicago',
    });
    const { items } = await feed.listSlots({ ...WEEKS, locationId: 'el-paso' });
    const byId = Object.fromEntries(items.map((s) => [s.id, { status: s.status, capacity: s.capacity }]));
    expect(byId).toEqual({
      dup: { status: 'busy', capacity: undefined },
      full: { status: 'busy', capacity: 0 },
      open: { status: 'free', capacity: 12 },
      old: { status: 'free', capacity: undefined },
    });
    expect(items.every((s) => s.locationId === 'el-paso' && s.providerId === undefined)).toBe(true);
  });

  it('reports the manifest’s error outputs on every listing, keeping the data', async () => {
    publisher.serveExamples();
    const manifest = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'bulk-publish.json'), 'utf8'));
    manifest.output = manifest.output.map((o: { url: string }) => ({
      ...o,
      url: o.url.replace(EXAMPLES_ORIGIN, `${publisher.origin}/examples/`),
    }));
    manifest.error = [{ type: 'OperationOutcome', url: `${publisher.origin}/examples/errors.ndjson` }];
    publisher.put('/examples/$bulk-publish', JSON.stringify(manifest));
    const listing = await adapter().listLocations();
    expect(listing.items).toHaveLength(10);
    expect(listing.issues).toEqual([{ code: 'publisher-error', message: expect.stringContaining('errors.ndjson') }]);
  });
});
