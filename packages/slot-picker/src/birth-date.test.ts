import { describe, expect, it } from 'vitest';
import { datePartOrder, readBirthDate, typedDate } from './birth-date.js';

const TODAY = '2026-03-02';
const read = (typed: string, lang = 'en-US') => readBirthDate(typed, lang, TODAY);

describe('readBirthDate', () => {
  it('reads the date as the patient writes it in their language', () => {
    for (const typed of [
      '05/17/1990',
      '5/17/1990',
      '05-17-1990',
      '05171990',
      '1990-05-17',
      ' 5 17 1990 ',
      '٠٥/١٧/١٩٩٠',
    ]) {
      expect(read(typed), typed).toEqual({ ok: true, date: '1990-05-17' });
    }
    expect(read('17/05/1990', 'es')).toEqual({ ok: true, date: '1990-05-17' });
    expect(datePartOrder('es')).toEqual(['day', 'month', 'year']);
    expect(typedDate('1990-05-17', 'en-US')).toBe('05/17/1990');
    expect(typedDate('1990-05-17', 'es')).toBe('17/05/1990');
  });

  it('says which part is wrong', () => {
    expect(read('02/30/1990')).toEqual({ ok: false, problem: { code: 'noSuchDay', month: 2, day: 30, year: 1990 } });
    expect(read('02/29/2023')).toMatchObject({ problem: { code: 'noSuchDay', day: 29 } });
    expect(read('02/29/2024')).toEqual({ ok: true, date: '2024-02-29' });
    expect(read('13/05/1990')).toEqual({ ok: false, problem: { code: 'month', month: 13 } });
    expect(read('05/32/1990')).toEqual({ ok: false, problem: { code: 'day', day: 32 } });
    expect(read('05/17/90')).toEqual({ ok: false, problem: { code: 'year' } });
    expect(read('May 17 1990')).toEqual({ ok: false, problem: { code: 'dateFormat' } });
    expect(read('05/17')).toEqual({ ok: false, problem: { code: 'dateFormat' } });
    expect(read('03/03/2026')).toEqual({ ok: false, problem: { code: 'future' } });
    expect(read('03/02/2026')).toEqual({ ok: true, date: TODAY });
    expect(read('01/01/1890')).toEqual({ ok: false, problem: { code: 'tooOld' } });
  });
});
