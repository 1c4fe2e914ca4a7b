import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import type { SurveyAnswer } from './answers.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { createSurveyModel } from './model.js';
import type { SurveyChange } from './types.js';

function form(item: QuestionnaireItem[], extra: Partial<Questionnaire> = {}): Questionnaire {
  return { resourceType: 'Questionnaire', status: 'active', url: 'http://example.org/q/ew', item, ...extra };
}

type Relation = 'lt' | 'eq' | 'gt';
type Operator = '=' | '!=' | '>' | '<' | '>=' | '<=';

/** For each comparable type: the item type, enableWhen answer[x], the expected value and answers below/equal/above. */
const ORDERED: Array<{
  type: QuestionnaireItem['type'];
  kind: string;
  expected: unknown;
  answers: Record<Relation, unknown>;
}> = [
  { type: 'integer', kind: 'Integer', expected: 5, answers: { lt: 1, eq: 5, gt: 9 } },
  { type: 'decimal', kind: 'Decimal', expected: 2.5, answers: { lt: 1.5, eq: 2.5, gt: 3.75 } },
  {
    type: 'date',
    kind: 'Date',
    expected: '2024-06-15',
    answers: { lt: '2024-01-31', eq: '2024-06-15', gt: '2024-12-01' },
  },
  {
    type: 'dateTime',
    kind: 'DateTime',
    expected: '2024-06-15T12:00:00Z',
    // Compared on the timeline, not as text: 13:00+02:00 is 11:00Z and 09:00-05:00 is 14:00Z.
    answers: { lt: '2024-06-15T13:00:00+02:00', eq: '2024-06-15T14:00:00+02:00', gt: '2024-06-15T09:00:00-05:00' },
  },
  { type: 'time', kind: 'Time', expected: '12:00:00', answers: { lt: '08:30:00', eq: '12:00:00', gt: '17:45:30' } },
  { type: 'string', kind: 'String', expected: 'mango', answers: { lt: 'apple', eq: 'mango', gt: 'zebra' } },
];

const TRUTH: Record<Operator, Record<Relation, boolean>> = {
  '=': { lt: false, eq: true, gt: false },
  '!=': { lt: true, eq: false, gt: true },
  '>': { lt: false, eq: false, gt: true },
  '<': { lt: true, eq: false, gt: false },
  '>=': { lt: false, eq: true, gt: true },
  '<=': { lt: true, eq: true, gt: false },
};

function conditional(type: QuestionnaireItem['type'], operator: string, answer: Record<string, unknown>) {
  return form([
    { linkId: 'source', type },
    { linkId: 'target', type: 'string', enableWhen: [{ question: 'source', operator, ...answer }] },
  ]);
}

