import { describe, expect, it } from 'vitest';
import { checkPhone, phoneCountry } from './phone.js';

describe('checkPhone', () => {
  it('refuses what cannot reach anyone, saying why', () => {
    expect(checkPhone('1234', 'US')).toEqual({ ok: false, problem: 'shortNumber', country: 'US' });
    expect(checkPhone('---', 'US')).toEqual({ ok: false, problem: 'notANumber', country: 'US' });
    expect(checkPhone('615-555-010', 'US')).toEqual({ ok: false, problem: 'shortNumber', country: 'US' });
    expect(checkPhone('615-555-01999', 'US')).toMatchObject({ problem: 'longNumber' });
    expect(checkPhone('123-456-7890', 'US')).toMatchObject({ problem: 'invalid' }); // no area code starts with 1
    expect(checkPhone('call me at 615 555 0199', 'US')).toMatchObject({ problem: 'letters' });
    expect(checkPhone('+44 20 7946 0958', 'US')).toMatchObject({ problem: 'otherCountry' });
  });

  it('accepts real numbers however they are written, in any script of digits', () => {
    const ok = { ok: true, international: '+1 615 555 0199', national: '(615) 555-0199' };
    for (const typed of ['(615) 555-0199', '615.555.0199', '6155550199', '1 615 555 0199', '+1 615-555-0199']) {
      expect(checkPhone(typed, 'US'), typed).toEqual(ok);
    }
    expect(checkPhone('٦١٥ ٥٥٥ ٠١٩٩', 'US')).toEqual(ok);
    expect(checkPhone('۶۱۵-۵۵۵-۰۱۹۹', 'US')).toEqual(ok);
    expect(checkPhone('615 555 0142 x12', 'US')).toMatchObject({ ok: true, international: '+1 615 555 0142 ext. 12' });
    expect(checkPhone('+1 416 555 0199', 'US')).toMatchObject({ ok: true }); // Toronto: same calling code
  });

  it('takes the country from the clinic', () => {
    expect(phoneCountry([undefined, 'us'])).toBe('US');
    expect(phoneCountry(['United Kingdom', 'CA'])).toBe('CA');
    expect(phoneCountry([])).toBe('US');
  });
});
