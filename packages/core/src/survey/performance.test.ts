import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import type { SurveyAnswer } from './answers.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { loadQuestionnaire } from './load.js';
import { createSurveyModel } from './model.js';

const TYPES = ['boolean', 'integer', 'decimal', 'date', 'string', 'choice', 'text', 'time'] as const;

/** 30 sections x (1 gate + 8 questions + 1 display) = 300 items; each section depends on the previous gate. */
function bigQuestionnaire(sections = 30): Questionnaire {
  const item: QuestionnaireItem[] = [];
  for (let s = 0; s < sections; s++) {
    const gate = `s${s}-gate`;
    const children: QuestionnaireItem[] = [{ linkId: gate, type: 'boolean', required: true }];
    TYPES.forEach((type, i) => {
      const linkId = `s${s}-q${i}`;
      children.push({
        linkId,
        type,
        required: i % 2 === 0,
        enableWhen: [{ question: gate, operator: '=', answerBoolean: true }],
        ...(type === 'choice'
          ? { answerOption: ['a', 'b', 'c', 'd'].map((code) => ({ valueCoding: { system: 'http://s', code } })) }
          : {}),
      });
    });
    children.push({ linkId: `s${s}-note`, type: 'display', text: `Section ${s} note` });
    item.push({
      linkId: `s${s}`,
      type: 'group',
      text: `Section ${s}`,
      ...(s > 0 ? { enableWhen: [{ question: `s${s - 1}-gate`, operator: 'exists' as const, answerBoolean: true }] } : {}),
      item: children.slice(0, 9),
    });
    (item[item.length - 1]!.item as QuestionnaireItem[]).push(children[9]!);
  }
  return { resourceType: 'Questionnaire', status: 'active', url: 'http://example.org/q/big', item };
}

const SAMPLE: Record<(typeof TYPES)[number], SurveyAnswer> = {
  boolean: { valueBoolean: true },
  integer: { valueInteger: 7 },
  decimal: { valueDecimal: 1.5 },
  date: { valueDate: '2024-05-01' },
  string: { valueString: 'x' },
  choice: { valueCoding: { system: 'http://s', code: 'b' } },
  text: { valueString: 'y' },
  time: { valueTime: '10:00:00' },
};

describe('performance sanity (generous bounds, not benchmarks)', () => {
  it('loads and models a 300-item questionnaire quickly and answers each item in well under a few ms', () => {
    createSurveyModel(bigQuestionnaire(5)); // warm up the JIT so the measurement is about the engine
    const q = bigQuestionnaire();
    const started = performance.now();
    const { questionnaire, problems } = loadQuestionnaire(q);
    const model = createSurveyModel(questionnaire!);
    const buildMs = performance.now() - started;
    expect(problems).toEqual([]);
    expect(model.items).toHaveLength(300);
    expect(buildMs).toBeLessThan(200);

    const answering = performance.now();
    let answered = 0;
    for (let s = 0; s < 30; s++) {
      model.setAnswer(`s${s}/s${s}-gate`, [{ valueBoolean: true }]);
      answered++;
      TYPES.forEach((type, i) => {
        model.setAnswer(`s${s}/s${s}-q${i}`, [SAMPLE[type]]);
        answered++;
      });
    }
    const perAnswerMs = (performance.now() - answering) / answered;
    expect(perAnswerMs).toBeLessThan(2);

    expect(model.items.every((n) => n.enabled)).toBe(true);
    expect(model.validate().valid).toBe(true);
    const response = model.toResponse();
    expect(checkQuestionnaireResponse(response, questionnaire!)).toEqual({ valid: true, issues: [] });

    // Clearing the first gate disables everything after it in one pass.
    const changes: string[][] = [];
    model.subscribe((c) => changes.push(c.enabledChanged));
    model.clearAnswer('s0/s0-gate');
    expect(changes[0]).toHaveLength(299 - 1 - 1);
  });

  it('a long chain of conditions pointing forwards neither overflows the stack nor crawls', () => {
    const length = 3_000;
    const item: QuestionnaireItem[] = Array.from({ length }, (_, i) => ({
      linkId: `q${i}`,
      type: 'boolean',
      ...(i < length - 1 ? { enableWhen: [{ question: `q${i + 1}`, operator: '!=', answerBoolean: true }] } : {}),
    }));
    const started = performance.now();
    const model = createSurveyModel({ resourceType: 'Questionnaire', status: 'active', item });
    model.setAnswer(`q${length - 1}`, [{ valueBoolean: true }]);
    expect(performance.now() - started).toBeLessThan(3_000);
    // q2998 is now disabled, so q2997 sees no answer and stays enabled, and so on alternately.
    expect(model.isEnabled(`q${length - 2}`)).toBe(false);
    expect(model.isEnabled(`q${length - 3}`)).toBe(true);
    expect(model.isEnabled('q0')).toBe(true);
  });
});
