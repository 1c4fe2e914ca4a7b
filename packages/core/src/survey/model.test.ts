import { describe, expect, it } from 'vitest';
import { control, slider } from '../../../../test/support/questionnaires.js';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { SURVEY_EXTENSION_URLS as URLS } from './extensions.js';
import { loadQuestionnaire } from './load.js';
import { createSurveyModel } from './model.js';

const AUTHORED = '2024-05-01T10:00:00Z';

function form(item: QuestionnaireItem[], extra: Partial<Questionnaire> = {}): Questionnaire {
  return { resourceType: 'Questionnaire', status: 'active', url: 'http://example.org/q/model', item, ...extra };
}

describe('answer types', () => {
  const everyType = form([
    { linkId: 'boolean', type: 'boolean' },
    { linkId: 'decimal', type: 'decimal' },
    { linkId: 'integer', type: 'integer' },
    { linkId: 'date', type: 'date' },
    { linkId: 'dateTime', type: 'dateTime' },
    { linkId: 'time', type: 'time' },
    { linkId: 'string', type: 'string' },
    { linkId: 'text', type: 'text' },
    { linkId: 'url', type: 'url' },
    {
      linkId: 'choice',
      type: 'choice',
      answerOption: [
        { valueCoding: { system: 'http://s', code: 'y', display: 'Yes' } },
        { valueCoding: { code: 'n' } },
      ],
    },
    { linkId: 'open-choice', type: 'open-choice', answerOption: [{ valueCoding: { code: 'dog', display: 'Dog' } }] },
    {
      linkId: 'quantity',
      type: 'quantity',
      extension: [{ url: URLS.unit, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } }],
    },
    { linkId: 'choice-string', type: 'choice', answerOption: [{ valueString: 'Morning' }, { valueString: 'Evening' }] },
    { linkId: 'choice-integer', type: 'choice', answerOption: [{ valueInteger: 1 }, { valueInteger: 2 }] },
    { linkId: 'choice-date', type: 'choice', answerOption: [{ valueDate: '2024-07-01' }] },
    { linkId: 'choice-time', type: 'choice', answerOption: [{ valueTime: '08:00:00' }] },
  ]);

  it('every item type produces its FHIR answer value type', () => {
    const model = createSurveyModel(everyType);
    expect(model.problems).toEqual([]);
    const typed: Array<[string, string]> = [
      ['boolean', 'true'],
      ['decimal', '3.25'],
      ['integer', '-42'],
      ['date', '2024-02-29'],
      ['dateTime', '2024-02-29T10:15+01:00'],
      ['time', '09:30'],
      ['string', 'Hello'],
      ['text', 'Line one\nLine two'],
      ['url', 'https://example.org/a'],
      ['open-choice', 'A parrot'],
      ['quantity', '72.5'],
      ['choice-string', 'evening'],
    ];
    for (const [key, text] of typed) expect(model.setAnswerText(key, text)).toBe(true);
    expect(model.selectOption('choice', '0')).toBe(true);
    expect(model.selectOption('choice-integer', '1')).toBe(true);
    expect(model.selectOption('choice-date', '0')).toBe(true);
    expect(model.selectOption('choice-time', '0')).toBe(true);
    const response = model.toResponse({ authored: AUTHORED });
    const answers = Object.fromEntries((response.item ?? []).map((i) => [i.linkId, i.answer]));
    expect(answers).toEqual({
      boolean: [{ valueBoolean: true }],
      decimal: [{ valueDecimal: 3.25 }],
      integer: [{ valueInteger: -42 }],
      date: [{ valueDate: '2024-02-29' }],
      dateTime: [{ valueDateTime: '2024-02-29T10:15:00+01:00' }],
      time: [{ valueTime: '09:30:00' }],
      string: [{ valueString: 'Hello' }],
      text: [{ valueString: 'Line one\nLine two' }],
      url: [{ valueUri: 'https://example.org/a' }],
      choice: [{ valueCoding: { system: 'http://s', code: 'y', display: 'Yes' } }],
      'open-choice': [{ valueString: 'A parrot' }],
      quantity: [{ valueQuantity: { value: 72.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } }],
      'choice-string': [{ valueString: 'Evening' }],
      'choice-integer': [{ valueInteger: 2 }],
      'choice-date': [{ valueDate: '2024-07-01' }],
      'choice-time': [{ valueTime: '08:00:00' }],
    });
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'http://example.org/q/model',
      status: 'completed',
      authored: AUTHORED,
    });
    expect(checkQuestionnaireResponse(response, everyType)).toEqual({ valid: true, issues: [] });
  });

  it('open-choice takes an option or free text; a typed option label picks the option', () => {
    const model = createSurveyModel(everyType);
    model.setAnswerText('open-choice', 'dog');
    expect(model.getItem('open-choice')?.answers).toEqual([{ valueCoding: { code: 'dog', display: 'Dog' } }]);
    expect(model.getItem('open-choice')?.allowsFreeText).toBe(true);
    expect(model.getItem('open-choice')?.control).toBe('radio-button');
    const freeTextOnly = createSurveyModel(form([{ linkId: 'o', type: 'open-choice' }]));
    expect(freeTextOnly.getItem('o')?.control).toBe('input');
  });

  it('a local date-time from a datetime-local field gets seconds and the runtime offset', () => {
    const model = createSurveyModel(everyType);
    model.setAnswerText('dateTime', '2024-03-10T09:05');
    const [answer] = model.getItem('dateTime')?.answers ?? [];
    expect(answer).toEqual({ valueDateTime: expect.stringMatching(/^2024-03-10T09:05:00(Z|[+-]\d{2}:\d{2})$/) });
  });

  it('keeps text that does not parse as invalid, out of the response', () => {
    const model = createSurveyModel(everyType);
    model.setAnswerText('integer', '12abc');
    model.setAnswerText('date', '2024-02-30');
    expect(model.getItem('integer')).toMatchObject({ answers: [], invalidText: ['12abc'] });
    expect(model.getItem('date')).toMatchObject({ answers: [], invalidText: ['2024-02-30'] });
    expect(model.toResponse({ status: 'in-progress' }).item).toBeUndefined();
    model.setAnswerText('integer', '   ');
    expect(model.getItem('integer')).toMatchObject({ answers: [], invalidText: [] });
  });

  it('rejects values that are not FHIR answer values, and keys that take no answers', () => {
    const model = createSurveyModel(
      form([
        { linkId: 'n', type: 'integer' },
        { linkId: 'g', type: 'group', item: [{ linkId: 'x', type: 'string' }] },
        { linkId: 'd', type: 'display', text: 'Note' },
      ]),
    );
    expect(model.setAnswer('n', [{ valueInteger: 1.5 } as never])).toBe(false);
    expect(model.setAnswer('n', [{ valueInteger: 1, valueString: 'x' } as never])).toBe(false);
    expect(model.setAnswer('n', 'nope' as never)).toBe(false);
    expect(model.setAnswer('g', [{ valueString: 'x' }])).toBe(false);
    expect(model.setAnswer('d', [{ valueString: 'x' }])).toBe(false);
    expect(model.setAnswer('missing', [{ valueString: 'x' }])).toBe(false);
    expect(model.getItem('n')?.answers).toEqual([]);
  });

  it('a question with children puts them under answer.item; a group under item', () => {
    const q = form([
      {
        linkId: 'smoker',
        type: 'boolean',
        item: [
          {
            linkId: 'years',
            type: 'integer',
            enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }],
          },
        ],
      },
      { linkId: 'g', type: 'group', text: 'About you', item: [{ linkId: 'name', type: 'string', text: 'Name' }] },
    ]);
    const model = createSurveyModel(q);
    model.setAnswer('smoker', [{ valueBoolean: true }]);
    model.setAnswer('smoker/years', [{ valueInteger: 12 }]);
    model.setAnswer('g/name', [{ valueString: 'Ana' }]);
    const response = model.toResponse({ authored: AUTHORED });
    expect(response.item).toEqual([
      {
        linkId: 'smoker',
        answer: [{ valueBoolean: true, item: [{ linkId: 'years', answer: [{ valueInteger: 12 }] }] }],
      },
      { linkId: 'g', text: 'About you', item: [{ linkId: 'name', text: 'Name', answer: [{ valueString: 'Ana' }] }] },
    ]);
    expect(checkQuestionnaireResponse(response, q).valid).toBe(true);
  });
});

