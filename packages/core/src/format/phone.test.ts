import { describe, expect, it } from 'vitest';
import { telHref } from './phone.js';

describe('telHref', () => {
  it('keeps the digits and a leading plus', () => {
    expect(telHref('(615) 555-0142')).toBe('tel:6155550142');
    expect(telHref('+1 615.555.0142')).toBe('tel:+16155550142');
  });

  it('dials an extension after a pause, however the clinic wrote it', () => {
    for (const written of [
      '(615) 555-0142 ext. 12',
      '(615) 555-0142 x12',
      '615-555-0142 Ext 12',
      '615 555 0142 X 12',
    ]) {
      expect(telHref(written), written).toBe('tel:6155550142,12');
    }
  });

  it('never lets anything but digits, plus and the pause into the link', () => {
    expect(telHref('615<script>555-0142')).toBe('tel:6155550142');
    expect(telHref('555-0142 ext. 1;2')).toBe('tel:5550142,12');
  });
});
