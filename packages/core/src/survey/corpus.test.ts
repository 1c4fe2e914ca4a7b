import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../../test/fhir-server/definitions.mjs';
import type { Questionnaire } from '../schemas/questionnaire.js';
import { surveyAttachmentAnswer } from './answers.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { inSubset } from './fhirpath/index.js';
import { loadQuestionnaire } from './load.js';
import { createSurveyModel } from './model.js';
import type { SurveyModel, SurveyNode } from './types.js';

/**
 * The engine against real, public Questionnaires (test/fixtures/questionnaires, see SOURCES.md): every form loads,
 * answers round-trip through a QuestionnaireResponse that Medplum's R4 validator accepts, totals come out as the
 * publisher and the reference FHIRPath engine (the one LHC-Forms computes with) say, and the small evaluator agrees
 * with the reference on every expression of the corpus it handles.
 */

const DIR = resolve(import.meta.dirname, '../../../../test/fixtures/questionnaires');
const files = readdirSync(DIR).filter((name) => name.endsWith('.json') && !name.includes('QuestionnaireResponse'));
const read = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Record<string, unknown>;

/** A plausible answer for every answerable, enabled item: the first option, or a value of the item's type. */
function answerEverything(model: SurveyModel): void {
  for (let round = 0; round < 3; round++) {
    for (const node of model.items) {
      if (!node.enabled || node.readOnly || node.unsupported || node.answers.length > 0) continue;
      fill(model, node);
    }
  }
}

function fill(model: SurveyModel, node: SurveyNode): void {
  if (node.options.length > 0) {
    model.selectOption(node.key, node.options[0]!.id);
    return;
  }
  const typed: Record<string, string> = {
    integer: '3',
    decimal: '72.5',
    quantity: '72.5',
    string: 'Some words',
    text: 'A few lines of text',
    date: '2024-02-29',
    dateTime: '2024-02-29T10:30:00Z',
    time: '10:30',
    url: 'https://example.org/',
    boolean: 'true',
    'open-choice': 'Something else',
  };
  if (node.type === 'attachment') {
    const answer = surveyAttachmentAnswer({
      bytes: new TextEncoder().encode('%PDF-1.4'),
      contentType: 'application/pdf',
      title: 'letter.pdf',
    });
    model.setAnswer(node.key, answer ? [answer] : []);
  } else if (typed[node.type] !== undefined) model.setAnswerText(node.key, typed[node.type]!);
}

beforeAll(() => {
  loadDefinitions();
});

describe('public Questionnaires', () => {
  it('has at least 15 forms from at least four publishers', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const publishers = new Set(files.map((name) => name.split('-')[0]));
    expect(publishers).toEqual(new Set(['csiro', 'lhc', 'sdc']));
    // lhc-* holds the Argonaut IG's and Telstra Health's forms as well as NLM's own (SOURCES.md): five publishers.
    expect(files.filter((name) => /argonaut/i.test(name))).toHaveLength(2);
  });

  it.each(files)('%s loads, answers round-trip, and Medplum validates the response', async (name) => {
    const questionnaire = read(name);
    const loaded = loadQuestionnaire(questionnaire);
    expect(loaded.questionnaire, loaded.problems.map((p) => p.message).join('; ')).toBeDefined();
    const canonical = `https://forms.example/${name}`;
    const model = createSurveyModel(loaded.questionnaire!, { questionnaire: canonical });
    await model.ready;
    expect(model.renderable).toBe(true);
    answerEverything(model);
    const blocked = model.completionBlockers().length > 0;
    const response = model.toResponse({
      status: blocked ? 'in-progress' : 'completed',
      authored: '2026-03-02T10:00:00Z',
    });
    expect(response.questionnaire).toBeTruthy();
    expect(() => validateResource(response as unknown as Resource)).not.toThrow();
    const check = checkQuestionnaireResponse(response, loaded.questionnaire!, { questionnaire: canonical });
    expect(check.issues).toEqual([]);
    // The response starts an equal model: nothing the patient entered is lost on the way.
    const again = createSurveyModel(loaded.questionnaire!, { initialAnswers: response, questionnaire: canonical });
    await again.ready;
    expect(again.problems.filter((p) => p.code === 'initial-answer-dropped')).toEqual([]);
    const second = again.toResponse({ status: response.status as 'completed', authored: '2026-03-02T10:00:00Z' });
    expect(second.item).toEqual(response.item);
  });
});