describe('enableWhen operators on every comparable type', () => {
  for (const { type, kind, expected, answers } of ORDERED) {
    const answerKey = `value${kind}`;
    for (const operator of Object.keys(TRUTH) as Operator[]) {
      for (const relation of ['lt', 'eq', 'gt'] as Relation[]) {
        it(`${type}: answer ${relation} expected, "${operator}" is ${TRUTH[operator][relation]}`, () => {
          const model = createSurveyModel(conditional(type, operator, { [`answer${kind}`]: expected }));
          expect(model.problems).toEqual([]);
          expect(model.setAnswer('source', [{ [answerKey]: answers[relation] } as SurveyAnswer])).toBe(true);
          expect(model.isEnabled('target')).toBe(TRUTH[operator][relation]);
        });
      }
      it(`${type}: "${operator}" with no answer follows R4 (only != holds)`, () => {
        const model = createSurveyModel(conditional(type, operator, { [`answer${kind}`]: expected }));
        expect(model.isEnabled('target')).toBe(operator === '!=');
      });
    }
    it(`${type}: exists true / false`, () => {
      const yes = createSurveyModel(conditional(type, 'exists', { answerBoolean: true }));
      const no = createSurveyModel(conditional(type, 'exists', { answerBoolean: false }));
      expect([yes.isEnabled('target'), no.isEnabled('target')]).toEqual([false, true]);
      yes.setAnswer('source', [{ [answerKey]: answers.eq } as SurveyAnswer]);
      no.setAnswer('source', [{ [answerKey]: answers.eq } as SurveyAnswer]);
      expect([yes.isEnabled('target'), no.isEnabled('target')]).toEqual([true, false]);
    });
  }

  it('integer answers compare with a decimal enableWhen answer', () => {
    const model = createSurveyModel(conditional('integer', '>=', { answerDecimal: 2.5 }));
    model.setAnswer('source', [{ valueInteger: 3 }]);
    expect(model.isEnabled('target')).toBe(true);
    model.setAnswer('source', [{ valueInteger: 2 }]);
    expect(model.isEnabled('target')).toBe(false);
  });

  it('dates of different precision are not ordered', () => {
    const model = createSurveyModel(conditional('date', '>', { answerDate: '2024' }));
    model.setAnswer('source', [{ valueDate: '2025-01-01' }]);
    expect(model.isEnabled('target')).toBe(false);
  });

  describe('boolean', () => {
    for (const [answer, op, expected] of [
      [true, '=', true],
      [false, '=', false],
      [true, '!=', false],
      [false, '!=', true],
    ] as const) {
      it(`answer ${answer} "${op}" true is ${expected}`, () => {
        const model = createSurveyModel(conditional('boolean', op, { answerBoolean: true }));
        model.setAnswer('source', [{ valueBoolean: answer }]);
        expect(model.isEnabled('target')).toBe(expected);
      });
    }
    it('ordering operators never hold and are reported', () => {
      for (const op of ['>', '<', '>=', '<=']) {
        const model = createSurveyModel(conditional('boolean', op, { answerBoolean: false }));
        expect(model.problems.map((p) => p.code)).toEqual(['enable-when-operator']);
        model.setAnswer('source', [{ valueBoolean: true }]);
        expect(model.isEnabled('target')).toBe(false);
      }
    });
  });

  describe('coding', () => {
    const choice = (operator: string, answerCoding: { system?: string; code: string }) =>
      form([
        {
          linkId: 'source',
          type: 'choice',
          answerOption: [
            { valueCoding: { system: 'http://s', code: 'a', display: 'A' } },
            { valueCoding: { system: 'http://s', code: 'b', display: 'B' } },
          ],
        },
        { linkId: 'target', type: 'string', enableWhen: [{ question: 'source', operator, answerCoding }] },
      ]);
    it('= matches system and code; a coding without system matches on code', () => {
      for (const expected of [{ system: 'http://s', code: 'a' }, { code: 'a' }]) {
        const model = createSurveyModel(choice('=', expected));
        expect(model.isEnabled('target')).toBe(false);
        model.selectOption('source', '0');
        expect(model.isEnabled('target')).toBe(true);
        model.selectOption('source', '1');
        expect(model.isEnabled('target')).toBe(false);
      }
    });
    it('!= holds until the coding is chosen; another system never matches', () => {
      const model = createSurveyModel(choice('!=', { system: 'http://s', code: 'b' }));
      expect(model.isEnabled('target')).toBe(true);
      model.selectOption('source', '1');
      expect(model.isEnabled('target')).toBe(false);
      const other = createSurveyModel(choice('=', { system: 'http://other', code: 'b' }));
      other.selectOption('source', '1');
      expect(other.isEnabled('target')).toBe(false);
    });
    it('ordering operators on codings are reported and never hold', () => {
      const model = createSurveyModel(choice('>', { code: 'a' }));
      expect(model.problems[0]?.code).toBe('enable-when-operator');
      model.selectOption('source', '1');
      expect(model.isEnabled('target')).toBe(false);
    });
  });

  it('a repeating question meets "=" when any answer matches and "!=" only when none does', () => {
    const q = (operator: string) =>
      form([
        { linkId: 'source', type: 'integer', repeats: true },
        { linkId: 'target', type: 'string', enableWhen: [{ question: 'source', operator, answerInteger: 2 }] },
      ]);
    const eq = createSurveyModel(q('='));
    const ne = createSurveyModel(q('!='));
    for (const m of [eq, ne]) m.setAnswer('source', [{ valueInteger: 1 }, { valueInteger: 2 }]);
    expect([eq.isEnabled('target'), ne.isEnabled('target')]).toEqual([true, false]);
  });
});

