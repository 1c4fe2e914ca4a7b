import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { SURVEY_EXTENSION_URLS as URLS } from './extensions.js';
import { createSurveyModel } from './model.js';

const PHQ_ANSWERS = [
  ['LA6568-5', 'Not at all'],
  ['LA6569-3', 'Several days'],
  ['LA6570-1', 'More than half the days'],
  ['LA6571-9', 'Nearly every day'],
] as const;

const PHQ_QUESTIONS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself',
  'Trouble concentrating on things',
  'Moving or speaking so slowly that other people could have noticed',
  'Thoughts that you would be better off dead, or of hurting yourself',
];

/** PHQ-9 as LOINC publishes it: ordinalValue on each answer Coding (here on the answerOption for half the items). */
function phq9(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: 'phq-9',
    url: 'http://loinc.org/q/44249-1',
    status: 'active',
    title: 'PHQ-9 quick depression assessment panel',
    item: [
      {
        linkId: '/44249-1',
        type: 'group',
        text: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
        item: PHQ_QUESTIONS.map(
          (text, i): QuestionnaireItem => ({
            linkId: `/44249-1/q${i + 1}`,
            type: 'choice',
            required: true,
            text,
            answerOption: PHQ_ANSWERS.map(([code, display], score) => {
              const ordinal = [{ url: URLS.ordinalValue, valueDecimal: score }];
              const coding = { system: 'http://loinc.org', code, display };
              return i % 2 === 0
                ? { valueCoding: { ...coding, extension: ordinal } }
                : { valueCoding: coding, extension: ordinal };
            }),
          }),
        ),
      },
    ],
  };
}

describe('scores', () => {
  it('scores PHQ-9 from ordinalValue: total, per item and maximum', () => {
    const model = createSurveyModel(phq9());
    expect(model.problems).toEqual([]);
    // linkIds with slashes are escaped in keys, so look instances up by linkId.
    const key = (linkId: string) => model.itemsByLinkId(linkId)[0]!.key;
    expect(key('/44249-1/q4')).toBe('%2F44249-1/%2F44249-1%2Fq4');
    const chosen = [0, 1, 2, 3, 3, 2, 1, 0, 1];
    chosen.forEach((option, i) => {
      expect(model.selectOption(key(`/44249-1/q${i + 1}`), String(option))).toBe(true);
    });
    const score = model.score();
    expect(score.total).toBe(13);
    expect(score.max).toBe(27);
    expect(score.scoredItems).toBe(9);
    expect(score.answeredItems).toBe(9);
    expect(score.byItem[key('/44249-1/q4')]).toBe(3);
    expect(Object.values(score.byItem)).toEqual(chosen);
    const response = model.toResponse({ authored: '2024-05-01T10:00:00Z' });
    expect(checkQuestionnaireResponse(response, phq9())).toEqual({ valid: true, issues: [] });
    // The answer is the option's Coding: system, code and display.
    expect(response.item?.[0]?.item?.[0]?.answer?.[0]?.valueCoding).toEqual({
      system: 'http://loinc.org',
      code: 'LA6568-5',
      display: 'Not at all',
    });
  });

  it('counts only answered items, and none that are disabled', () => {
    const q = phq9();
    q.item!.unshift({ linkId: 'skip', type: 'boolean' });
    q.item![1]!.enableWhen = [{ question: 'skip', operator: '!=', answerBoolean: true }];
    const model = createSurveyModel(q);
    model.selectOption(model.itemsByLinkId('/44249-1/q1')[0]!.key, '3');
    expect(model.score()).toMatchObject({ total: 3, answeredItems: 1, scoredItems: 9 });
    model.setAnswer('skip', [{ valueBoolean: true }]);
    expect(model.score()).toEqual({ total: 0, byItem: {}, max: 0, scoredItems: 0, answeredItems: 0 });
  });

  it('reads the itemWeight backport on answerOption and on the Coding, and sums repeating choices', () => {
    const weight = (value: number) => [{ url: URLS.itemWeight, valueDecimal: value }];
    const model = createSurveyModel({
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        {
          linkId: 'risk',
          type: 'choice',
          answerOption: [
            { valueCoding: { code: 'low' }, extension: weight(0.5) },
            { valueCoding: { code: 'high', extension: weight(2.25) } },
          ],
        },
        {
          linkId: 'symptoms',
          type: 'choice',
          repeats: true,
          answerOption: [
            { valueString: 'cough', extension: weight(0.1) },
            { valueString: 'fever', extension: weight(0.2) },
            { valueString: 'none', extension: weight(-1) },
          ],
        },
        { linkId: 'unscored', type: 'choice', answerOption: [{ valueString: 'x' }] },
      ],
    });
    model.selectOption('risk', '1');
    model.selectOption('symptoms', '0');
    model.selectOption('symptoms', '1');
    model.selectOption('unscored', '0');
    expect(model.score()).toEqual({
      total: 2.55,
      byItem: { risk: 2.25, symptoms: 0.3 },
      max: 2.55,
      scoredItems: 2,
      answeredItems: 2,
    });
  });

  it('reads scores from a contained ValueSet expansion', () => {
    const model = createSurveyModel({
      resourceType: 'Questionnaire',
      status: 'active',
      contained: [
        {
          resourceType: 'ValueSet',
          id: 'freq',
          expansion: {
            contains: PHQ_ANSWERS.map(([code, display], score) => ({
              system: 'http://loinc.org',
              code,
              display,
              extension: [{ url: URLS.ordinalValue, valueDecimal: score }],
            })),
          },
        },
      ],
      item: [{ linkId: 'q', type: 'choice', answerValueSet: '#freq' }],
    });
    model.selectOption('q', '2');
    expect(model.score().total).toBe(2);
  });
});
