import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support/staff.js';
import { csv, csvCell } from './csv.js';

describe('CSV (RFC 4180, formula-safe)', () => {
  it('quotes what needs quoting, doubles quotes and ends every record with CRLF', () => {
    const text = csv(
      ['a', 'b', 'c'],
      [
        ['plain', 'with, comma', 'with "quotes"'],
        ['two\nlines', 'cr\rinside', ''],
        [null, 42, true],
      ],
    );
    expect(text).toBe('a,b,c\r\nplain,"with, comma","with ""quotes"""\r\n"two\nlines","cr\rinside",\r\n,42,true\r\n');
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['plain', 'with, comma', 'with "quotes"'],
      ['two\nlines', 'cr\rinside', ''],
      ['', '42', 'true'],
    ]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const [typed, written] of [
      ['=HYPERLINK("https://evil.example","Click")', `"'=HYPERLINK(""https://evil.example"",""Click"")"`],
      ['+1 555 0100', "'+1 555 0100"],
      ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
      ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', `"'\r=1+1"`],
      ['a=b', 'a=b'],
    ] as const) {
      expect(csvCell(typed), typed).toBe(written);
      expect(parseCsv(`${csvCell(typed)}\r\n`)[0]![0]!.startsWith("'") || !/^[=+\-@\t\r]/.test(typed)).toBe(true);
    }
    // Numbers the server writes stay numbers, negative ones too.
    expect(csvCell(-5)).toBe('-5');
  });
});
