import {
  SURVEY_UNSUPPORTED_CODES as CAUSES,
  SURVEY_ERROR_CODES as CODES,
  SURVEY_FEATURES as FEATURES,
} from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import engineStringsEs from './engine-strings.es.js';
import { engineStringsEn } from './engine-strings.js';
import stringsEs from './strings.es.js';
import { stringsEn } from './strings.js';

// The survey engine returns error codes and their values; these tables are the only words for them.
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

// Why an item cannot be answered, in the patient's words: one sentence per cause, naming the feature it uses.
describe('notices about items that cannot be answered here', () => {
  for (const [lang, table] of [
    ['en', engineStringsEn],
    ['es', engineStringsEs],
  ] as const) {
    it(`say each cause in its own words, naming the feature where the cause has one (${lang})`, () => {
      const byCause = CAUSES.map((code) => table.unsupported(code, 'calculatedExpression'));
      expect(new Set(byCause).size).toBe(CAUSES.length);
      for (const sentence of byCause) expect(sentence).toMatch(/^\S.*\.$/);
      for (const code of ['expression-language', 'expression-failed'] as const) {
        const byFeature = FEATURES.map((feature) => table.unsupported(code, feature));
        expect(new Set(byFeature).size, code).toBe(FEATURES.length);
      }
    });
  }

  it('say which files are accepted and how large, in words', () => {
    expect(engineStringsEn.fileRules(engineStringsEn.fileKinds('image/png, image/*, application/pdf'), '5 MB')).toBe(
      'Accepted: PNG, any image, or PDF, at most 5 MB.',
    );
    expect(engineStringsEn.fileSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(engineStringsEs.fileKinds('image/*, application/pdf')).toBe('cualquier imagen o PDF');
    expect(engineStringsEs.fileSize(300 * 1024)).toMatch(/^300 kB$/);
  });
});
