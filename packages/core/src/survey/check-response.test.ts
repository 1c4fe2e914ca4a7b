import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../schemas/questionnaire.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { createSurveyModel } from './model.js';

const q: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'intake',
  url: 'http://example.org/q/intake',
  version: '2',
  status: 'active',
  item: [
    { linkId: 'name', type: 'string', required: true },
    { linkId: 'intro', type: 'display', text: 'About your health' },
    {
      linkId: 'health',
      type: 'group',
      item: [
        { linkId: 'smokes', type: 'boolean' },
        {
          linkId: 'packs',
          type: 'integer',
          required: true,
          enableWhen: [{ question: 'smokes', operator: '=', answerBoolean: true }],
        },
        {
          linkId: 'color',
          type: 'choice',
          answerOption: [{ valueCoding: { code: 'r' } }, { valueCoding: { code: 'g' } }],
        },
      ],
    },
    {
      linkId: 'pain',
      type: 'boolean',
      item: [{ linkId: 'where', type: 'string' }],
    },
    {
      linkId: 'optional-group',
      type: 'group',
      item: [
        { linkId: 'must', type: 'string', required: true },
        { linkId: 'also', type: 'string' },
      ],
    },
  ],
};

function valid() {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'http://example.org/q/intake|2',
    status: 'completed',
    authored: '2024-05-01T10:00:00Z',
    item: [
      { linkId: 'name', answer: [{ valueString: 'Ana' }] },
      {
        linkId: 'health',
        item: [
          { linkId: 'smokes', answer: [{ valueBoolean: true }] },
          { linkId: 'packs', answer: [{ valueInteger: 1 }] },
        ],
      },
      {
        linkId: 'pain',
        answer: [{ valueBoolean: true, item: [{ linkId: 'where', answer: [{ valueString: 'knee' }] }] }],
      },
    ],
  } as Record<string, unknown> & { item: Array<Record<string, unknown>> };
}

function codes(response: unknown): string[] {
  return checkQuestionnaireResponse(response, q).issues.map((i) => i.code);
}

