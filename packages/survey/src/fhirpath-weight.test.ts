import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageModules } from '../../../test/support/page-modules.js';
import { analyzeQuestionnaire } from '../../core/src/survey/analyze.js';
import { inSubset } from '../../core/src/survey/fhirpath/index.js';

// FHIRPath costs a survey page only when its form uses it. The small evaluator (core/src/survey/fhirpath) comes with
// the first form that has expressions, and the reference `fhirpath` package (about 170 KB gzip with its R4 model)
// only for an expression outside the evaluator's subset. Each stays one dynamic import away, at every level.

const CORE_SURVEY = resolve(import.meta.dirname, '../../core/src/survey');
const isEvaluator = (id: string) => id.includes('/core/src/survey/fhirpath/');
const isFhirpathPackage = (id: string) => /[\\/]node_modules[\\/](\.pnpm[\\/].*[\\/])?fhirpath[\\/]/.test(id);

describe('FHIRPath page weight', () => {
  it('keeps the evaluator and the fhirpath package out of the survey page, reachable on demand', async () => {
    const { eager, lazy } = await pageModules(resolve(import.meta.dirname, 'define.ts'));
    expect(eager.length).toBeGreaterThan(0);
    expect(eager.filter((id) => isEvaluator(id) || isFhirpathPackage(id))).toEqual([]);
    expect(lazy.some(isEvaluator)).toBe(true);
    expect(lazy.some(isFhirpathPackage)).toBe(true);
  });

  it('keeps them out of the survey engine too: a form without expressions never downloads them', async () => {
    const { eager, lazy } = await pageModules(resolve(CORE_SURVEY, 'model.ts'));
    expect(eager.some((id) => id.endsWith('/core/src/survey/expressions.ts'))).toBe(true);
    expect(eager.filter((id) => isEvaluator(id) || isFhirpathPackage(id))).toEqual([]);
    expect(lazy.some(isEvaluator)).toBe(true);
  });

  it('keeps the fhirpath package out of the evaluator: a form within the subset never downloads it', async () => {
    const { eager, lazy } = await pageModules(resolve(CORE_SURVEY, 'fhirpath/index.ts'));
    expect(eager.some(isEvaluator)).toBe(true);
    expect(eager.filter(isFhirpathPackage)).toEqual([]);
    expect(lazy.some(isFhirpathPackage)).toBe(true);
  });

  it('computes the PHQ-9 totals of two publishers within the subset: their pages never download fhirpath', () => {
    const corpus = resolve(import.meta.dirname, '../../../test/fixtures/questionnaires');
    for (const file of ['lhc-phq9.json', 'lhc-phq9-with-the-weight-function.json']) {
      const { expressions } = analyzeQuestionnaire(JSON.parse(readFileSync(resolve(corpus, file), 'utf8')));
      expect(expressions.length, file).toBeGreaterThan(0);
      expect(
        expressions.filter((expression) => !inSubset(expression)),
        file,
      ).toEqual([]);
    }
  });
});