describe('unsupported items', () => {
  const q = form([
    { linkId: 'photo', type: 'attachment', text: 'Upload' },
    { linkId: 'ref', type: 'reference' },
    {
      linkId: 'bmi',
      type: 'decimal',
      extension: [{ url: URLS.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression: '1' } }],
    },
    {
      linkId: 'shown',
      type: 'string',
      extension: [
        { url: URLS.enableWhenExpression, valueExpression: { language: 'text/fhirpath', expression: 'true' } },
      ],
    },
    { linkId: 'bad-options', type: 'choice', answerOption: [{ valueBoolean: true }, { valueCoding: { code: 'a' } }] },
    { linkId: 'integer-options', type: 'integer', answerOption: [{ valueString: 'one' }] },
    { linkId: 'fine', type: 'string', required: true },
  ]);

  it('are marked with a reason (which feature, and why) while the rest of the form works', async () => {
    const model = createSurveyModel(q);
    await model.ready;
    const reasons = Object.fromEntries(
      model.items.map((n) => [n.linkId, n.unsupported && `${n.unsupported.feature}: ${n.unsupported.code}`]),
    );
    expect(reasons).toEqual({
      photo: undefined,
      ref: 'item-type: unsupported-type',
      bmi: undefined,
      shown: undefined,
      'bad-options': 'answerOption: answer-type-mismatch',
      'integer-options': 'answerOption: answer-type-mismatch',
      fine: undefined,
    });
    expect(model.problems.map((p) => [p.code, p.linkId])).toEqual([
      ['unsupported-item', 'ref'],
      ['answer-option-type', 'bad-options'],
      ['answer-option-type', 'integer-options'],
    ]);
    expect(model.problems.every((p) => !p.fatal)).toBe(true);
    expect(model.setAnswer('ref', [{ valueString: 'x' }])).toBe(false);
    expect(model.setAnswer('bmi', [{ valueDecimal: 2 }])).toBe(false);
    expect(model.getItem('bmi')).toMatchObject({ calculated: true, readOnly: true, answers: [{ valueDecimal: 1 }] });
    expect(model.getItem('shown')?.enabled).toBe(true);
    model.clearAnswer('bmi');
    expect(model.validate().errors).toEqual({ fine: [expect.objectContaining({ code: 'required' })] });
    model.setAnswer('fine', [{ valueString: 'ok' }]);
    const response = model.toResponse({ authored: AUTHORED });
    expect(response.item).toEqual([
      { linkId: 'bmi', answer: [{ valueDecimal: 1 }] },
      { linkId: 'fine', answer: [{ valueString: 'ok' }] },
    ]);
    expect(checkQuestionnaireResponse(response, q).valid).toBe(true);
  });
});