describe('checkQuestionnaireResponse', () => {
  it('accepts a valid response, and what the model produces', () => {
    expect(checkQuestionnaireResponse(valid(), q)).toEqual({ valid: true, issues: [] });
    const model = createSurveyModel(q);
    model.setAnswer('name', [{ valueString: 'Ana' }]);
    const response = model.toResponse();
    expect(response.questionnaire).toBe('http://example.org/q/intake|2');
    expect(checkQuestionnaireResponse(response, q).valid).toBe(true);
  });

  it('checks resourceType, status, authored and the questionnaire reference', () => {
    expect(codes({ ...valid(), resourceType: 'Questionnaire' })).toEqual(['not-a-response']);
    expect(codes(null)).toEqual(['not-a-response']);
    expect(codes({ ...valid(), status: 'done' })).toEqual(['invalid-status']);
    expect(codes({ ...valid(), authored: 'yesterday' })).toEqual(['invalid-authored']);
    expect(codes({ ...valid(), questionnaire: 'http://example.org/q/other' })).toEqual(['questionnaire-mismatch']);
    expect(codes({ ...valid(), questionnaire: 'http://example.org/q/intake|1' })).toEqual(['questionnaire-mismatch']);
    expect(codes({ ...valid(), questionnaire: 'Questionnaire/intake' })).toEqual([]);
  });

  it('checks that linkIds exist, sit at the right place and come in order', () => {
    const unknown = valid();
    unknown.item.push({ linkId: 'nope', answer: [{ valueString: 'x' }] });
    expect(codes(unknown)).toEqual(['unknown-link-id']);
    const misplaced = valid();
    misplaced.item.push({ linkId: 'smokes', answer: [{ valueBoolean: false }] });
    expect(codes(misplaced)).toEqual(['wrong-nesting']);
    const reordered = valid();
    reordered.item.reverse();
    expect(codes(reordered)).toEqual(['out-of-order', 'out-of-order']);
    const repeated = valid();
    repeated.item.splice(1, 0, { linkId: 'name', answer: [{ valueString: 'Again' }] });
    expect(codes(repeated)).toEqual(['repeated-item']);
    const noLinkId = valid();
    noLinkId.item.push({ answer: [{ valueString: 'x' }] });
    expect(codes(noLinkId)).toEqual(['invalid-item']);
    expect(codes({ ...valid(), item: [] })).toEqual(['invalid-item', 'required-missing']);
  });

  it('checks answers: typed per item, on the option list, one for a non-repeating item, none on groups or display', () => {
    const wrongType = valid();
    wrongType.item[0] = { linkId: 'name', answer: [{ valueInteger: 5 }] };
    expect(codes(wrongType)).toEqual(['answer-type', 'required-missing']);
    const malformed = valid();
    malformed.item[0] = { linkId: 'name', answer: [{ valueString: 'a', valueInteger: 1 }] };
    expect(codes(malformed)).toEqual(['invalid-answer', 'required-missing']);
    const empty = valid();
    empty.item[0] = { linkId: 'name', answer: [] };
    expect(codes(empty)).toEqual(['invalid-answer', 'required-missing']);
    const offList = valid();
    (offList.item[1]!.item as unknown[]).push({ linkId: 'color', answer: [{ valueCoding: { code: 'blue' } }] });
    expect(codes(offList)).toEqual(['answer-not-in-options']);
    const twice = valid();
    twice.item[0] = { linkId: 'name', answer: [{ valueString: 'a' }, { valueString: 'b' }] };
    expect(codes(twice)).toEqual(['too-many-answers']);
    const groupAnswer = valid();
    groupAnswer.item[1]!.answer = [{ valueString: 'x' }];
    expect(codes(groupAnswer)).toEqual(['answer-on-group']);
    const displayAnswer = valid();
    displayAnswer.item.splice(1, 0, { linkId: 'intro', answer: [{ valueString: 'x' }] });
    expect(codes(displayAnswer)).toEqual(['answer-on-display']);
    const childOnQuestion = valid();
    childOnQuestion.item[2] = {
      linkId: 'pain',
      answer: [{ valueBoolean: true }],
      item: [{ linkId: 'where', answer: [{ valueString: 'knee' }] }],
    };
    expect(codes(childOnQuestion)).toEqual(['item-on-question']);
  });

  it('rejects items that enableWhen disables', () => {
    const disabled = valid();
    (disabled.item[1]!.item as Array<Record<string, unknown>>)[0] = {
      linkId: 'smokes',
      answer: [{ valueBoolean: false }],
    };
    const result = checkQuestionnaireResponse(disabled, q);
    expect(result.issues).toEqual([
      { code: 'disabled-item', linkId: 'packs', path: 'item[1].item[1]', message: expect.stringContaining('disabled') },
    ]);
  });

  it('requires required items only when completed, and only where their parent is present', () => {
    const missing = valid();
    missing.item.shift();
    expect(codes(missing)).toEqual(['required-missing']);
    expect(codes({ ...missing, status: 'in-progress' })).toEqual([]);
    // "must" is required inside an optional group: it is required once the group is present.
    const present = valid();
    present.item.push({ linkId: 'optional-group', item: [{ linkId: 'also', answer: [{ valueString: 'x' }] }] });
    expect(checkQuestionnaireResponse(present, q).issues).toEqual([
      { code: 'required-missing', linkId: 'must', path: 'optional-group/must', message: expect.any(String) },
    ]);
  });

  it('reports an unusable questionnaire instead of throwing', () => {
    expect(checkQuestionnaireResponse(valid(), { resourceType: 'Questionnaire' } as never).issues[0]?.code).toBe(
      'invalid-questionnaire',
    );
  });
});
