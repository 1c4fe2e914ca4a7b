import type { DroppedRecord, FrontdeskAdapter, SlotQuery } from '@frontdesk/core';
import { createMemoryAdapter } from '@frontdesk/core/memory';
import { describe, expect, it } from 'vitest';
import { type LoadInput, loadSetup, loadSlots } from './loaders.js';
import { ModelBuilder } from './model.js';

const input = (overrides: Partial<LoadInput> = {}): LoadInput => ({
  provider: 'maria-hernandez',
  location: undefined,
  visitType: undefined,
  timezone: undefined,
  start: '2026-03-02',
  days: 14,
  ...overrides,
});
const signal = new AbortController().signal;
const adapter = createMemoryAdapter({ now: '2026-03-02T12:00:00Z' });
const noDrops = { dropped: () => undefined, issues: () => undefined };

describe('loadSetup', () => {
  it('loads the provider, the visit types it offers and the clinic zone', async () => {
    const setup = await loadSetup(adapter, signal, input(), noDrops);
    expect(setup.provider?.id).toBe('maria-hernandez');
    expect(setup.clinicZone).toBe('America/Chicago');
    expect(setup.visitTypes.map((type) => type.id)).toContain('new-patient');
    expect(setup.visitTypes.map((type) => type.id)).not.toContain('pt-evaluation');
    expect(setup.capabilities.booking).toBe('api');
    const east = await loadSetup(adapter, signal, input({ provider: 'wei-chen', location: 'knoxville-west' }), noDrops);
    expect(east.clinicZone).toBe('America/New_York');
  });

  it('loads a location alone, with every visit type, for sources without providers', async () => {
    const setup = await loadSetup(adapter, signal, input({ provider: undefined, location: 'franklin' }), noDrops);
    expect([setup.provider, setup.location?.id, setup.clinicZone]).toEqual([undefined, 'franklin', 'America/Chicago']);
    expect(setup.visitTypes.map((type) => type.id)).toContain('pt-evaluation');
  });

  it('names the attribute that is missing, unknown or malformed', async () => {
    const failure = (overrides: Partial<LoadInput>) =>
      loadSetup(adapter, signal, input(overrides), noDrops).then(
        () => undefined,
        (error: { kind: string; field: string; message: string }) => [error.kind, error.field, error.message],
      );
    const named: [Partial<LoadInput>, string, string, string][] = [
      [
        { provider: ' ' },
        'invalid-input',
        'provider',
        '<fd-slot-picker> needs a provider attribute (a provider id) or a location attribute (a location id)',
      ],
      [{ provider: 'dr-nobody' }, 'not-found', 'provider', 'provider: no provider with this id'],
      [{ location: 'atlantis' }, 'not-found', 'location', 'location: no location with this id'],
      [{ visitType: 'pt-evaluation' }, 'not-found', 'visit-type', 'visit-type: not offered by this provider'],
    ];
    for (const [overrides, ...expected] of named) expect(await failure(overrides)).toEqual(expected);
    expect((await failure({ days: 400 }))?.[1]).toBe('days');
    expect((await failure({ start: '2026-02-30' }))?.[1]).toBe('start');
    expect((await failure({ timezone: 'Moon/Base' }))?.[1]).toBe('timezone');
  });
});

describe('loadSlots', () => {
  it('asks for the range padded by a day on each side and keeps the free slots', async () => {
    const queries: SlotQuery[] = [];
    const spy: FrontdeskAdapter = Object.create(adapter);
    spy.listSlots = (query, options) => {
      queries.push(query);
      return adapter.listSlots(query, options);
    };
    const { free, byId } = await loadSlots(spy, signal, input(), noDrops);
    expect(queries).toEqual([
      {
        start: '2026-03-01T00:00:00.000Z',
        end: '2026-03-17T00:00:00.000Z',
        providerId: 'maria-hernandez',
        locationId: undefined,
      },
    ]);
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((entry) => entry.slot.status === 'free')).toBe(true);
    expect(byId.size).toBe(free.length);
  });

  it('reports what the adapter and the cleaning dropped, together', async () => {
    const dropped: DroppedRecord[][] = [];
    const bad: FrontdeskAdapter = Object.create(adapter);
    bad.listSlots = async () => ({
      items: [
        { id: 'a', start: '2026-03-03T15:00:00Z', end: '2026-03-03T14:00:00Z', visitTypeIds: [], status: 'free' },
      ],
      dropped: [{ field: 'slots[1]', reason: 'slots[1].id: invalid' }],
    });
    const { free } = await loadSlots(bad, signal, input(), {
      ...noDrops,
      dropped: (_what, records) => dropped.push([...records]),
    });
    expect(free).toEqual([]);
    expect(dropped[0]?.map((d) => d.field)).toEqual(['slots[1]', 'slots[0]']);
  });
});

describe('ModelBuilder', () => {
  it('reuses the day index until the slots, zone, visit type or range change', async () => {
    const setup = await loadSetup(adapter, signal, input(), noDrops);
    const slots = await loadSlots(adapter, signal, input(), noDrops);
    const builder = new ModelBuilder();
    const choices = {
      userZone: undefined,
      timezone: undefined,
      start: '2026-03-02',
      days: 14,
      patientType: undefined,
      visitTypeChoice: undefined,
      visitType: undefined,
    };
    // Maria Hernández sees new and existing patients: nothing is shown until the patient says which.
    const unanswered = builder.build(setup, slots, choices);
    expect([unanswered.askPatientType, unanswered.visitTypes, unanswered.visitType]).toEqual([true, [], undefined]);
    // New patients have one visit type: it is chosen for them.
    const first = builder.build(setup, slots, { ...choices, patientType: 'new' });
    expect(first.zone).toBe('America/Chicago');
    expect([first.firstDay, first.lastDay]).toEqual(['2026-03-02', '2026-03-15']);
    expect(first.visitType?.id).toBe('new-patient');
    expect(builder.build(setup, slots, { ...choices, patientType: 'new' }).index).toBe(first.index);
    const pacific = builder.build(setup, slots, { ...choices, patientType: 'new', userZone: 'America/Los_Angeles' });
    expect(pacific.index).not.toBe(first.index);
    expect(pacific.zone).toBe('America/Los_Angeles');
    // Existing patients have several: none is guessed until they choose.
    const existing = builder.build(setup, slots, { ...choices, patientType: 'existing' });
    expect(existing.visitTypes.map((type) => type.id)).toEqual(['follow-up', 'annual-physical', 'video-visit']);
    expect(existing.visitType).toBeUndefined();
    expect(existing.index).toBeUndefined();
    // A visit type the page names answers the question too.
    const given = builder.build(setup, slots, { ...choices, visitType: 'follow-up' });
    expect([given.patientType, given.visitType?.id]).toEqual(['existing', 'follow-up']);
  });
});
