import { describe, expect, it } from 'vitest';
import { cleanSlots } from './slot-cleaning.js';

const slot = (id: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  id,
  start,
  end,
  providerId: 'p1',
  visitTypeIds: ['vt1'],
  status: 'free',
  ...extra,
});

describe('cleanSlots', () => {
  it('keeps sound free slots in start order and leaves busy ones out without calling them invalid', () => {
    const { free, dropped } = cleanSlots([
      slot('b', '2026-03-09T10:00:00-04:00', '2026-03-09T10:30:00-04:00'),
      slot('a', '2026-03-09T09:00:00-04:00', '2026-03-09T09:30:00-04:00'),
      slot('c', '2026-03-09T11:00:00-04:00', '2026-03-09T11:30:00-04:00', { status: 'busy' }),
    ]);
    expect(free.map((s) => s.slot.id)).toEqual(['a', 'b']);
    expect(free[0]?.startMs).toBe(Date.parse('2026-03-09T13:00:00Z'));
    expect(dropped).toEqual([]);
  });

  it('drops an end before (or at) the start, an unknown status and instants without an offset, saying why', () => {
    const { free, dropped } = cleanSlots([
      slot('backwards', '2026-03-09T10:00:00Z', '2026-03-09T09:00:00Z'),
      slot('empty', '2026-03-09T10:00:00Z', '2026-03-09T10:00:00Z'),
      slot('odd', '2026-03-09T10:00:00Z', '2026-03-09T10:30:00Z', { status: 'tentative' }),
      slot('local', '2026-03-09T10:00:00', '2026-03-09T10:30:00Z'),
      slot('noend', '2026-03-09T10:00:00Z', undefined as unknown as string),
      slot('ok', '2026-03-09T12:00:00Z', '2026-03-09T12:30:00Z'),
      null,
    ]);
    expect(free.map((s) => s.slot.id)).toEqual(['ok']);
    expect(dropped).toEqual([
      { field: 'slots[0]', reason: 'slots[0].end: end is not after start', id: 'backwards' },
      { field: 'slots[1]', reason: 'slots[1].end: end is not after start', id: 'empty' },
      { field: 'slots[2]', reason: 'slots[2].status: unknown status', id: 'odd' },
      { field: 'slots[3]', reason: 'slots[3].start: missing, or without a time zone offset', id: 'local' },
      { field: 'slots[4]', reason: 'slots[4].end: missing, or without a time zone offset', id: 'noend' },
      { field: 'slots[6]', reason: 'slots[6].not an object' },
    ]);
  });

  it('drops a repeated id and overlapping slots of one provider for the same visit type, keeping the earliest', () => {
    const { free, dropped } = cleanSlots([
      slot('late', '2026-03-09T09:15:00Z', '2026-03-09T09:45:00Z'),
      slot('first', '2026-03-09T09:00:00Z', '2026-03-09T09:30:00Z'),
      slot('first', '2026-03-09T11:00:00Z', '2026-03-09T11:30:00Z'),
      slot('next', '2026-03-09T09:30:00Z', '2026-03-09T10:00:00Z'),
    ]);
    expect(free.map((s) => s.slot.id)).toEqual(['first', 'next']);
    expect(dropped.map((d) => d.reason)).toEqual([
      'slots[2]: duplicate of slots[1] (same id)',
      'slots[0]: overlaps slots[1] of the same provider and visit type',
    ]);
  });

  it('allows overlaps across providers and across different visit types of one provider', () => {
    const { free, dropped } = cleanSlots([
      slot('a', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z'),
      slot('b', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', { providerId: 'p2' }),
      slot('c', '2026-03-09T09:30:00Z', '2026-03-09T10:00:00Z', { visitTypeIds: ['vt2'] }),
      slot('d', '2026-03-09T09:30:00Z', '2026-03-09T10:00:00Z', { visitTypeIds: [] }),
    ]);
    expect(free.map((s) => s.slot.id)).toEqual(['a', 'b', 'c']);
    expect(dropped.map((d) => d.id)).toEqual(['d']);
  });

  it('keeps side-by-side slots of a location without a provider, and never offers a slot with no openings left', () => {
    const line = { providerId: undefined, locationId: 'boston' };
    const { free, dropped } = cleanSlots([
      slot('a', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', { ...line, capacity: 12 }),
      slot('b', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z', line),
      slot('c', '2026-03-09T10:00:00Z', '2026-03-09T11:00:00Z', { ...line, capacity: 0 }),
    ]);
    expect(free.map((s) => s.slot.id)).toEqual(['a', 'b']);
    expect(dropped).toEqual([]);
  });

  it('cleans 10,000 slots', () => {
    const base = Date.parse('2026-03-02T13:00:00Z');
    const records = Array.from({ length: 10_000 }, (_, i) => {
      const start = base + Math.floor(i / 111) * 86_400_000 + (i % 111) * 5 * 60_000;
      return slot(`s${i}`, new Date(start).toISOString(), new Date(start + 5 * 60_000).toISOString(), {
        providerId: `p${i % 3}`,
      });
    });
    // Speed is measured by bench/, not here; this checks the sweep keeps every slot of several interleaved providers.
    const { free, dropped } = cleanSlots(records);
    expect(free).toHaveLength(10_000);
    expect(dropped).toEqual([]);
  });
});