describe('enableBehavior, groups and cycles', () => {
  const twoConditions = (enableBehavior: 'all' | 'any') =>
    form([
      { linkId: 'a', type: 'boolean' },
      { linkId: 'b', type: 'integer' },
      {
        linkId: 'target',
        type: 'string',
        enableBehavior,
        enableWhen: [
          { question: 'a', operator: '=', answerBoolean: true },
          { question: 'b', operator: '>', answerInteger: 10 },
        ],
      },
    ]);

  it('all needs every condition, any needs one', () => {
    const all = createSurveyModel(twoConditions('all'));
    const any = createSurveyModel(twoConditions('any'));
    const states: boolean[][] = [];
    for (const m of [all, any]) m.setAnswer('a', [{ valueBoolean: true }]);
    states.push([all.isEnabled('target'), any.isEnabled('target')]);
    for (const m of [all, any]) m.setAnswer('b', [{ valueInteger: 11 }]);
    states.push([all.isEnabled('target'), any.isEnabled('target')]);
    for (const m of [all, any]) m.clearAnswer('a');
    states.push([all.isEnabled('target'), any.isEnabled('target')]);
    expect(states).toEqual([
      [false, true],
      [true, true],
      [false, true],
    ]);
  });

  const nested = form([
    { linkId: 'consent', type: 'boolean' },
    {
      linkId: 'outer',
      type: 'group',
      enableWhen: [{ question: 'consent', operator: '=', answerBoolean: true }],
      item: [
        { linkId: 'smokes', type: 'boolean' },
        {
          linkId: 'inner',
          type: 'group',
          item: [
            {
              linkId: 'packs',
              type: 'integer',
              enableWhen: [{ question: 'smokes', operator: '=', answerBoolean: true }],
            },
            { linkId: 'note', type: 'string' },
          ],
        },
      ],
    },
    { linkId: 'after', type: 'string', enableWhen: [{ question: 'packs', operator: 'exists', answerBoolean: true }] },
  ]);

  it('a disabled group disables all its descendants and what depends on them', () => {
    const model = createSurveyModel(nested);
    const enabled = () => model.items.filter((n) => n.enabled).map((n) => n.linkId);
    expect(enabled()).toEqual(['consent']);
    model.setAnswer('consent', [{ valueBoolean: true }]);
    expect(enabled()).toEqual(['consent', 'outer', 'smokes', 'inner', 'note']);
    model.setAnswer('outer/smokes', [{ valueBoolean: true }]);
    model.setAnswer('outer/smokes/../inner/packs', [{ valueInteger: 1 }]); // unknown key: ignored
    model.setAnswer('outer/inner/packs', [{ valueInteger: 2 }]);
    expect(enabled()).toEqual(['consent', 'outer', 'smokes', 'inner', 'packs', 'note', 'after']);
    model.setAnswer('outer/inner/note', [{ valueString: 'kept' }]);
    // Turning the group off hides the whole subtree, and the item that depended on an answer inside it.
    model.setAnswer('consent', [{ valueBoolean: false }]);
    expect(enabled()).toEqual(['consent']);
    const response = model.toResponse({ authored: '2024-05-01T10:00:00Z' });
    expect(response.item?.map((i) => i.linkId)).toEqual(['consent']);
    expect(checkQuestionnaireResponse(response, nested)).toEqual({ valid: true, issues: [] });
    // The answers are kept in the model and come back when the group is enabled again.
    model.setAnswer('consent', [{ valueBoolean: true }]);
    expect(model.getItem('outer/inner/note')?.answers).toEqual([{ valueString: 'kept' }]);
    expect(model.isEnabled('after')).toBe(true);
  });

  it('reports enabled-state changes to subscribers, only for items that changed', () => {
    const model = createSurveyModel(nested);
    const changes: SurveyChange[] = [];
    const stop = model.subscribe((c) => changes.push(c));
    model.setAnswer('consent', [{ valueBoolean: true }]);
    model.setAnswer('outer/inner/note', [{ valueString: 'x' }]);
    stop();
    model.setAnswer('consent', [{ valueBoolean: false }]);
    expect(changes).toEqual([
      { kind: 'answer', key: 'consent', enabledChanged: ['outer', 'outer/smokes', 'outer/inner', 'outer/inner/note'] },
      { kind: 'answer', key: 'outer/inner/note', enabledChanged: [] },
    ]);
  });

  it('a cycle (A enabled by B, B by A) terminates, is reported and leaves both disabled', () => {
    const cyclic = form([
      { linkId: 'start', type: 'boolean' },
      { linkId: 'A', type: 'string', enableWhen: [{ question: 'B', operator: 'exists', answerBoolean: true }] },
      { linkId: 'B', type: 'string', enableWhen: [{ question: 'A', operator: 'exists', answerBoolean: true }] },
      { linkId: 'self', type: 'string', enableWhen: [{ question: 'self', operator: '!=', answerString: 'x' }] },
    ]);
    const model = createSurveyModel(cyclic);
    expect(model.problems.filter((p) => p.code === 'enable-when-cycle')).toHaveLength(2);
    expect(model.problems.find((p) => p.code === 'enable-when-cycle')?.message).toContain('"A", "B"');
    expect([model.isEnabled('A'), model.isEnabled('B'), model.isEnabled('self')]).toEqual([false, false, false]);
    expect(model.setAnswer('A', [{ valueString: 'a' }])).toBe(true);
    expect(model.setAnswer('B', [{ valueString: 'b' }])).toBe(true);
    expect(model.isEnabled('start')).toBe(true);
    expect([model.isEnabled('A'), model.isEnabled('B')]).toEqual([false, false]);
  });

  it('a group conditioned on its own child terminates', () => {
    const model = createSurveyModel(
      form([
        {
          linkId: 'g',
          type: 'group',
          enableWhen: [{ question: 'inside', operator: 'exists', answerBoolean: true }],
          item: [{ linkId: 'inside', type: 'string' }],
        },
        { linkId: 'other', type: 'string' },
      ]),
    );
    expect(model.problems.map((p) => p.code)).toEqual(['enable-when-cycle']);
    expect(model.isEnabled('g')).toBe(false);
    expect(model.isEnabled('other')).toBe(true);
  });
});

describe('enableWhen inside repeating groups', () => {
  const household = form([
    {
      linkId: 'member',
      type: 'group',
      repeats: true,
      item: [
        { linkId: 'allergic', type: 'boolean' },
        {
          linkId: 'allergy',
          type: 'string',
          enableWhen: [{ question: 'allergic', operator: '=', answerBoolean: true }],
        },
      ],
    },
    { linkId: 'summary', type: 'text', enableWhen: [{ question: 'allergic', operator: '=', answerBoolean: true }] },
  ]);

  it('resolves a sibling question within the same instance, and any instance from outside', () => {
    const model = createSurveyModel(household);
    const second = model.addRepeat('member')!;
    expect(second).toBe('member#2');
    model.setAnswer('member#2/allergic', [{ valueBoolean: true }]);
    model.setAnswer('member#1/allergic', [{ valueBoolean: false }]);
    expect(model.isEnabled('member#1/allergy')).toBe(false);
    expect(model.isEnabled('member#2/allergy')).toBe(true);
    expect(model.isEnabled('summary')).toBe(true);
    model.removeRepeat('member#2');
    expect(model.isEnabled('summary')).toBe(false);
    expect(model.getItem('member#2/allergy')).toBeUndefined();
  });
});
