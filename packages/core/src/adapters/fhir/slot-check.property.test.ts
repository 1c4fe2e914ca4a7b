import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slot } from '../../schemas/scheduling.js';
import { isPlainValidSlot } from './slot-check.js';

/** Mostly a valid value, sometimes one from near the edges of what the schema accepts. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: edge });

const validId = fc.stringMatching(/^[A-Za-z0-9._:\-/|]{1,12}$/);
const id = mostly(validId, fc.constantFrom('', 'a b', 'x'.repeat(200), 'x'.repeat(201), '<script>', 'slot\n1', 'ü', 7));
const when = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2040-01-01T00:00:00Z'),
  noInvalidDate: true,
});
/** The same instant spelled the ways publishers spell it, some of which are not instants. */
const spelled = (date: Date) =>
  mostly(
    fc.constantFrom(
      date.toISOString(),
      date.toISOString().replace('Z', '+05:30'),
      `${date.toISOString().slice(0, 16)}Z`,
    ),
    fc.constantFrom(
      date.toISOString().replace('Z', ''),
      date.toISOString().slice(0, 10),
      date.toISOString().replace('Z', '-05'),
      '2026-02-30T09:00:00Z',
      '2026-13-01T09:00:00Z',
      'soon',
    ),
  );

const candidate = fc
  .record(
    {
      start: when,
      minutes: fc.integer({ min: -30, max: 240 }),
      id,
      providerId: id,
      locationId: id,
      visitTypeIds: mostly(fc.array(id, { maxLength: 3 }), fc.constantFrom(Array(51).fill('v'), 'v', [1])),
      status: mostly(fc.constantFrom('free', 'busy'), fc.constantFrom('busy-tentative', undefined, 'FREE')),
      capacity: mostly(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(-1, 100_001, 1.5, '3', Number.NaN)),
    },
    { requiredKeys: ['start', 'minutes', 'id', 'visitTypeIds', 'status'] },
  )
  .chain(({ start, minutes, ...rest }) =>
    fc
      .tuple(spelled(start), spelled(new Date(start.getTime() + minutes * 60_000)))
      .map(([startText, endText]) => ({ ...rest, start: startText, end: endText })),
  );

describe('isPlainValidSlot', () => {
  it('accepts exactly what the Slot schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (slot) => {
        const valid = Slot.safeParse(slot).success;
        if (valid) accepted++;
        expect(isPlainValidSlot(slot)).toBe(valid);
      }),
      { numRuns: 3_000 },
    );
    // Both answers were exercised, not only the easy "no".
    expect(accepted).toBeGreaterThan(30);
  });

  it('leaves slots with booking links or phones to the schema', () => {
    const slot = {
      id: 's1',
      start: '2026-03-02T09:00:00Z',
      end: '2026-03-02T09:15:00Z',
      visitTypeIds: [],
      status: 'free',
      bookingLink: 'https://book.example/s1',
    };
    expect(Slot.safeParse(slot).success).toBe(true);
    expect(isPlainValidSlot(slot)).toBe(false);
  });
});
