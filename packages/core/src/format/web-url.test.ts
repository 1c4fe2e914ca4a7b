import { describe, expect, it } from 'vitest';
import { safeWebUrl } from './web-url.js';

describe('safeWebUrl', () => {
  it('lets only absolute http(s) URLs through', () => {
    expect(safeWebUrl('https://clinic.example/a?b=1')).toBe('https://clinic.example/a?b=1');
    expect(safeWebUrl('http://cdn.example/a.jpg')).toBe('http://cdn.example/a.jpg');
    for (const unsafe of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'data:text/html,hi',
      '/relative.jpg',
      'not a url',
      '',
      42,
    ]) {
      expect(safeWebUrl(unsafe), String(unsafe)).toBeUndefined();
    }
    expect(safeWebUrl(undefined)).toBeUndefined();
  });
});
