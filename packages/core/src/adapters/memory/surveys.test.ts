import { describe, expect, it } from 'vitest';
import { failure } from '../../../../../test/support/errors.js';
import {
  Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireResponse,
  SurveyReceipt,
  SurveySummary,
} from '../../schemas/index.js';
import { createMemoryAdapter } from './index.js';
import { CSAT, PHQ_9, POST_VISIT_NPS } from './surveys.js';

const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** Item types a FHIR R4 instance may use (`question` is abstract). */
const R4_TYPES = new Set(
  'group display boolean decimal integer date dateTime time string text url choice open-choice attachment reference quantity'.split(
    ' ',
  ),
);
const SIMPLE_TYPES = new Set(['boolean', 'decimal', 'integer', 'string', 'text', 'url', 'open-choice']);

type Extension = { url: string; [key: string]: unknown };

function flatten(items: readonly QuestionnaireItem[] | undefined): QuestionnaireItem[] {
  return (items ?? []).flatMap((item) => [item, ...flatten(item.item)]);
}

function itemControlOf(item: QuestionnaireItem): string | undefined {
  const extension = (item.extension as Extension[] | undefined)?.find((e) => e.url === ITEM_CONTROL) as
    | { valueCodeableConcept?: { coding?: Array<{ code?: string }> } }
    | undefined;
  return extension?.valueCodeableConcept?.coding?.[0]?.code;
}

const valueKeys = (value: Record<string, unknown>) => Object.keys(value).filter((key) => key.startsWith('value'));
const answerKeys = (value: Record<string, unknown>) => Object.keys(value).filter((key) => key.startsWith('answer'));