describe('repeats', () => {
  it('a repeating question keeps several answers; a single one keeps the first', () => {
    const model = createSurveyModel(
      form([
        { linkId: 'meds', type: 'string', repeats: true },
        { linkId: 'one', type: 'string' },
      ]),
    );
    model.setAnswerText('meds', ['Aspirin', '', 'Metformin']);
    model.setAnswer('one', [{ valueString: 'first' }, { valueString: 'second' }]);
    expect(model.getItem('meds')?.answers).toEqual([{ valueString: 'Aspirin' }, { valueString: 'Metformin' }]);
    expect(model.getItem('one')?.answers).toEqual([{ valueString: 'first' }]);
  });

  it('check-box choice toggles options in option order; radio replaces', () => {
    const options = [{ valueCoding: { code: 'a' } }, { valueCoding: { code: 'b' } }, { valueCoding: { code: 'c' } }];
    const model = createSurveyModel(
      form([
        { linkId: 'many', type: 'choice', repeats: true, answerOption: options },
        { linkId: 'single', type: 'choice', answerOption: options },
      ]),
    );
    expect(model.getItem('many')?.control).toBe('check-box');
    expect(model.getItem('single')?.control).toBe('radio-button');
    model.selectOption('many', '2');
    model.selectOption('many', '0');
    expect(model.getItem('many')?.answers).toEqual([{ valueCoding: { code: 'a' } }, { valueCoding: { code: 'c' } }]);
    model.selectOption('many', '2', false);
    expect(model.getItem('many')?.answers).toEqual([{ valueCoding: { code: 'a' } }]);
    model.selectOption('single', '0');
    model.selectOption('single', '1');
    expect(model.getItem('single')?.answers).toEqual([{ valueCoding: { code: 'b' } }]);
    expect(model.selectOption('single', '9')).toBe(false);
  });

  const visits = form([
    {
      linkId: 'visit',
      type: 'group',
      repeats: true,
      text: 'Visit',
      item: [
        { linkId: 'where', type: 'string', initial: [{ valueString: 'Clinic' }] },
        { linkId: 'dose', type: 'group', repeats: true, item: [{ linkId: 'mg', type: 'integer' }] },
      ],
    },
  ]);

  it('adds and removes instances of repeating groups, nested ones included', () => {
    const model = createSurveyModel(visits);
    expect(model.items.map((n) => n.key)).toEqual(['visit#1', 'visit#1/where', 'visit#1/dose#1', 'visit#1/dose#1/mg']);
    const second = model.addRepeat('visit');
    expect(second).toBe('visit#2');
    expect(model.getItem('visit#2/where')?.answers).toEqual([{ valueString: 'Clinic' }]);
    expect(model.addRepeat('visit#2/dose')).toBe('visit#2/dose#2');
    expect(model.getItem('visit#2/dose#2')?.repeat).toEqual({ repeatKey: 'visit#2/dose', index: 1, count: 2 });
    model.setAnswer('visit#1/where', [{ valueString: 'Home' }]);
    model.setAnswer('visit#2/dose#1/mg', [{ valueInteger: 5 }]);
    model.setAnswer('visit#2/dose#2/mg', [{ valueInteger: 10 }]);
    const response = model.toResponse({ authored: AUTHORED });
    expect(response.item).toEqual([
      { linkId: 'visit', text: 'Visit', item: [{ linkId: 'where', answer: [{ valueString: 'Home' }] }] },
      {
        linkId: 'visit',
        text: 'Visit',
        item: [
          { linkId: 'where', answer: [{ valueString: 'Clinic' }] },
          { linkId: 'dose', item: [{ linkId: 'mg', answer: [{ valueInteger: 5 }] }] },
          { linkId: 'dose', item: [{ linkId: 'mg', answer: [{ valueInteger: 10 }] }] },
        ],
      },
    ]);
    expect(checkQuestionnaireResponse(response, visits).valid).toBe(true);

    expect(model.removeRepeat('visit#1')).toBe(true);
    expect(model.items[0]?.key).toBe('visit#2');
    expect(model.getItem('visit#2')?.repeat).toEqual({ repeatKey: 'visit', index: 0, count: 1 });
    // The last instance stays and is emptied.
    expect(model.removeRepeat('visit#2')).toBe(true);
    expect(model.getItem('visit#2/where')?.answers).toEqual([]);
    expect(model.removeRepeat('visit#2/where')).toBe(false);
    expect(model.addRepeat('nope')).toBeUndefined();
    // Ids are never reused, so a renderer keyed on them never confuses instances.
    expect(model.addRepeat('visit')).toBe('visit#3');
  });
});