/** The calculated items of a model, by linkId, as their answers. */
function calculated(model: SurveyModel): Record<string, unknown> {
  return Object.fromEntries(model.items.filter((n) => n.calculated).map((n) => [n.linkId, n.answers]));
}

describe('totals', () => {
  it('PHQ-9 (NLM LHC-Forms, variables and calculatedExpression): the total is typed and equals the reference engine', async () => {
    const questionnaire = read('lhc-phq9.json') as Questionnaire;
    const model = createSurveyModel(questionnaire);
    await model.ready;
    // The nine scored questions (a tenth, on difficulty, is not part of the total).
    const questions = model.items.filter((n) => n.options.length === 4).slice(0, 9);
    const picks = [0, 1, 2, 3, 3, 2, 1, 0, 1];
    questions.forEach((node, i) => {
      model.selectOption(node.key, node.options[picks[i]!]!.id);
    });
    const [total] = model.items.filter((n) => n.calculated);
    expect(total).toMatchObject({ readOnly: true, type: 'decimal' });
    expect(total!.answers).toEqual([{ valueDecimal: 13 }]);
    expect(model.score().total).toBe(13);
    // The reference engine on the same response, with the same variables, gives the same total.
    const response = model.toResponse({ status: 'in-progress' });
    type Ext = { url: string; valueExpression?: { name: string; expression: string } };
    const totalItem = questionnaire.item!.find((i) => i.linkId === total!.linkId)!;
    const extensions = [...((questionnaire.extension ?? []) as Ext[]), ...((totalItem.extension ?? []) as Ext[])];
    const vars: Record<string, unknown> = { resource: response, questionnaire };
    for (const v of extensions) {
      if (v.url.endsWith('/variable') && v.valueExpression) {
        const value = fhirpath.evaluate(response, v.valueExpression.expression, vars, r4) as unknown[];
        vars[v.valueExpression.name] = value.length === 1 ? value[0] : value;
      }
    }
    const totalExpression = extensions.find((e) => e.url.endsWith('calculatedExpression'))!.valueExpression!.expression;
    expect(fhirpath.evaluate(response, totalExpression, vars, r4)).toEqual([13]);
  });

  it('PHQ-9 scored with weight() and Apgar with itemWeight variables (NLM LHC-Forms)', async () => {
    const weighted = createSurveyModel(read('lhc-phq9-with-the-weight-function.json'));
    await weighted.ready;
    // The total leaves out the tenth question (on difficulty, linkId /69722-7).
    const questions = weighted.items.filter((n) => n.options.length === 4);
    for (const node of questions) weighted.selectOption(node.key, node.options[2]!.id);
    const scored = questions.filter((n) => n.linkId !== '/69722-7');
    expect(scored).toHaveLength(9);
    expect(Object.values(calculated(weighted))).toEqual([[{ valueDecimal: 18 }]]);

    const apgar = createSurveyModel(read('lhc-apgar-with-itemWeight-variable.json'));
    await apgar.ready;
    const signs = apgar.items.filter((n) => n.options.length === 3);
    expect(signs).toHaveLength(5);
    expect(Object.values(calculated(apgar))).toEqual([[]]);
    signs.forEach((node, i) => {
      apgar.selectOption(node.key, node.options[i % 3]!.id);
    });
    expect(Object.values(calculated(apgar))[0]).toEqual([{ valueDecimal: apgar.score().total }]);
  });

  it('the HL7 SDC PHQ-9 example response: its answers score 10 (the example states 13, which its own answers do not give)', async () => {
    const questionnaire = read('sdc-Questionnaire-questionnaire-sdc-profile-example-PHQ9.json');
    const response = read('sdc-QuestionnaireResponse-questionnaireresponse-sdc-profile-example-PHQ9.json');
    const model = createSurveyModel(questionnaire, { initialAnswers: response as never });
    await model.ready;
    expect(model.score()).toMatchObject({ total: 10, answeredItems: 9 });
  });

  it('BMI (CSIRO Smart Forms and NLM LHC-Forms) from weight and height', async () => {
    const csiro = createSurveyModel(read('csiro-SimpleBMICalculator.json'));
    await csiro.ready;
    const [height, weight] = ['patient-height', 'patient-weight'].map((id) => csiro.itemsByLinkId(id)[0]!);
    csiro.setAnswerText(height!.key, '180');
    csiro.setAnswerText(weight!.key, '81');
    expect(Object.values(calculated(csiro))).toEqual([[{ valueDecimal: 25 }]]);
  });
});

