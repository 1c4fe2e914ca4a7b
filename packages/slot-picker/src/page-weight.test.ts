import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSchema, isZod, pageModules } from '../../../test/support/page-modules.js';

// docs/design.md section 8 gives a slot picker page 25 KB gzip. The calendar and the times are all the first paint
// needs: the booking steps, the waitlist form, the rules that clean a listing, and the time-zone menu with floating-ui (a third of the
// picker's first download on its own) load when first needed, through LazyModule and LazyPart.
describe('fd-slot-picker page weight', () => {
  it('downloads the booking steps (phone checks included), slot cleaning and the zone menu on demand, never zod up front', async () => {
    const { eager, lazy } = await pageModules(resolve(import.meta.dirname, 'define.ts'));
    const later = [
      /booking-flow\.ts$/,
      // The waitlist form loads when a patient asks to be told of an earlier time.
      /waitlist-form\.ts$/,
      /slot-cleaning\.ts$/,
      /menu-controller\.ts$/,
      /@floating-ui/,
      // The phone-number rules and their metadata come with the booking steps, never with the calendar.
      /libphonenumber-js/,
      /phone-metadata\.ts$/,
      // Prices (and money formatting) load after the setup, beside the calendar.
      /prices\.ts$/,
    ];
    for (const pattern of later) {
      expect(
        eager.filter((id) => pattern.test(id)),
        String(pattern),
      ).toEqual([]);
      expect(
        lazy.some((id) => pattern.test(id)),
        String(pattern),
      ).toBe(true);
    }
    expect(eager.filter((id) => isZod(id) || isSchema(id))).toEqual([]);
  });
});
