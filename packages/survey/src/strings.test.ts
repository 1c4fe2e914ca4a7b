import type { SurveyErrorCode } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import stringsEs from './strings.es.js';
import { stringsEn } from './strings.js';

// The survey engine returns error codes and their values; these tables are the only words for them.
const CODES: readonly SurveyErrorCode[] = [
  'required',
  'invalid-format',
  'answer-type',
  'not-an-option',
  'max-length',
  'min-length',
  'min-value',
  'max-value',
  'max-decimal-places',
  'regex',
  'unit-not-allowed',
  'cannot-answer',
  'attachment-type',
  'attachment-size',
];

describe('survey field errors', () => {
  for (const [lang, table] of [
    ['en', stringsEn],
    ['es', stringsEs],
  ] as const) {
    it(`has a sentence with its values for every code the engine returns (${lang})`, () => {
      const params = { max: 3, min: 1, expected: 'date', format: '12345' };
      const messages = CODES.map((code) => table.error(code, params));
      expect(new Set(messages).size).toBeGreaterThanOrEqual(CODES.length - 1); // invalid-format and answer-type may share
      for (const message of messages) {
        expect(message).toMatch(/^\S.*\.$/);
        expect(message).not.toContain('undefined');
      }
      expect(table.error('max-length', params)).toContain('3');
      expect(table.error('regex', params)).toContain('12345');
    });
  }
});
