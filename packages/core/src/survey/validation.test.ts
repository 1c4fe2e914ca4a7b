import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import type { SurveyAnswer } from './answers.js';
import { SURVEY_EXTENSION_URLS as URLS } from './extensions.js';
import { createSurveyModel } from './model.js';

function form(item: QuestionnaireItem[]): Questionnaire {
  return { resourceType: 'Questionnaire', status: 'active', item };
}

/** The error codes one item gets for the given answers. */
function codesFor(item: QuestionnaireItem, answers: SurveyAnswer[]): string[] {
  const model = createSurveyModel(form([item]));
  expect(model.problems).toEqual([]);
  expect(model.setAnswer(item.linkId, answers)).toBe(true);
  return model.validateItem(item.linkId).map((e) => e.code);
}

describe('validation rules', () => {
  it('required: a question, a repeating question and a group (any answered descendant counts)', () => {
    const model = createSurveyModel(
      form([
        { linkId: 'q', type: 'string', required: true },
        { linkId: 'r', type: 'string', required: true, repeats: true },
        {
          linkId: 'g',
          type: 'group',
          required: true,
          item: [
            { linkId: 'a', type: 'string' },
            { linkId: 'b', type: 'string' },
          ],
        },
        { linkId: 'ro', type: 'string', required: true, readOnly: true },
      ]),
    );
    const result = model.validate();
    expect(result.valid).toBe(false);
    expect(Object.keys(result.errors)).toEqual(['q', 'r', 'g']);
    expect(result.firstErrorKey).toBe('q');
    expect(result.errors.q).toEqual([{ code: 'required', params: {} }]);
    model.setAnswer('q', [{ valueString: 'x' }]);
    model.setAnswerText('r', ['one', 'two']);
    model.setAnswer('g/b', [{ valueString: 'y' }]);
    expect(model.validate()).toEqual({ valid: true, errors: {}, firstErrorKey: undefined });
  });

  it('maxLength and minLength count characters, not UTF-16 units', () => {
    const item: QuestionnaireItem = {
      linkId: 's',
      type: 'string',
      maxLength: 3,
      extension: [{ url: URLS.minLength, valueInteger: 2 }],
    };
    expect(codesFor(item, [{ valueString: '😀😀😀' }])).toEqual([]);
    expect(codesFor(item, [{ valueString: 'abcd' }])).toEqual(['max-length']);
    expect(codesFor(item, [{ valueString: 'a' }])).toEqual(['min-length']);
  });

  it('minValue and maxValue on integer, decimal, quantity, date and time', () => {
    const bounded = (type: QuestionnaireItem['type'], min: Record<string, unknown>, max: Record<string, unknown>) => ({
      linkId: 'v',
      type,
      extension: [
        { url: URLS.minValue, ...min },
        { url: URLS.maxValue, ...max },
      ],
    });
    const integer = bounded('integer', { valueInteger: 1 }, { valueInteger: 10 });
    expect(codesFor(integer, [{ valueInteger: 0 }])).toEqual(['min-value']);
    expect(codesFor(integer, [{ valueInteger: 10 }])).toEqual([]);
    expect(codesFor(integer, [{ valueInteger: 11 }])).toEqual(['max-value']);
    const decimal = bounded('decimal', { valueDecimal: 35.5 }, { valueDecimal: 42 });
    expect(codesFor(decimal, [{ valueDecimal: 35.4 }])).toEqual(['min-value']);
    expect(codesFor(decimal, [{ valueDecimal: 42.01 }])).toEqual(['max-value']);
    const quantity = bounded('quantity', { valueQuantity: { value: 1 } }, { valueDecimal: 300 });
    expect(codesFor(quantity, [{ valueQuantity: { value: 301, unit: 'kg' } }])).toEqual(['max-value']);
    const date = bounded('date', { valueDate: '2024-01-01' }, { valueDate: '2024-12-31' });
    expect(codesFor(date, [{ valueDate: '2023-12-31' }])).toEqual(['min-value']);
    expect(codesFor(date, [{ valueDate: '2024-06-01' }])).toEqual([]);
    const time = bounded('time', { valueTime: '08:00:00' }, { valueTime: '17:00:00' });
    expect(codesFor(time, [{ valueTime: '17:30:00' }])).toEqual(['max-value']);
    const model = createSurveyModel(form([integer]));
    model.setAnswer('v', [{ valueInteger: 0 }]);
    expect(model.validateItem('v')[0]).toEqual({ code: 'min-value', params: { min: 1 } });
  });

  it('regex applies to the whole answer and names the entryFormat; entryFormat alone is only a hint', () => {
    const zip: QuestionnaireItem = {
      linkId: 'zip',
      type: 'string',
      extension: [
        { url: URLS.regex, valueString: '[0-9]{5}' },
        { url: URLS.entryFormat, valueString: '12345' },
      ],
    };
    expect(codesFor(zip, [{ valueString: '02139' }])).toEqual([]);
    expect(codesFor(zip, [{ valueString: '021390' }])).toEqual(['regex']);
    const model = createSurveyModel(form([zip]));
    model.setAnswer('zip', [{ valueString: 'abc' }]);
    expect(model.validateItem('zip')).toEqual([{ code: 'regex', params: { format: '12345' } }]);
    const hintOnly: QuestionnaireItem = {
      linkId: 'phone',
      type: 'string',
      extension: [{ url: URLS.entryFormat, valueString: '(999) 999-9999' }],
    };
    expect(codesFor(hintOnly, [{ valueString: 'call me maybe' }])).toEqual([]);
  });

  it('answer types: a wrong kind, text that does not parse, and a choice not on the list', () => {
    expect(codesFor({ linkId: 'n', type: 'integer' }, [{ valueString: '5' }])).toEqual(['answer-type']);
    expect(codesFor({ linkId: 'n', type: 'decimal' }, [{ valueInteger: 5 }])).toEqual(['answer-type']);
    const choice: QuestionnaireItem = { linkId: 'c', type: 'choice', answerOption: [{ valueCoding: { code: 'a' } }] };
    expect(codesFor(choice, [{ valueCoding: { code: 'z' } }])).toEqual(['not-an-option']);
    const open: QuestionnaireItem = { ...choice, type: 'open-choice' };
    expect(codesFor(open, [{ valueString: 'something else' }])).toEqual([]);
    const model = createSurveyModel(form([{ linkId: 'n', type: 'integer', required: true }]));
    model.setAnswerText('n', 'twelve');
    expect(model.validateItem('n')).toEqual([{ code: 'invalid-format', params: { expected: 'integer' } }]);
    // Answers of the wrong type never reach a response.
    model.setAnswer('n', [{ valueString: '12' }]);
    expect(model.toResponse().item).toBeUndefined();
  });

  it('maxDecimalPlaces and quantity units', () => {
    const decimal: QuestionnaireItem = {
      linkId: 'd',
      type: 'decimal',
      extension: [{ url: URLS.maxDecimalPlaces, valueInteger: 1 }],
    };
    expect(codesFor(decimal, [{ valueDecimal: 36.6 }])).toEqual([]);
    expect(codesFor(decimal, [{ valueDecimal: 36.65 }])).toEqual(['max-decimal-places']);
    const weight: QuestionnaireItem = {
      linkId: 'w',
      type: 'quantity',
      extension: [{ url: URLS.unitOption, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg' } }],
    };
    expect(
      codesFor(weight, [{ valueQuantity: { value: 70, code: 'kg', system: 'http://unitsofmeasure.org' } }]),
    ).toEqual([]);
    expect(codesFor(weight, [{ valueQuantity: { value: 150, unit: 'lb' } }])).toEqual(['unit-not-allowed']);
  });

  it('skips disabled and hidden items', () => {
    const model = createSurveyModel(
      form([
        { linkId: 'gate', type: 'boolean' },
        {
          linkId: 'follow',
          type: 'string',
          required: true,
          enableWhen: [{ question: 'gate', operator: '=', answerBoolean: true }],
        },
        { linkId: 'hidden', type: 'string', required: true, extension: [{ url: URLS.hidden, valueBoolean: true }] },
      ]),
    );
    expect(model.validate().valid).toBe(true);
    model.setAnswer('gate', [{ valueBoolean: true }]);
    expect(Object.keys(model.validate().errors)).toEqual(['follow']);
  });
});