/** The FHIR R4 Questionnaire invariants (que-1 to que-12) and reference checks, as problems found. */
function r4Problems(questionnaire: Questionnaire): string[] {
  const problems: string[] = [];
  const items = flatten(questionnaire.item);
  const byLinkId = new Map(items.map((item) => [item.linkId, item]));
  if (byLinkId.size !== items.length) problems.push('linkIds are not unique');
  for (const item of items) {
    const at = item.linkId;
    if (!R4_TYPES.has(item.type)) problems.push(`${at}: type ${item.type}`);
    if (item.type === 'group' && !(item.item ?? []).length) problems.push(`${at}: empty group (que-1)`);
    if (item.type === 'display' && (item.required !== undefined || item.repeats !== undefined))
      problems.push(`${at}: que-6`);
    if (item.type === 'display' && item.readOnly !== undefined) problems.push(`${at}: que-9`);
    if (item.answerOption && !['choice', 'open-choice'].includes(item.type)) problems.push(`${at}: que-5`);
    if (item.answerOption && item.answerValueSet) problems.push(`${at}: que-4`);
    if (item.maxLength !== undefined && !SIMPLE_TYPES.has(item.type)) problems.push(`${at}: que-10`);
    if ((item.enableWhen?.length ?? 0) > 1 && !item.enableBehavior) problems.push(`${at}: que-12`);
    for (const option of item.answerOption ?? []) {
      if (valueKeys(option).length !== 1) problems.push(`${at}: answerOption needs one value[x]`);
      const coding = option.valueCoding as { system?: string; code?: string; display?: string } | undefined;
      if (coding && !(coding.system?.includes(':') && coding.code && coding.display)) problems.push(`${at}: coding`);
    }
    for (const extension of [
      ...((item.extension as Extension[]) ?? []),
      ...((questionnaire.extension as Extension[]) ?? []),
    ]) {
      if (!/^https?:\/\//.test(extension.url) || valueKeys(extension).length !== 1) problems.push(`${at}: extension`);
    }
    for (const condition of item.enableWhen ?? []) {
      const target = byLinkId.get(condition.question);
      const answers = answerKeys(condition);
      if (!target) problems.push(`${at}: enableWhen points nowhere`);
      if (answers.length !== 1) problems.push(`${at}: enableWhen needs one answer[x] (que-7)`);
      if (condition.operator === 'exists' && answers[0] !== 'answerBoolean') problems.push(`${at}: que-7`);
      if (target?.type === 'integer' && answers[0] !== 'answerInteger') problems.push(`${at}: answer type`);
      if (target?.type === 'choice') {
        const wanted = JSON.stringify(condition.answerCoding);
        if (!target.answerOption?.some((o) => JSON.stringify(o.valueCoding) === wanted))
          problems.push(`${at}: answer option`);
      }
    }
  }
  return problems;
}

/** Evaluates `=` and `<=` enableWhen conditions, enough to exercise the demo surveys' logic. */
function enabled(item: QuestionnaireItem, answers: Record<string, unknown>): boolean {
  const results = (item.enableWhen ?? []).map((condition) => {
    const answer = answers[condition.question];
    if (answer === undefined) return false;
    if (condition.operator === '<=') return (answer as number) <= (condition.answerInteger as number);
    if (condition.operator === '=')
      return (answer as { code: string }).code === (condition.answerCoding as { code: string }).code;
    throw new Error(`operator ${condition.operator} not covered by this test`);
  });
  if (results.length === 0) return true;
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

describe('demo surveys', () => {
  const adapter = createMemoryAdapter({ now: '2026-03-01T12:00:00Z' });

  it('lists three surveys whose Questionnaires are active, schema-valid and valid FHIR R4', async () => {
    const summaries = (await adapter.listSurveys()).items;
    expect(summaries.map((s) => [s.id, s.kind])).toEqual([
      ['post-visit-nps', 'nps'],
      ['csat', 'csat'],
      ['phq-9', 'form'],
    ]);
    for (const summary of summaries) {
      expect(SurveySummary.safeParse(summary).success).toBe(true);
      const questionnaire = await adapter.getSurvey(summary.id);
      expect(Questionnaire.safeParse(questionnaire).success).toBe(true);
      expect(questionnaire).toMatchObject({
        resourceType: 'Questionnaire',
        id: summary.id,
        status: 'active',
        title: summary.title,
      });
      expect(questionnaire.url).toMatch(/^https:\/\//);
      expect(r4Problems(questionnaire)).toEqual([]);
    }
    await expect(adapter.getSurvey('sf-36')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('asks NPS on a 0 to 10 slider with end labels, and asks what went wrong only for scores up to 6', () => {
    const [score, followUp, comment] = POST_VISIT_NPS.item ?? [];
    expect(score).toMatchObject({ type: 'integer', required: true });
    expect(score && itemControlOf(score)).toBe('slider');
    const bounds = Object.fromEntries(
      ((score?.extension ?? []) as Extension[]).map((e) => [e.url.split('/').pop(), e.valueInteger]),
    );
    expect(bounds).toMatchObject({ minValue: 0, maxValue: 10 });
    expect(score?.item?.map((label) => [label.type, itemControlOf(label)])).toEqual([
      ['display', 'lower'],
      ['display', 'upper'],
    ]);
    if (!followUp) throw new Error('missing follow-up');
    expect(enabled(followUp, { 'likelihood-to-recommend': 6 })).toBe(true);
    expect(enabled(followUp, { 'likelihood-to-recommend': 7 })).toBe(false);
    expect(enabled(followUp, {})).toBe(false);
    expect(comment).toMatchObject({ type: 'text' });
    expect(comment?.enableWhen).toBeUndefined();
  });

  it('asks CSAT with five coded answers and an optional comment', () => {
    const [satisfaction, comment] = CSAT.item ?? [];
    expect(satisfaction).toMatchObject({ type: 'choice', required: true });
    expect(satisfaction?.answerOption?.map((o) => (o.valueCoding as { display: string }).display)).toEqual([
      'Very dissatisfied',
      'Dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Satisfied',
      'Very satisfied',
    ]);
    expect(comment).toMatchObject({ type: 'text' });
    expect(comment?.required).not.toBe(true);
  });

  it('pages PHQ-9 into groups, scores each answer 0 to 3 and asks about difficulty only if a problem was reported', () => {
    const pages = PHQ_9.item ?? [];
    expect(pages.every((page) => page.type === 'group' && itemControlOf(page) === 'page')).toBe(true);
    const items = flatten(pages);
    const questions = items.filter((item) => /^phq-9-\d$/.test(item.linkId));
    expect(questions).toHaveLength(9);
    for (const question of questions) {
      expect(question).toMatchObject({ type: 'choice', required: true });
      const scores = question.answerOption?.map(
        (o) => (o.extension as Extension[]).find((e) => e.url === ORDINAL_VALUE)?.valueDecimal,
      );
      expect(scores).toEqual([0, 1, 2, 3]);
    }
    const total = items.find((item) => item.linkId === 'phq-9-total');
    expect(total?.type).toBe('display');

    const difficulty = items.find((item) => item.linkId === 'phq-9-difficulty');
    if (!difficulty) throw new Error('missing difficulty question');
    expect(difficulty.required).toBe(false);
    const codes = questions[0]?.answerOption?.map((o) => o.valueCoding) ?? [];
    const all = (index: number) => Object.fromEntries(questions.map((q) => [q.linkId, codes[index]]));
    expect(enabled(difficulty, all(0))).toBe(false);
    expect(enabled(difficulty, {})).toBe(false);
    expect(enabled(difficulty, { ...all(0), 'phq-9-7': codes[1] })).toBe(true);
    expect(enabled(difficulty, all(3))).toBe(true);
  });

  describe('submitSurvey', () => {
    const npsResponse = (score: number, note = 'The wait was long'): QuestionnaireResponse => ({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://demo.frontdesk.example/fhir/Questionnaire/post-visit-nps',
      status: 'completed',
      authored: '2026-03-02T10:15:00-06:00',
      item: [
        { linkId: 'likelihood-to-recommend', answer: [{ valueInteger: score }] },
        { linkId: 'what-could-be-better', answer: [{ valueString: note }] },
      ],
    });

    it('stores a response once and acknowledges a retry with the same key as a duplicate', async () => {
      const clinic = createMemoryAdapter({ now: '2026-03-01T12:00:00Z' });
      const receipt = await clinic.submitSurvey(npsResponse(4), { idempotencyKey: 'survey-key-0001' });
      expect(SurveyReceipt.safeParse(receipt).success).toBe(true);
      expect(receipt.status).toBe('received');
      const again = await clinic.submitSurvey(npsResponse(4), { idempotencyKey: 'survey-key-0001' });
      expect(again).toEqual({ id: receipt.id, status: 'duplicate' });
      expect(clinic.responses()).toHaveLength(1);
      expect(clinic.responses()[0]).toMatchObject({ id: receipt.id, item: npsResponse(4).item });

      const second = await clinic.submitSurvey(npsResponse(9), { idempotencyKey: 'survey-key-0002' });
      expect(second.id).not.toBe(receipt.id);
      expect(clinic.responses()).toHaveLength(2);
    });

    it('accepts the questionnaire by canonical URL with version, by reference or by id', async () => {
      const clinic = createMemoryAdapter({ now: '2026-03-01T12:00:00Z' });
      const phq9 = (questionnaire: string): QuestionnaireResponse => ({
        resourceType: 'QuestionnaireResponse',
        questionnaire,
        status: 'completed',
        item: [
          { linkId: 'phq-9-questions', item: [{ linkId: 'phq-9-1', answer: [{ valueCoding: { code: 'LA6569-3' } }] }] },
        ],
      });
      for (const [index, reference] of [
        'https://demo.frontdesk.example/fhir/Questionnaire/phq-9|1.0.0',
        'Questionnaire/phq-9',
        'phq-9',
      ].entries()) {
        const receipt = await clinic.submitSurvey(phq9(reference), { idempotencyKey: `phq-key-${index}` });
        expect(receipt.status).toBe('received');
      }
    });

    it('rejects what is not a response to a known survey, naming the field and never an answer', async () => {
      const clinic = createMemoryAdapter({ now: '2026-03-01T12:00:00Z' });
      const cases: Array<[unknown, string]> = [
        [{ ...npsResponse(3), resourceType: 'Patient' }, 'response.resourceType'],
        [{ ...npsResponse(3), questionnaire: 'Questionnaire/unknown' }, 'response.questionnaire'],
        [{ ...npsResponse(3), status: 'done' }, 'response.status'],
        [
          { ...npsResponse(3), item: [{ linkId: 'made-up', answer: [{ valueString: 'secret note' }] }] },
          'response.item[0].linkId',
        ],
        [
          {
            ...npsResponse(3),
            item: [{ linkId: 'comment', answer: [{ valueString: 'secret note', valueInteger: 1 }] }],
          },
          'response.item[0].answer[0]',
        ],
        ['not a response', 'response'],
      ];
      for (const [index, [response, field]] of cases.entries()) {
        const error = await failure(
          clinic.submitSurvey(response as QuestionnaireResponse, { idempotencyKey: `bad-${index}` }),
        );
        expect(error).toMatchObject({ kind: 'invalid-input', field });
        expect(error.message).not.toContain('secret note');
      }
      const noKey = await failure(clinic.submitSurvey(npsResponse(3), {} as { idempotencyKey: string }));
      expect(noKey).toMatchObject({ kind: 'invalid-input', field: 'idempotencyKey' });
      expect(clinic.responses()).toEqual([]);
    });
  });
});
