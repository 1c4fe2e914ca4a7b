import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildCsatQuestionnaire,
  buildLikertQuestionnaire,
  buildNpsQuestionnaire,
  createSurveyModel,
  type Questionnaire,
  type QuestionnaireItem,
  type SurveyChange,
  type SurveyModel,
  SURVEY_EXTENSION_URLS as URLS,
} from '@frontdesk/core';
import { CSAT, PHQ_9, POST_VISIT_NPS } from '@frontdesk/core/memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculated, control, form, slider } from '../../../test/support/questionnaires.js';
import { simpleSurveyModel } from './simple-model.js';

// The small model of simple forms against the survey engine: for every form it takes, the same node views, and after
// every answer the same change, validation, score, QuestionnaireResponse and draft (docs/design.md section 8: the
// NPS page loads only the small model; a form it does not take loads the engine).

const ordinal = (n: number) => ({ url: URLS.ordinalValue, valueDecimal: n });

/** A question shown only when `condition` holds. */
const shownWhen = (
  linkId: string,
  type: QuestionnaireItem['type'],
  text: string,
  condition: NonNullable<QuestionnaireItem['enableWhen']>[number],
): QuestionnaireItem => ({ linkId, type, text, enableWhen: [condition] });

/** A question shown when `any` or `all` of `conditions` hold. */
const shownWhenSome = (
  linkId: string,
  type: QuestionnaireItem['type'],
  text: string,
  enableBehavior: 'any' | 'all',
  conditions: NonNullable<QuestionnaireItem['enableWhen']>,
  more: Partial<QuestionnaireItem> = {},
): QuestionnaireItem => ({ linkId, type, text, ...more, enableBehavior, enableWhen: conditions });

/** Forms of every shape the small model takes. */
const SIMPLE: Record<string, Questionnaire> = {
  nps: buildNpsQuestionnaire(),
  'nps with a comment, as a slider': buildNpsQuestionnaire({ control: 'slider', comment: true, url: 'urn:nps' }),
  'nps, optional': buildNpsQuestionnaire({ required: false, lowLabel: 'Never', highLabel: 'Always' }),
  csat: buildCsatQuestionnaire({ comment: { required: true, maxLength: 20 } }),
  likert: buildLikertQuestionnaire({
    statements: ['Friendly', { text: 'On time', linkId: 'time/ok#1' }],
    comment: true,
  }),
  'likert with instructions': buildLikertQuestionnaire({ statements: ['Clean'], instructions: 'Rate these' }),
  'demo NPS (integer slider, enableWhen <= 6)': POST_VISIT_NPS,
  'demo CSAT': CSAT,
  'every condition': form(
    [
      {
        linkId: 'age',
        type: 'integer',
        text: 'Age',
        extension: [
          { url: URLS.minValue, valueInteger: 0 },
          { url: URLS.maxValue, valueInteger: 120 },
        ],
      },
      { linkId: 'name', type: 'string', text: 'Name', maxLength: 5, prefix: '1.' },
      {
        linkId: 'colour',
        type: 'choice',
        text: 'Colour',
        required: true,
        extension: [control('radio-button'), { url: URLS.choiceOrientation, valueCode: 'vertical' }],
        answerOption: [
          { valueCoding: { system: 'urn:c', code: 'r', display: 'Red', extension: [ordinal(1)] } },
          { valueCoding: { code: 'g', display: 'Green' }, extension: [{ url: URLS.itemWeight, valueInteger: 4 }] },
          { valueCoding: { display: 'Blue' } },
        ],
      },
      { linkId: 'pick', type: 'choice', text: 'Pick', answerOption: [{ valueString: 'A' }, { valueInteger: 2 }] },
      shownWhen('adult', 'display', 'Adults only', { question: 'age', operator: '>=', answerInteger: 18 }),
      shownWhen('young', 'text', 'Young', { question: 'age', operator: '<', answerInteger: 18 }),
      shownWhen('over', 'string', 'Over', { question: 'age', operator: '>', answerInteger: 65 }),
      shownWhen('upto', 'string', 'Up to', { question: 'age', operator: '<=', answerInteger: 3 }),
      shownWhen('named', 'string', 'Named', { question: 'name', operator: 'exists', answerBoolean: true }),
      shownWhen('unnamed', 'string', 'Unnamed', { question: 'name', operator: 'exists', answerBoolean: false }),
      shownWhen('bob', 'string', 'Bob', { question: 'name', operator: '=', answerString: 'Bob' }),
      shownWhen('after-b', 'string', 'After B', { question: 'name', operator: '>', answerString: 'B' }),
      shownWhen('red', 'string', 'Red', { question: 'colour', operator: '=', answerCoding: { code: 'r' } }),
      shownWhen('not-red', 'string', 'Not red', {
        question: 'colour',
        operator: '!=',
        answerCoding: { system: 'urn:c', code: 'r' },
      }),
      shownWhen('two', 'string', 'Two', { question: 'pick', operator: '=', answerInteger: 2 }),
      shownWhenSome(
        'either',
        'integer',
        'Either',
        'any',
        [
          { question: 'pick', operator: '=', answerString: 'A' },
          { question: 'later', operator: '=', answerInteger: 1 },
        ],
        { required: true, readOnly: true },
      ),
      shownWhenSome('both', 'string', '', 'all', [
        { question: 'pick', operator: '!=', answerString: 'A' },
        { question: 'age', operator: '>', answerInteger: 1 },
      ]),
      {
        linkId: 'group',
        type: 'group',
        text: 'A group',
        item: [
          {
            linkId: 'later',
            type: 'integer',
            text: 'Later',
            extension: [{ url: URLS.sliderStepValue, valueInteger: 2 }],
          },
          { linkId: 'note', type: 'display', text: 'Note' },
          shownWhen('inner', 'text', 'Inner', { question: 'age', operator: '=', answerInteger: 7 }),
        ],
      },
    ],
    { title: 'Every condition', url: 'https://x.example/Questionnaire/every', version: '2' },
  ),
  'no id, no url': { resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'a', type: 'string' }] },
};

