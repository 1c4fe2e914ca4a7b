import { describe, expect, it } from 'vitest';
import { runAdapterContract } from '../../../../../test/support/adapter-contract.js';
import { EVERY_CAPABILITY } from '../../../../../test/support/adapters.js';
import { failure } from '../../../../../test/support/errors.js';
import type { FrontdeskAdapter } from '../../adapter.js';
import { FrontdeskError } from '../../errors.js';
import { createAdapter } from '../registry.js';
import { createMemoryAdapter } from './index.js';

const NOW = '2026-03-01T12:00:00Z';

/** One call of every method, for checks that must hold across the whole interface. */
const everyCall: Array<[string, (a: FrontdeskAdapter, signal?: AbortSignal) => Promise<unknown>]> = [
  ['getOrganization', (a, signal) => a.getOrganization({ signal })],
  ['listLocations', (a, signal) => a.listLocations({ signal })],
  ['listProviders', (a, signal) => a.listProviders({ signal })],
  ['getProvider', (a, signal) => a.getProvider('maria-hernandez', { signal })],
  ['listVisitTypes', (a, signal) => a.listVisitTypes({ signal })],
  ['listSlots', (a, signal) => a.listSlots({ start: NOW, end: '2026-03-03T00:00:00Z' }, { signal })],
  ['getPrice', (a, signal) => a.getPrice({ service: '99213' }, { signal })],
  ['listPlans', (a, signal) => a.listPlans({ signal })],
  ['listSurveys', (a, signal) => a.listSurveys({ signal })],
  ['getSurvey', (a, signal) => a.getSurvey('csat', { signal })],
];

describe('memory adapter', () => {
  it('declares its name and capabilities', () => {
    const adapter = createMemoryAdapter({ now: NOW });
    expect(adapter.name).toBe('memory');
    expect(adapter.capabilities).toEqual(EVERY_CAPABILITY);
  });

  it('is what the registry builds for adapter="memory", options and all', async () => {
    const adapter = await createAdapter({ adapter: 'memory', options: { now: NOW, days: 5, unrelated: 'ignored' } });
    expect(adapter.name).toBe('memory');
    const slots = await adapter.listSlots({ start: NOW, end: '2026-12-31T00:00:00Z' });
    expect(Math.max(...slots.items.map((s) => Date.parse(s.start)))).toBeLessThan(Date.parse(NOW) + 5 * 86_400_000);
  });

  it('validates its options, naming the bad one, and ignores keys it does not know', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ latencyMs: -5 }, 'options.latencyMs'],
      [{ latencyMs: '300' }, 'options.latencyMs'],
      [{ now: 'yesterday-ish' }, 'options.now'],
      [{ now: new Date(Number.NaN) }, 'options.now'],
      [{ seed: 1.5 }, 'options.seed'],
      [{ fail: 'always' }, 'options.fail'],
      [{ days: 0 }, 'options.days'],
      [{ photoBaseUrl: 'javascript:alert(1)' }, 'options.photoBaseUrl'],
    ];
    for (const [options, field] of cases) {
      let thrown: unknown;
      try {
        createMemoryAdapter(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, field).toMatchObject({ kind: 'invalid-input', field });
    }
    expect(() => createMemoryAdapter('fast' as unknown as Record<string, unknown>)).toThrow(FrontdeskError);
    expect(createMemoryAdapter({ theme: 'dark', seed: 3, now: new Date(NOW) }).name).toBe('memory');
    expect(createMemoryAdapter().name).toBe('memory');
  });

  it('waits the configured latency, and stops waiting as soon as the signal aborts', async () => {
    const adapter = createMemoryAdapter({ now: NOW, latencyMs: 60 });
    let started = performance.now();
    await adapter.getOrganization();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);

    adapter.setLatency(1_000);
    const controller = new AbortController();
    started = performance.now();
    const pending = adapter.listProviders({ signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await failure(pending);
    expect(error.kind).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(500);

    adapter.setLatency(120);
    started = performance.now();
    await adapter.getOrganization();
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(() => adapter.setLatency(Number.NaN)).toThrow(FrontdeskError);
    expect(() => adapter.setLatency(-1)).toThrow(FrontdeskError);
  });

  it('rejects every call made with an already aborted signal', async () => {
    const adapter = createMemoryAdapter({ now: NOW });
    const signal = AbortSignal.abort();
    for (const [name, call] of everyCall) {
      expect((await failure(call(adapter, signal))).kind, name).toBe('aborted');
    }
    const booking = await failure(adapter.book({} as Parameters<typeof adapter.book>[0], { signal }));
    expect(booking.kind).toBe('aborted');
    const survey = await failure(
      adapter.submitSurvey(
        { resourceType: 'QuestionnaireResponse', status: 'completed' },
        { idempotencyKey: 'k', signal },
      ),
    );
    expect(survey.kind).toBe('aborted');
  });

  it('fails every call with a retryable network error while fail is true', async () => {
    const adapter = createMemoryAdapter({ now: NOW, fail: true });
    for (const [name, call] of everyCall) {
      const error = await failure(call(adapter));
      expect(error.kind, name).toBe('network');
      expect(error.retryable).toBe(true);
    }
    adapter.setFail(false);
    await expect(adapter.getOrganization()).resolves.toMatchObject({ currency: 'USD' });
  });

  it("fails only the next call with fail: 'once'", async () => {
    const adapter = createMemoryAdapter({ now: NOW, fail: 'once' });
    expect((await failure(adapter.listLocations())).kind).toBe('network');
    await expect(adapter.listLocations()).resolves.toMatchObject({ dropped: [] });
    adapter.setFail('once');
    expect((await failure(adapter.getSurvey('csat'))).kind).toBe('network');
    await expect(adapter.getSurvey('csat')).resolves.toMatchObject({ id: 'csat' });
    expect(() => adapter.setFail('sometimes' as unknown as boolean)).toThrow(FrontdeskError);
  });

  it('reports an unknown provider as not found', async () => {
    const adapter = createMemoryAdapter({ now: NOW, days: 5 });
    await expect(adapter.getProvider('dr-who')).rejects.toMatchObject({ kind: 'not-found', field: 'id' });
  });

  it('hands out deep copies, so callers cannot change what the next caller sees', async () => {
    const adapter = createMemoryAdapter({ now: NOW, days: 5 });
    const organization = await adapter.getOrganization();
    organization.name = 'Changed';
    const [location] = (await adapter.listLocations()).items;
    if (location?.address) location.address.lines[0] = 'Changed';
    const provider = await adapter.getProvider('maria-hernandez');
    provider.languages.push('xx');
    const survey = await adapter.getSurvey('phq-9');
    survey.item?.pop();
    const [type] = (await adapter.listVisitTypes()).items;
    type?.serviceCodes.push('00000');

    expect((await adapter.getOrganization()).name).toBe('Cumberland Valley Health Partners');
    expect((await adapter.listLocations()).items[0]?.address?.lines[0]).not.toBe('Changed');
    expect((await adapter.getProvider('maria-hernandez')).languages).toEqual(['en', 'es']);
    expect((await adapter.getSurvey('phq-9')).item).toHaveLength(2);
    expect((await adapter.listVisitTypes()).items[0]?.serviceCodes).toEqual(['99203']);
  });
});

runAdapterContract('memory', () => createMemoryAdapter({ now: NOW, days: 14 }), {
  window: { start: NOW, end: '2026-03-15T00:00:00Z' },
});
