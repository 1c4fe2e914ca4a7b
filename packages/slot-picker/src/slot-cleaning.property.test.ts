import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSlots } from './slot-cleaning.js';

// cleanSlots reads the UTC shapes servers write by hand instead of Date.parse (it is most of a 10,000-slot list's
// cost); this holds it to exactly what Date.parse gives, for those shapes and for the ones it hands back.
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const instant = fc
  .record({
    year: fc.integer({ min: 1970, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    ms: fc.integer({ min: 0, max: 999 }),
    shape: fc.constantFrom('Z', '.sssZ', '+hh:mm', 'no-seconds'),
    offset: fc.integer({ min: -12, max: 14 }),
  })
  .map(({ year, month, day, hour, minute, second, ms, shape, offset }) => {
    const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
    if (shape === 'no-seconds') return `${date}Z`;
    if (shape === 'Z') return `${date}:${pad(second)}Z`;
    if (shape === '.sssZ') return `${date}:${pad(second)}.${pad(ms, 3)}Z`;
    return `${date}:${pad(second)}${offset < 0 ? '-' : '+'}${pad(Math.abs(offset))}:00`;
  });

describe('cleanSlots instant parsing', () => {
  it('agrees with Date.parse on every start it keeps or drops', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 30 }), (starts) => {
        const records = starts.map((start, i) => ({
          id: `s${i}`,
          start,
          end: '2200-01-01T00:00:00Z',
          providerId: `p${i}`,
          visitTypeIds: [],
          status: 'free',
        }));
        const { free } = cleanSlots(records);
        const kept = new Map(free.map((entry) => [entry.slot.id, entry.startMs]));
        starts.forEach((start, i) => {
          const expected = Date.parse(start);
          if (Number.isNaN(expected)) expect(kept.has(`s${i}`)).toBe(false);
          else expect(kept.get(`s${i}`)).toBe(expected);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