const AUTHORED = '2026-03-02T14:00:00Z';

/** Everything the form and the host can observe of a model. */
function observe(model: SurveyModel) {
  return {
    title: model.title,
    problems: model.problems,
    renderable: model.renderable,
    items: model.items.map((node) => ({ ...node })),
    pages: model.pages.map((page) => ({ ...page, items: page.items.map((n) => n.key) })),
    validation: model.validate(),
    page0: model.validate(0),
    page1: model.validate(1),
    byItem: Object.fromEntries(model.items.map((n) => [n.key, model.validateItem(n.key)])),
    score: model.score(),
    completed: model.validate().valid ? model.toResponse({ authored: AUTHORED, id: 'r1' }) : undefined,
    inProgress: model.toResponse({ status: 'in-progress', authored: new Date(AUTHORED) }),
    canonicalOverride: model.toResponse({ questionnaire: 'urn:other', authored: AUTHORED }).questionnaire,
    draft: model.serializeAnswers(),
    blockers: model.completionBlockers(),
  };
}

/** A change as the form reads it: which item, and which items flipped (in any order). */
const changeOf = (change: SurveyChange | undefined) =>
  change && { ...change, enabledChanged: [...change.enabledChanged].sort() };

function pair(form: unknown, options: { questionnaire?: string } = {}) {
  const simple = simpleSurveyModel(form, options);
  const engine = createSurveyModel(form, options);
  if (!simple) throw new Error('the small model did not take the form');
  const changes = { simple: [] as SurveyChange[], engine: [] as SurveyChange[] };
  simple.subscribe((c) => changes.simple.push(c));
  engine.subscribe((c) => changes.engine.push(c));
  return { simple, engine, changes };
}

type Step =
  | { op: 'text'; item: number; text: string }
  | { op: 'select'; item: number; option: number; selected: boolean }
  | { op: 'set'; item: number; option: number }
  | { op: 'clear'; item: number }
  | { op: 'restore'; draft: 'own' | 'other' | 'mangled' | 'foreign' };

