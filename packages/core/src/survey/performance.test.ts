import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import type { SurveyAnswer } from './answers.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { loadQuestionnaire } from './load.js';
import { createSurveyModel } from './model.js';

const TYPES = ['integer', 'decimal', 'date', 'time', 'string', 'choice', 'text'] as const;

/** 30 sections x (group + gate + 7 questions + display) = 300 items; each section depends on the previous gate. */
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
      ...(s > 0
        ? { enableWhen: [{ question: `s${s - 1}-gate`, operator: 'exists' as const, answerBoolean: true }] }
        : {}),
      item: children,
    });
  }
  return { resourceType: 'Questionnaire', status: 'active', url: 'http://example.org/q/big', item };
}

const SAMPLE: Record<(typeof TYPES)[number], SurveyAnswer> = {
  integer: { valueInteger: 7 },
  decimal: { valueDecimal: 1.5 },
  date: { valueDate: '2024-05-01' },
  string: { valueString: 'x' },
  choice: { valueCoding: { system: 'http://s', code: 'b' } },
  text: { valueString: 'y' },
  time: { valueTime: '10:00:00' },
};

function answerAll(model: ReturnType<typeof createSurveyModel>): number {
  let answered = 0;
  for (let s = 0; s < 30; s++) {
    model.setAnswer(`s${s}/s${s}-gate`, [{ valueBoolean: true }]);
    answered++;
    TYPES.forEach((type, i) => {
      model.setAnswer(`s${s}/s${s}-q${i}`, [SAMPLE[type]]);
      answered++;
    });
  }
  return answered;
}

describe('performance sanity (generous bounds, not benchmarks)', () => {
  it('loads and models a 300-item questionnaire quickly and answers each item in well under a few ms', () => {
    // Warm the JIT on a full-size copy (answers included), then take the best of three builds: a sanity bound on
    // the engine, not on how busy the machine running the tests happens to be.
    answerAll(createSurveyModel(bigQuestionnaire()));
    const q = bigQuestionnaire();
    let buildMs = Number.POSITIVE_INFINITY;
    let loaded = loadQuestionnaire(q);
    let model = createSurveyModel(loaded.questionnaire!);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      loaded = loadQuestionnaire(q);
      model = createSurveyModel(loaded.questionnaire!);
      buildMs = Math.min(buildMs, performance.now() - started);
    }
    const { questionnaire, problems } = loaded;
    expect(problems).toEqual([]);
    expect(model.items).toHaveLength(300);
    expect(buildMs).toBeLessThan(200);

    const answering = performance.now();
    const answered = answerAll(model);
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
    // The 7 gated questions of section 0, and all 10 items of each later section.
    expect(changes[0]).toHaveLength(7 + 29 * 10);
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