/** Every FHIRPath expression of the corpus, with the form it is in. */
function corpusExpressions(): Array<{ file: string; expression: string }> {
  const out: Array<{ file: string; expression: string }> = [];
  const walk = (value: unknown, file: string) => {
    if (Array.isArray(value)) for (const v of value) walk(v, file);
    else if (value && typeof value === 'object') {
      const e = (value as { valueExpression?: { language?: string; expression?: string } }).valueExpression;
      if (e?.language === 'text/fhirpath' && e.expression) out.push({ file, expression: e.expression });
      for (const v of Object.values(value)) walk(v, file);
    }
  };
  for (const file of files) walk(read(file), file);
  return out;
}

describe('the small FHIRPath evaluator against the reference engine', () => {
  const all = corpusExpressions();

  it('covers most of the corpus; the rest goes to the reference engine', () => {
    const outside = all.filter((e) => !inSubset(e.expression)).map((e) => e.expression);
    expect(all.length).toBeGreaterThan(40);
    // Out of the subset on purpose: string functions, dates and `|`.
    expect([...new Set(outside)]).toEqual([
      "%resource.item.where(linkId='string-to-split').answer.value.toChars()",
      '%splitString.toChars()',
      'today()',
    ]);
  });

  it.each(all.filter((e) => inSubset(e.expression)).map((e) => [e.file, e.expression] as const))(
    '%s: %s',
    async (file, expression) => {
      const questionnaire = read(file);
      const model = createSurveyModel(questionnaire);
      await model.ready;
      answerEverything(model);
      const response = model.toResponse({ status: 'in-progress' });
      // Both engines get the same variables: each computed by the reference engine, in document order.
      const vars: Record<string, unknown> = { resource: response, questionnaire, context: response };
      const ours: Record<string, unknown[]> = { resource: [response], questionnaire: [questionnaire] };
      const define = (owner: unknown) => {
        for (const v of ((owner as { extension?: unknown[] }).extension ?? []) as Array<{
          url: string;
          valueExpression?: { name?: string; language?: string; expression: string };
        }>) {
          if (
            !v.url.endsWith('/variable') ||
            v.valueExpression?.language !== 'text/fhirpath' ||
            !v.valueExpression.name
          )
            continue;
          let value: unknown[] = [];
          try {
            value = fhirpath.evaluate(response, v.valueExpression.expression, vars, r4) as unknown[];
          } catch {}
          vars[v.valueExpression.name] = value.length === 1 ? value[0] : value;
          ours[v.valueExpression.name] = value;
        }
      };
      define(questionnaire);
      const visit = (items: unknown) => {
        for (const item of (items as unknown[]) ?? []) {
          define(item);
          visit((item as { item?: unknown }).item);
        }
      };
      visit(questionnaire.item);
      let expected: unknown[] | string;
      try {
        expected = fhirpath.evaluate(response, expression, vars, r4) as unknown[];
      } catch (error) {
        expected = `error: ${(error as Error).message}`;
      }
      const { compileExpressions } = await import('./fhirpath/index.js');
      const { compiled } = await compileExpressions([expression]);
      let actual: unknown[] | string;
      try {
        actual = compiled.get(expression)!.evaluate({ variables: ours, context: [response], scoreOf: () => undefined });
      } catch (error) {
        actual = `error: ${(error as Error).message}`;
      }
      if (typeof expected === 'string') {
        // Where the reference fails (a variable only a server could fill, SDC's answers()), ours must not invent a value.
        if (!/answers\(\)/.test(expression)) expect(actual).toMatch(/^error: /);
        return;
      }
      if (/weight\(\)|ordinal\(\)/.test(expression)) return; // scores need the model, compared in "totals" above
      expect(typeof actual === 'string' ? actual : normalize(actual)).toEqual(normalize(expected));
    },
  );
});