const TEXTS = [
  '',
  '  ',
  '7',
  ' 7 ',
  '-3',
  '+12',
  '1.5',
  'abc',
  '99999999999',
  '2147483648',
  '0',
  '10',
  '18',
  '65',
  '121',
];
const WORDS = ['Bob', 'Ada', 'Green', 'g', 'R', 'Very satisfied', '4', 'A', 'way too long text', 'é'.repeat(6)];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('text' as const), item: fc.nat(30), text: fc.constantFrom(...TEXTS, ...WORDS) }),
  fc.record({ op: fc.constant('select' as const), item: fc.nat(30), option: fc.nat(12), selected: fc.boolean() }),
  fc.record({ op: fc.constant('set' as const), item: fc.nat(30), option: fc.nat(12) }),
  fc.record({ op: fc.constant('clear' as const), item: fc.nat(30) }),
  fc.record({
    op: fc.constant('restore' as const),
    draft: fc.constantFrom('own' as const, 'other' as const, 'mangled' as const, 'foreign' as const),
  }),
);

function apply(model: SurveyModel, s: Step, saved: unknown): unknown {
  const node = 'item' in s ? model.items[s.item % model.items.length]! : undefined;
  switch (s.op) {
    case 'text':
      return model.setAnswerText(node!.key, s.text);
    case 'select':
      return model.selectOption(node!.key, String(s.option), s.selected);
    case 'set': {
      const option = node!.options[s.option % Math.max(1, node!.options.length)];
      return model.setAnswer(node!.key, option ? [option.value] : [{ valueInteger: s.option }]);
    }
    case 'clear':
      return model.clearAnswer(node!.key);
    case 'restore': {
      const draft =
        s.draft === 'own'
          ? saved
          : s.draft === 'other'
            ? { ...(saved as object), questionnaire: 'urn:another-form' }
            : s.draft === 'mangled'
              ? { format: 'frontdesk-survey-draft', version: 1, answers: { [node?.key ?? 'x']: 'nope', y: [{}, 3] } }
              : { format: 'something-else' };
      return model.restoreAnswers(draft);
    }
  }
}

