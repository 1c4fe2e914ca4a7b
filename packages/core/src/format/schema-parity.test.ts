import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarDate, Currency } from '../schemas/primitives.js';
import { parseDayKey } from './day-key.js';
import { currencyFractionDigits } from './money.js';

// The format helpers check currency codes and day keys without zod (so widget pages do not download it); these
// properties keep their rules identical to the schemas they stand in for.

const accepts = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

describe('format checks agree with the schemas', () => {
  it('a currency code is accepted exactly when the Currency schema accepts it', () => {
    const codes = fc.oneof(fc.string({ maxLength: 5 }), fc.stringMatching(/^[A-Za-z]{2,4}$/));
    fc.assert(
      fc.property(codes, (code) => {
        expect(accepts(() => currencyFractionDigits(code))).toBe(Currency.safeParse(code).success);
      }),
    );
    for (const code of ['USD', 'usd', 'US', 'USDX', ' USD', 'USD\n', '']) {
      expect(accepts(() => currencyFractionDigits(code))).toBe(Currency.safeParse(code).success);
    }
  });

  it('a day key is accepted exactly when the CalendarDate schema accepts it', () => {
    const keys = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    );
    fc.assert(
      fc.property(keys, (key) => {
        expect(accepts(() => parseDayKey(key))).toBe(CalendarDate.safeParse(key).success);
      }),
    );
    for (const key of ['2024-02-29', '2023-02-29', '2026-13-01', '2026-1-01', '2026-01-01\n', '0000-01-01']) {
      expect(accepts(() => parseDayKey(key))).toBe(CalendarDate.safeParse(key).success);
    }
  });
});
