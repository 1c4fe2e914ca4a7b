import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from './load.js';
import { createSurveyModel } from './model.js';

const base = { resourceType: 'Questionnaire', status: 'active' };

describe('loadQuestionnaire: bad input gives problems, never a throw', () => {
  it('text that is not JSON', () => {
    const { questionnaire, problems } = loadQuestionnaire('{"resourceType": "Questionnaire",');
    expect(questionnaire).toBeUndefined();
    expect(problems).toEqual([
      { code: 'invalid-json', fatal: true, message: expect.stringMatching(/^not valid JSON/) },
    ]);
    // The message never quotes the input (it might hold anything).
    const quoted = loadQuestionnaire('{"resourceType": "Questionnaire", "note": Jane Doe}');
    expect(quoted.problems[0]?.message).not.toContain('Jane');
  });

  it('values that are not a Questionnaire', () => {
    for (const [input, what] of [
      [null, 'null'],
      [42, 'a number'],
      [[base], 'an array'],
      ['"just a string"', 'a string'],
      [{ resourceType: 'Patient', name: [{ family: 'Doe' }] }, 'a Patient'],
      [{ status: 'active' }, 'an object without resourceType'],
    ] as const) {
      const { questionnaire, problems } = loadQuestionnaire(input);
      expect(questionnaire).toBeUndefined();
      expect(problems).toEqual([
        { code: 'not-a-questionnaire', fatal: true, message: `expected a FHIR Questionnaire, got ${what}` },
      ]);
    }
  });

  it('a Questionnaire with nothing to render', () => {
    for (const item of [undefined, [], [{ type: 'string' }]]) {
      const { questionnaire, problems } = loadQuestionnaire({ ...base, item });
      expect(questionnaire).toBeUndefined();
      expect(problems.at(-1)).toMatchObject({ code: 'no-items', fatal: true });
    }
  });

  it('skips only the broken item and keeps the rest', () => {
    const { questionnaire, problems } = loadQuestionnaire({
      ...base,
      item: [
        { linkId: 'ok', type: 'string' },
        'not an item',
        { linkId: 'bad-type', type: 'signature' },
        { linkId: 'bad-required', type: 'string', required: 'yes' },
        { linkId: 'g', type: 'group', item: [{ linkId: 'child', type: 'integer' }, { type: 'string' }] },
      ],
    });
    expect(questionnaire?.item?.map((i) => i.linkId)).toEqual(['ok', 'g']);
    expect(questionnaire?.item?.[1]?.item?.map((i) => i.linkId)).toEqual(['child']);
    expect(problems.map((p) => [p.code, p.linkId, p.path, p.fatal])).toEqual([
      ['invalid-item', undefined, 'item[1]', false],
      ['invalid-item', 'bad-type', 'item[2]', false],
      ['invalid-item', 'bad-required', 'item[3]', false],
      ['invalid-item', undefined, 'item[4].item[1]', false],
    ]);
    expect(problems[2]?.message).toMatch(/^item\[3\]\.required: .*; item skipped$/);
  });

  it('duplicate linkIds: the later item is skipped', () => {
    const { questionnaire, problems } = loadQuestionnaire({
      ...base,
      item: [
        { linkId: 'a', type: 'string', text: 'First' },
        {
          linkId: 'g',
          type: 'group',
          item: [
            { linkId: 'a', type: 'integer', text: 'Second' },
            { linkId: 'b', type: 'date' },
          ],
        },
      ],
    });
    expect(questionnaire?.item?.[1]?.item?.map((i) => i.linkId)).toEqual(['b']);
    expect(problems).toEqual([
      {
        code: 'duplicate-link-id',
        linkId: 'a',
        path: 'item[1].item[0]',
        fatal: false,
        message: 'linkId "a" is used more than once; the later item is skipped',
      },
    ]);
  });

  it('enableWhen pointing at unknown items, at groups, or without a usable answer', () => {
    const { questionnaire, problems } = loadQuestionnaire({
      ...base,
      item: [
        { linkId: 'g', type: 'group', item: [{ linkId: 'x', type: 'string' }] },
        { linkId: 'a', type: 'string', enableWhen: [{ question: 'ghost', operator: 'exists', answerBoolean: true }] },
        { linkId: 'b', type: 'string', enableWhen: [{ question: 'g', operator: 'exists', answerBoolean: true }] },
        { linkId: 'c', type: 'string', enableWhen: [{ question: 'a', operator: '=' }] },
        { linkId: 'd', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerString: 'x' }] },
        { linkId: 'e', type: 'integer', enableWhen: [{ question: 'a', operator: '=', answerInteger: 3 }] },
      ],
    });
    expect(questionnaire).toBeDefined();
    expect(problems.map((p) => [p.code, p.linkId, p.path])).toEqual([
      ['enable-when-unknown-question', 'a', 'enableWhen[0]'],
      ['enable-when-invalid', 'b', 'enableWhen[0]'],
      ['enable-when-invalid', 'c', 'enableWhen[0]'],
      ['enable-when-invalid', 'd', 'enableWhen[0]'],
      ['enable-when-invalid', 'e', 'enableWhen[0]'],
    ]);
    const model = createSurveyModel(questionnaire!);
    // An unknown question counts as unanswered: "exists = true" is not met.
    expect(model.isEnabled('a')).toBe(false);
    expect(model.isEnabled('c')).toBe(false);
    expect(model.isEnabled('g/x')).toBe(true);
  });

  it('answerOption types that do not match the item type', () => {
    const { questionnaire, problems } = loadQuestionnaire({
      ...base,
      item: [
        { linkId: 'c', type: 'choice', answerOption: [{ valueCoding: { code: 'a' } }, { valueBoolean: true }] },
        { linkId: 'i', type: 'integer', answerOption: [{ valueInteger: 1 }, { valueDate: '2024-01-01' }] },
        { linkId: 'b', type: 'boolean', answerOption: [{ valueBoolean: true }] },
        { linkId: 'n', type: 'choice', answerOption: [{}] },
        { linkId: 'fine', type: 'choice', answerOption: [{ valueInteger: 1 }] },
      ],
    });
    expect(problems.map((p) => [p.code, p.linkId, p.path, p.message])).toEqual([
      ['answer-option-type', 'c', 'answerOption[1]', 'answerOption valueBoolean does not fit a choice item'],
      ['answer-option-type', 'i', 'answerOption[1]', 'answerOption valueDate does not fit a integer item'],
      ['answer-option-type', 'b', 'answerOption[0]', 'answerOption valueBoolean does not fit a boolean item'],
      ['answer-option-type', 'n', 'answerOption[0]', 'answerOption has no single valid value[x]'],
    ]);
    const model = createSurveyModel(questionnaire!);
    expect(model.items.map((n) => n.unsupported?.code)).toEqual([
      'answer-type-mismatch',
      'answer-type-mismatch',
      'answer-type-mismatch',
      'answer-type-mismatch',
      undefined,
    ]);
  });

  it('repairs what it can at the top level', () => {
    const { questionnaire, problems } = loadQuestionnaire({
      ...base,
      status: 'published',
      id: 'has spaces',
      title: 42,
      contained: [{ id: 'no-type' }],
      item: [{ linkId: 'a', type: 'string' }],
    });
    expect(questionnaire).toMatchObject({ status: 'unknown', item: [{ linkId: 'a' }] });
    expect(questionnaire).not.toHaveProperty('id');
    expect(questionnaire).not.toHaveProperty('title');
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['invalid-field', 'contained'],
      ['invalid-field', 'id'],
      ['invalid-field', 'title'],
      ['invalid-field', 'status'],
    ]);
  });

  it('bounds nesting depth', () => {
    let item: Record<string, unknown> = { linkId: 'leaf', type: 'string' };
    for (let depth = 0; depth < 40; depth++) item = { linkId: `g${depth}`, type: 'group', item: [item] };
    const { questionnaire, problems } = loadQuestionnaire({ ...base, item: [item] });
    expect(questionnaire).toBeDefined();
    expect(problems.map((p) => p.code)).toEqual(['too-deep']);
  });

  it('accepts JSON text and a Questionnaire object alike, without mutating the input', () => {
    const input = { ...base, item: [{ linkId: 'a', type: 'string', item: [{ linkId: 'b', type: 'bogus' }] }] };
    const before = JSON.stringify(input);
    const fromObject = loadQuestionnaire(input);
    const fromText = loadQuestionnaire(before);
    expect(JSON.stringify(input)).toBe(before);
    expect(fromText).toEqual(fromObject);
    expect(fromObject.questionnaire?.item).toEqual([{ linkId: 'a', type: 'string' }]);
  });

  it('never throws, and neither does building a model, on arbitrary JSON', () => {
    const itemish = fc.letrec((tie) => ({
      item: fc.record(
        {
          linkId: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.string()),
          type: fc.oneof(fc.constantFrom('group', 'string', 'choice', 'boolean', 'integer', 'display'), fc.anything()),
          required: fc.oneof(fc.boolean(), fc.anything()),
          repeats: fc.boolean(),
          enableWhen: fc.array(
            fc.record(
              {
                question: fc.constantFrom('a', 'b', 'c', 'd', 'x'),
                operator: fc.constantFrom('exists', '=', '!=', '>', '<', '>=', '<=', 'nope'),
                answerBoolean: fc.boolean(),
                answerInteger: fc.integer(),
                answerString: fc.string(),
              },
              { requiredKeys: ['question', 'operator'] },
            ),
            { maxLength: 2 },
          ),
          answerOption: fc.array(
            fc.oneof(fc.record({ valueCoding: fc.record({ code: fc.string() }) }), fc.anything()),
            {
              maxLength: 3,
            },
          ),
          item: fc.array(tie('item'), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            resourceType: fc.constant('Questionnaire'),
            status: fc.constant('active'),
            item: fc.array(itemish.item, { maxLength: 4 }),
          }),
        ),
        (input) => {
          const loaded = loadQuestionnaire(input);
          expect(Array.isArray(loaded.problems)).toBe(true);
          expect(loaded.questionnaire !== undefined || loaded.problems.some((p) => p.fatal)).toBe(true);
          const model = createSurveyModel(input as never);
          for (const node of model.items) {
            model.setAnswer(node.key, [{ valueBoolean: true }]);
            model.setAnswerText(node.key, '1');
          }
          model.validate();
          model.score();
          // A required item that cannot be answered blocks `completed` (a clear FrontdeskError), never `in-progress`.
          model.toResponse({ status: model.completionBlockers().length > 0 ? 'in-progress' : 'completed' });
        },
      ),
      { numRuns: 200, seed: 20240501 },
    );
  });
});