describe('the small model of simple forms', () => {
  for (const [name, form] of Object.entries(SIMPLE)) {
    it(`matches the survey engine on "${name}", answer by answer`, () => {
      expect(createSurveyModel(form).problems).toEqual([]);
      const first = pair(form, { questionnaire: 'urn:given' });
      expect(observe(first.simple)).toEqual(observe(first.engine));
      fc.assert(
        fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
          const { simple, engine, changes } = pair(form, { questionnaire: 'urn:given' });
          let saved: unknown = engine.serializeAnswers();
          for (const s of steps) {
            expect(apply(simple, s, saved)).toEqual(apply(engine, s, saved));
            expect(changeOf(changes.simple.at(-1))).toEqual(changeOf(changes.engine.at(-1)));
            expect(observe(simple)).toEqual(observe(engine));
            saved = engine.serializeAnswers();
          }
          // A draft of one restores in the other.
          const back = pair(form, { questionnaire: 'urn:given' });
          expect(back.simple.restoreAnswers(simple.serializeAnswers())).toEqual(
            back.engine.restoreAnswers(engine.serializeAnswers()),
          );
          expect(observe(back.simple)).toEqual(observe(back.engine));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('takes a Questionnaire as JSON text too', () => {
    const text = JSON.stringify(POST_VISIT_NPS);
    expect(observe(simpleSurveyModel(text)!)).toEqual(observe(createSurveyModel(text)));
  });
});

/** Each is a simple form with one thing the small model leaves to the engine. */
const OUTSIDE: Record<string, Questionnaire | unknown> = {
  'JSON that does not parse': '{"resourceType": "Questionnaire",',
  'not a Questionnaire': { resourceType: 'Patient' },
  'no status': { resourceType: 'Questionnaire', item: [{ linkId: 'a', type: 'string' }] },
  'a bad id': form([{ linkId: 'a', type: 'string' }], { id: 'has space' }),
  'no items': form([]),
  'a boolean': form([{ linkId: 'a', type: 'boolean' }]),
  'a date': form([{ linkId: 'a', type: 'date' }]),
  'a decimal': form([{ linkId: 'a', type: 'decimal' }]),
  'an open choice': form([{ linkId: 'a', type: 'open-choice', answerOption: [{ valueString: 'x' }] }]),
  'a repeating question': form([{ linkId: 'a', type: 'choice', repeats: true, answerOption: [{ valueString: 'x' }] }]),
  'a repeating group': form([{ linkId: 'g', type: 'group', repeats: true, item: [{ linkId: 'a', type: 'string' }] }]),
  'a nested group': form([
    { linkId: 'g', type: 'group', item: [{ linkId: 'h', type: 'group', item: [{ linkId: 'a', type: 'string' }] }] },
  ]),
  'a page': form([
    { linkId: 'g', type: 'group', extension: [control('page')], item: [{ linkId: 'a', type: 'string' }] },
  ]),
  'a drop-down': form([
    { linkId: 'a', type: 'choice', extension: [control('drop-down')], answerOption: [{ valueString: 'x' }] },
  ]),
  'thirteen options': form([
    { linkId: 'a', type: 'choice', answerOption: Array.from({ length: 13 }, (_, i) => ({ valueInteger: i })) },
  ]),
  'a wide slider': form([
    {
      linkId: 'a',
      type: 'integer',
      extension: slider(0, 100),
    },
  ]),
  'a slider without bounds': form([{ linkId: 'a', type: 'integer', extension: [control('slider')] }]),
  'a duplicate linkId': form([
    { linkId: 'a', type: 'string' },
    { linkId: 'a', type: 'text' },
  ]),
  'an initial value': form([{ linkId: 'a', type: 'string', initial: [{ valueString: 'x' }] }]),
  'an initially selected option': form([
    { linkId: 'a', type: 'choice', answerOption: [{ valueString: 'x', initialSelected: true }] },
  ]),
  'a date option': form([{ linkId: 'a', type: 'choice', answerOption: [{ valueDate: '2024-01-01' }] }]),
  'an answerValueSet': form([{ linkId: 'a', type: 'choice', answerValueSet: 'http://loinc.org/vs/LL358-3' }]),
  'markdown text': form([
    {
      linkId: 'a',
      type: 'string',
      text: 'x',
      _text: { extension: [{ url: URLS.renderingMarkdown, valueMarkdown: '**x**' }] },
    } as QuestionnaireItem,
  ]),
  'an option prefix': form([
    {
      linkId: 'a',
      type: 'choice',
      answerOption: [{ valueString: 'x', extension: [{ url: URLS.optionPrefix, valueString: 'a)' }] }],
    },
  ]),
  'a calculated item': form([
    {
      linkId: 'a',
      type: 'integer',
      extension: [calculated('1')],
    },
  ]),
  'a variable on the form': form([{ linkId: 'a', type: 'string' }], {
    extension: [{ url: URLS.variable, valueExpression: { name: 'v', language: 'text/fhirpath', expression: '1' } }],
  }),
  'a hidden item': form([{ linkId: 'a', type: 'string', extension: [{ url: URLS.hidden, valueBoolean: true }] }]),
  'help text': form([
    {
      linkId: 'a',
      type: 'string',
      item: [{ linkId: 'h', type: 'display', text: 'Help', extension: [control('help')] }],
    },
  ]),
  'a regex': form([{ linkId: 'a', type: 'string', extension: [{ url: URLS.regex, valueString: '\\d+' }] }]),
  'an enableWhen on an unknown item': form([
    { linkId: 'a', type: 'string', enableWhen: [{ question: 'zzz', operator: 'exists', answerBoolean: true }] },
  ]),
  'an enableWhen chain': form([
    { linkId: 'a', type: 'string' },
    { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
    { linkId: 'c', type: 'string', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
  ]),
  'an enableWhen on itself': form([
    { linkId: 'a', type: 'string', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
  ]),
  'a mismatched enableWhen': form([
    { linkId: 'a', type: 'integer' },
    { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: '!=', answerString: 'x' }] },
  ]),
  'an ordered coding': form([
    { linkId: 'a', type: 'choice', answerOption: [{ valueCoding: { code: 'x' } }] },
    { linkId: 'b', type: 'string', enableWhen: [{ question: 'a', operator: '>', answerCoding: { code: 'x' } }] },
  ]),
  'a group with an enableWhen': form([
    { linkId: 'a', type: 'string' },
    {
      linkId: 'g',
      type: 'group',
      enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }],
      item: [{ linkId: 'b', type: 'string' }],
    },
  ]),
  'an unknown extension': form([{ linkId: 'a', type: 'string', extension: [{ url: 'urn:x', valueString: 'y' }] }]),
  'an entry format': form([
    { linkId: 'a', type: 'string', extension: [{ url: URLS.entryFormat, valueString: 'nnn' }] },
  ]),
  'a title with markup': form([{ linkId: 'a', type: 'string' }], {
    _title: { extension: [] },
  } as Partial<Questionnaire>),
};

describe('what the small model leaves to the engine', () => {
  for (const [name, form] of Object.entries(OUTSIDE)) {
    it(`leaves ${name} to the engine`, () => {
      expect(simpleSurveyModel(form)).toBeUndefined();
    });
  }

  it('takes no public form the engine reports a problem in, and takes the simple ones', () => {
    const dir = resolve(import.meta.dirname, '../../../test/fixtures/questionnaires');
    const taken: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('Response'))) {
      const form = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      if (!simpleSurveyModel(form)) continue;
      taken.push(file);
      expect(createSurveyModel(form).problems, file).toEqual([]);
    }
    expect(simpleSurveyModel(PHQ_9)).toBeUndefined();
    expect(taken).toEqual([]);
  });
});

/** Every path to a value inside a JSON document. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) {
    return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  }
  return [at];
}

const ODD_VALUES = [undefined, null, '', ' ', 'x', 0, -1, 1.5, 11, 2 ** 31, true, false, [], {}, [{}], 'a'.repeat(300)];
const KEYS = [
  'status',
  'type',
  'text',
  'linkId',
  'required',
  'repeats',
  'readOnly',
  'maxLength',
  'initial',
  'answerValueSet',
  'enableBehavior',
  'extension',
  'item',
  'valueInteger',
  'valueString',
  'valueCoding',
  'answerInteger',
  'operator',
  'question',
  'code',
  'display',
  'system',
  'url',
  'valueCode',
  'valueDecimal',
  '_text',
  'prefix',
];

const mutation = fc.record({
  where: fc.nat(10_000),
  value: fc.constantFrom(...ODD_VALUES),
  key: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
});

type Mutation = { where: number; value: unknown; key: string | undefined };

/** Sets (or deletes) the value at one path of the form, or a key inside the object there. */
function mutate(form: Record<string, unknown>, { where, value: shared, key }: Mutation): void {
  const value = structuredClone(shared);
  const all = paths(form).filter((p) => p.length > 0);
  const path = all[where % all.length]!;
  let owner: Record<string | number, unknown> = form;
  for (const part of path.slice(0, -1)) owner = owner[part] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (key !== undefined && typeof owner[last] === 'object' && owner[last] !== null) {
    (owner[last] as Record<string, unknown>)[key] = value;
  } else if (value === undefined && !Array.isArray(owner)) delete owner[last];
  else owner[last] = value;
}

describe('a simple form with a few things changed', () => {
  it('is either left to the engine, or taken and answered exactly as the engine does', () => {
    const forms = Object.values(SIMPLE);
    fc.assert(
      fc.property(
        fc.nat(forms.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(step, { maxLength: 8 }),
        (which, mutations, steps) => {
          const form = structuredClone(forms[which]!) as unknown as Record<string, unknown>;
          for (const m of mutations) mutate(form, m);
          if (!simpleSurveyModel(form)) return;
          const { simple, engine } = pair(form);
          expect(engine.problems).toEqual([]);
          expect(observe(simple)).toEqual(observe(engine));
          let saved: unknown = engine.serializeAnswers();
          for (const s of steps) {
            expect(apply(simple, s, saved)).toEqual(apply(engine, s, saved));
            expect(observe(simple)).toEqual(observe(engine));
            saved = engine.serializeAnswers();
          }
        },
      ),
      { numRuns: 4000 },
    );
  });
});