describe('initial values', () => {
  it('uses initial[] and answerOption.initialSelected; reports an initial of the wrong type', () => {
    const model = createSurveyModel(
      form([
        { linkId: 'name', type: 'string', initial: [{ valueString: 'Ana' }] },
        { linkId: 'age', type: 'integer', initial: [{ valueString: 'forty' }] },
        { linkId: 'ok', type: 'boolean', initial: [{ valueBoolean: false }] },
        {
          linkId: 'color',
          type: 'choice',
          answerOption: [{ valueString: 'red' }, { valueString: 'blue', initialSelected: true }],
        },
        {
          linkId: 'days',
          type: 'choice',
          repeats: true,
          answerOption: [
            { valueCoding: { code: 'mon' }, initialSelected: true },
            { valueCoding: { code: 'tue' } },
            { valueCoding: { code: 'wed' }, initialSelected: true },
          ],
        },
      ]),
    );
    expect(model.items.map((n) => n.answers)).toEqual([
      [{ valueString: 'Ana' }],
      [],
      [{ valueBoolean: false }],
      [{ valueString: 'blue' }],
      [{ valueCoding: { code: 'mon' } }, { valueCoding: { code: 'wed' } }],
    ]);
    expect(model.problems).toEqual([
      expect.objectContaining({ code: 'initial-type', linkId: 'age', path: 'initial[0]', fatal: false }),
    ]);
  });
});

