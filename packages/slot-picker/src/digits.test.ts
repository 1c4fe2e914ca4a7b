import { describe, expect, it } from 'vitest';
import { asciiDigits } from './digits.js';

describe('asciiDigits', () => {
  it('reads the digits of any script as ASCII and leaves everything else alone', () => {
    expect(asciiDigits('٦١٥ ٥٥٥ ٠١٩٩')).toBe('615 555 0199'); // Arabic-Indic
    expect(asciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789'); // Eastern Arabic-Indic (Persian, Urdu)
    expect(asciiDigits('०१२३४५६७८९')).toBe('0123456789'); // Devanagari
    expect(asciiDigits('０５/１７/１９９０')).toBe('05/17/1990'); // full-width
    // Mathematical digits: five runs of ten side by side.
    expect(asciiDigits('\u{1D7CE}\u{1D7D9}\u{1D7E3}\u{1D7FF}')).toBe('0119');
    expect(asciiDigits('(615) 555-0199 x12')).toBe('(615) 555-0199 x12');
  });
});