function normalize(values: unknown[]): unknown[] {
  return values.map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : JSON.parse(JSON.stringify(v))));
}

describe('required items that cannot be answered here', () => {
  const form = {
    resourceType: 'Questionnaire',
    status: 'active',
    url: 'https://forms.example/Questionnaire/intake',
    item: [
      { linkId: 'name', type: 'string', text: 'Name', required: true },
      {
        linkId: 'language',
        type: 'choice',
        text: 'Language',
        required: true,
        answerValueSet: 'http://hl7.org/fhir/ValueSet/languages',
      },
      { linkId: 'pet', type: 'boolean', text: 'Pet?' },
      {
        linkId: 'kind',
        type: 'string',
        text: 'Kind',
        enableWhen: [{ question: 'pet', operator: '!=', answerString: 'dog' }],
      },
    ],
  };

  it('block a completed response with a reason code; in-progress is fine; the checker agrees', async () => {
    const model = createSurveyModel(form);
    model.setAnswerText(model.itemsByLinkId('name')[0]!.key, 'Ada');
    expect(model.completionBlockers()).toEqual([
      { key: 'language', linkId: 'language', code: 'cannot-answer', reason: 'value-set-unresolved' },
    ]);
    expect(model.validate().errors.language).toEqual([
      expect.objectContaining({ code: 'cannot-answer', params: { reason: 'value-set-unresolved' } }),
    ]);
    expect(() => model.toResponse()).toThrow(expect.objectContaining({ kind: 'invalid-input', field: 'language' }));
    const saved = model.toResponse({ status: 'in-progress' });
    expect(checkQuestionnaireResponse(saved, form as never).valid).toBe(true);
    const forged = { ...saved, status: 'completed' };
    expect(checkQuestionnaireResponse(forged, form as never).issues).toEqual([
      expect.objectContaining({ code: 'required-missing', linkId: 'language' }),
    ]);
    // Once the renderer expands the ValueSet (through the adapter), the item is answerable and the form completes.
    model.resolveValueSet('http://hl7.org/fhir/ValueSet/languages', [
      { system: 'urn:ietf:bcp:47', code: 'es', display: 'Spanish' },
    ]);
    model.selectOption('language', '0');
    expect(model.completionBlockers()).toEqual([]);
    expect(model.toResponse().status).toBe('completed');
  });

  it('a != enableWhen whose answer type does not fit its question is never met', () => {
    const model = createSurveyModel(form);
    expect(model.problems.some((p) => p.code === 'enable-when-invalid' && p.linkId === 'kind')).toBe(true);
    expect(model.isEnabled('kind')).toBe(false);
    model.setAnswer('pet', [{ valueBoolean: true }]);
    expect(model.isEnabled('kind')).toBe(false);
  });
});