describe('answerValueSet', () => {
  const q = form(
    [
      { linkId: 'expanded', type: 'choice', answerValueSet: '#yesno' },
      { linkId: 'composed', type: 'choice', answerValueSet: '#sizes' },
      { linkId: 'by-url', type: 'choice', answerValueSet: 'http://example.org/vs/sizes' },
      { linkId: 'external', type: 'choice', answerValueSet: 'http://loinc.org/vs/LL358-3' },
      { linkId: 'missing', type: 'open-choice', answerValueSet: '#nope' },
      { linkId: 'after', type: 'string' },
    ],
    {
      contained: [
        {
          resourceType: 'ValueSet',
          id: 'yesno',
          status: 'active',
          expansion: {
            contains: [
              {
                code: 'header',
                display: 'Answers',
                abstract: true,
                contains: [{ system: 'http://s', code: 'Y', display: 'Yes' }],
              },
              { system: 'http://s', code: 'N', display: 'No' },
            ],
          },
        },
        {
          resourceType: 'ValueSet',
          id: 'sizes',
          url: 'http://example.org/vs/sizes',
          compose: { include: [{ system: 'http://sizes', concept: [{ code: 'S', display: 'Small' }, { code: 'L' }] }] },
        },
      ],
    },
  );

  it('expands contained ValueSets; an unresolvable one gives an item-level problem, not a crash', () => {
    const { questionnaire, problems } = loadQuestionnaire(q);
    expect(questionnaire).toBeDefined();
    expect(problems.map((p) => [p.code, p.linkId, p.fatal])).toEqual([
      ['value-set-unresolved', 'external', false],
      ['value-set-unresolved', 'missing', false],
    ]);
    const model = createSurveyModel(questionnaire!);
    expect(model.getItem('expanded')?.options.map((o) => o.label)).toEqual(['Yes', 'No']);
    expect(model.getItem('composed')?.options.map((o) => o.value)).toEqual([
      { valueCoding: { system: 'http://sizes', code: 'S', display: 'Small' } },
      { valueCoding: { system: 'http://sizes', code: 'L' } },
    ]);
    expect(model.getItem('by-url')?.options).toHaveLength(2);
    expect(model.getItem('external')?.unsupported).toEqual({
      code: 'value-set-unresolved',
      feature: 'answerValueSet',
      message: expect.stringContaining('cannot be resolved'),
    });
    expect(model.getItem('missing')?.unsupported?.code).toBe('value-set-unresolved');
    model.selectOption('expanded', '0');
    model.setAnswer('after', [{ valueString: 'still works' }]);
    expect(model.toResponse({ authored: AUTHORED }).item?.map((i) => i.answer)).toEqual([
      [{ valueCoding: { system: 'http://s', code: 'Y', display: 'Yes' } }],
      [{ valueString: 'still works' }],
    ]);
  });
});

describe('view properties from extensions', () => {
  it('reads itemControl, orientation, slider step, bounds, entryFormat, regex, hidden, units and labels', () => {
    const model = createSurveyModel(
      form([
        {
          linkId: 'pain',
          type: 'integer',
          extension: [...slider(0, 10), { url: URLS.sliderStepValue, valueInteger: 2 }],
          item: [
            { linkId: 'pain-low', type: 'display', text: 'No pain', extension: [control('lower')] },
            { linkId: 'pain-high', type: 'display', text: 'Worst pain', extension: [control('upper')] },
            { linkId: 'pain-help', type: 'display', text: 'Think of today', extension: [control('help')] },
          ],
        },
        {
          linkId: 'city',
          type: 'choice',
          extension: [control('drop-down'), { url: URLS.choiceOrientation, valueCode: 'horizontal' }],
          answerOption: [{ valueString: 'A' }, { valueString: 'B' }],
        },
        {
          linkId: 'zip',
          type: 'string',
          extension: [
            { url: URLS.regex, valueString: '\\d{5}' },
            { url: URLS.entryFormat, valueString: '12345' },
          ],
        },
        { linkId: 'visit', type: 'date', extension: [{ url: URLS.minValue, valueDate: '2024-01-01' }] },
        { linkId: 'secret', type: 'string', extension: [{ url: URLS.hidden, valueBoolean: true }] },
        {
          linkId: 'weight',
          type: 'quantity',
          extension: [
            { url: URLS.unitOption, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg' } },
            {
              url: URLS.unitOption,
              valueCoding: { system: 'http://unitsofmeasure.org', code: '[lb_av]', display: 'lb' },
            },
          ],
        },
        { linkId: 'bool', type: 'boolean', extension: [control('check-box')] },
        { linkId: 'notes', type: 'text', readOnly: true, maxLength: 200, prefix: '7.' },
      ]),
    );
    expect(model.problems).toEqual([]);
    const pain = model.getItem('pain')!;
    expect(pain).toMatchObject({ control: 'slider', min: 0, max: 10, step: 2, lowerLabel: 'No pain' });
    expect(pain).toMatchObject({ upperLabel: 'Worst pain', help: 'Think of today' });
    // Label children are folded into their parent, not rendered as items.
    expect(model.items.map((n) => n.linkId)).not.toContain('pain-low');
    expect(model.getItem('city')).toMatchObject({ control: 'drop-down', orientation: 'horizontal' });
    expect(model.getItem('zip')).toMatchObject({ regex: '\\d{5}', entryFormat: '12345', control: 'input' });
    expect(model.getItem('visit')).toMatchObject({ min: '2024-01-01', max: undefined });
    expect(model.getItem('secret')?.hidden).toBe(true);
    expect(model.getItem('weight')?.units.map((u) => u.code)).toEqual(['kg', '[lb_av]']);
    expect(model.getItem('bool')?.control).toBe('check-box');
    expect(model.getItem('notes')).toMatchObject({
      control: 'text-area',
      readOnly: true,
      maxLength: 200,
      prefix: '7.',
    });
  });

  it('shows rendering-xhtml as plain text only', () => {
    const q = form(
      [
        {
          linkId: 'q',
          type: 'string',
          text: 'Fallback',
          _text: {
            extension: [
              {
                url: URLS.renderingXhtml,
                valueString:
                  '<div xmlns="http://www.w3.org/1999/xhtml"><b>Bold</b> &amp; <script>alert(1)</script>plain</div>',
              },
            ],
          },
        },
        {
          linkId: 'empty',
          type: 'string',
          text: 'Plain',
          _text: { extension: [{ url: URLS.renderingXhtml, valueString: '<p></p>' }] },
        },
      ],
      { title: 'T', _title: { extension: [{ url: URLS.renderingXhtml, valueString: '<i>Intake</i> form' }] } },
    );
    const model = createSurveyModel(q);
    expect(model.title).toBe('Intake form');
    expect(model.getItem('q')?.text).toBe('Bold & plain');
    expect(model.getItem('empty')?.text).toBe('Plain');
  });

  it('reports extensions that cannot apply and ignores them', () => {
    const model = createSurveyModel(
      form([
        { linkId: 'a', type: 'string', extension: [{ url: URLS.regex, valueString: '([a-z' }] },
        { linkId: 'b', type: 'integer', extension: [{ url: URLS.minValue, valueDate: '2024-01-01' }] },
      ]),
    );
    expect(model.problems.map((p) => [p.code, p.linkId])).toEqual([
      ['invalid-extension', 'a'],
      ['invalid-extension', 'b'],
    ]);
    expect(model.getItem('a')?.regex).toBeUndefined();
    expect(model.getItem('b')?.min).toBeUndefined();
  });
});

describe('pages', () => {
  const paged = form([
    { linkId: 'intro', type: 'display', text: 'Welcome' },
    {
      linkId: 'p1',
      type: 'group',
      text: 'About you',
      extension: [control('page')],
      item: [{ linkId: 'name', type: 'string', required: true }],
    },
    {
      linkId: 'p2',
      type: 'group',
      text: 'Smoking',
      extension: [control('page')],
      enableWhen: [{ question: 'name', operator: 'exists', answerBoolean: true }],
      item: [{ linkId: 'smokes', type: 'boolean', required: true }],
    },
  ]);

  it('splits top-level page groups into pages and validates one page at a time', () => {
    const model = createSurveyModel(paged);
    expect(model.pages.map((p) => [p.key, p.title, p.items.map((n) => n.key), p.enabled])).toEqual([
      [undefined, '', ['intro'], true],
      ['p1', 'About you', ['p1', 'p1/name'], true],
      ['p2', 'Smoking', ['p2', 'p2/smokes'], false],
    ]);
    expect(model.validate(1)).toMatchObject({ valid: false, firstErrorKey: 'p1/name' });
    expect(model.validate(0).valid).toBe(true);
    model.setAnswer('p1/name', [{ valueString: 'Ana' }]);
    expect(model.pages[2]?.enabled).toBe(true);
    expect(model.validate(1).valid).toBe(true);
    expect(model.validate(2).errors).toEqual({ 'p2/smokes': [expect.objectContaining({ code: 'required' })] });
  });

  it('a form without page groups is one page', () => {
    const model = createSurveyModel(form([{ linkId: 'a', type: 'string' }]));
    expect(model.pages).toHaveLength(1);
    expect(model.pages[0]?.items).toBe(model.items);
  });
});

describe('drafts and earlier responses', () => {
  const q = form([
    { linkId: 'name', type: 'string', initial: [{ valueString: 'default' }] },
    { linkId: 'age', type: 'integer' },
    { linkId: 'kid', type: 'group', repeats: true, item: [{ linkId: 'kid-name', type: 'string' }] },
  ]);

  function filled() {
    const model = createSurveyModel(q);
    model.clearAnswer('name');
    model.setAnswerText('age', '4x');
    model.addRepeat('kid');
    model.addRepeat('kid');
    model.removeRepeat('kid#2');
    model.setAnswer('kid#1/kid-name', [{ valueString: 'Leo' }]);
    model.setAnswer('kid#3/kid-name', [{ valueString: 'Mia' }]);
    return model;
  }

  it('serializes everything typed and restores it into a fresh model through JSON', () => {
    const source = filled();
    const stored = JSON.stringify(source.serializeAnswers());
    const target = createSurveyModel(q);
    expect(target.restoreAnswers(JSON.parse(stored))).toEqual({ restored: 2, dropped: 0 });
    expect(target.items.map((n) => [n.key, n.answers, n.invalidText])).toEqual(
      source.items.map((n) => [n.key, n.answers, n.invalidText]),
    );
    expect(target.getItem('name')?.answers).toEqual([]);
    expect(target.addRepeat('kid')).toBe('kid#4');
    const viaOption = createSurveyModel(q, { initialAnswers: JSON.parse(stored) });
    expect(viaOption.getItem('kid#3/kid-name')?.answers).toEqual([{ valueString: 'Mia' }]);
  });

  it('never throws on a mangled draft and refuses a draft of another questionnaire', () => {
    const model = createSurveyModel(q);
    for (const junk of [null, 42, 'x', [], { format: 'frontdesk-survey-draft', version: 2, answers: {} }]) {
      expect(model.restoreAnswers(junk)).toEqual({ restored: 0, dropped: 0 });
    }
    const partial = {
      format: 'frontdesk-survey-draft',
      version: 1,
      instances: { kid: [1, -3, 'x', 2], ghost: [1] },
      answers: { age: [{ valueInteger: 'nine' }, { valueInteger: 9 }], ghost: [{ valueString: 'x' }], name: 'x' },
    };
    expect(model.restoreAnswers(partial)).toEqual({ restored: 1, dropped: 3 });
    expect(model.getItem('age')?.answers).toEqual([{ valueInteger: 9 }]);
    expect(model.items.filter((n) => n.linkId === 'kid').map((n) => n.key)).toEqual(['kid#1', 'kid#2']);
    const other = { ...filled().serializeAnswers(), questionnaire: 'http://example.org/other' };
    expect(model.restoreAnswers(other)).toEqual({ restored: 0, dropped: 4 });
  });

  it('ignores initialAnswers that are neither a response nor a draft, keeping initial values', () => {
    const model = createSurveyModel(q, { initialAnswers: { hello: 'world' } as never });
    expect(model.problems.map((p) => p.code)).toEqual(['initial-answer-dropped']);
    expect(model.getItem('name')?.answers).toEqual([{ valueString: 'default' }]);
  });

  it('resumes from an earlier QuestionnaireResponse and drops what no longer fits', () => {
    const earlier = filled().toResponse({ status: 'in-progress', authored: AUTHORED });
    const model = createSurveyModel(q, { initialAnswers: earlier });
    expect(model.problems).toEqual([]);
    expect(model.getItem('name')?.answers).toEqual([]); // absent from the response: not refilled with the initial value
    expect(model.items.filter((n) => n.linkId === 'kid-name').map((n) => n.answers)).toEqual([
      [{ valueString: 'Leo' }],
      [{ valueString: 'Mia' }],
    ]);
    const broken = {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [
        { linkId: 'age', answer: [{ valueString: 'old' }] },
        { linkId: 'gone', answer: [{ valueString: 'x' }] },
        { linkId: 'name', answer: [{ valueString: 'Kept' }] },
      ],
    } as const;
    const resumed = createSurveyModel(q, { initialAnswers: broken as never });
    expect(resumed.problems.map((p) => [p.code, p.linkId])).toEqual([
      ['initial-answer-dropped', 'age'],
      ['initial-answer-dropped', 'gone'],
    ]);
    expect(resumed.getItem('name')?.answers).toEqual([{ valueString: 'Kept' }]);
  });
});
