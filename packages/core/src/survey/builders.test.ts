import { describe, expect, it } from 'vitest';
import { FrontdeskError } from '../errors.js';
import { buildCsatQuestionnaire, buildLikertQuestionnaire, buildNpsQuestionnaire } from './builders.js';
import { checkQuestionnaireResponse } from './check-response.js';
import { loadQuestionnaire } from './load.js';
import { createSurveyModel } from './model.js';

describe('questionnaire builders', () => {
  it('NPS: 0..10 integer options scored by value, end labels, optional comment', () => {
    const q = buildNpsQuestionnaire({ comment: true, url: 'http://clinic.example/q/nps' });
    expect(loadQuestionnaire(q).problems).toEqual([]);
    const model = createSurveyModel(q);
    const nps = model.getItem('nps')!;
    expect(nps).toMatchObject({
      control: 'radio-button',
      orientation: 'horizontal',
      required: true,
      lowerLabel: 'Not at all likely',
      upperLabel: 'Extremely likely',
    });
    expect(nps.options.map((o) => o.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(model.items.map((n) => [n.key, n.type])).toEqual([
      ['nps', 'choice'],
      ['comment', 'text'],
    ]);
    model.selectOption('nps', '9');
    model.setAnswerText('comment', 'Friendly staff');
    expect(model.score().total).toBe(9);
    const response = model.toResponse({ authored: '2024-05-01T10:00:00Z' });
    expect(response.item?.[0]?.answer).toEqual([{ valueInteger: 9 }]);
    expect(response.questionnaire).toBe('http://clinic.example/q/nps');
    expect(checkQuestionnaireResponse(response, q)).toEqual({ valid: true, issues: [] });
  });

  it('NPS: custom texts, slider, no comment by default', () => {
    const q = buildNpsQuestionnaire({
      question: '¿Recomendaría nuestra clínica?',
      lowLabel: 'Nada probable',
      highLabel: 'Muy probable',
      control: 'slider',
      title: 'Opinión',
      linkId: 'recomendar',
    });
    const model = createSurveyModel(q);
    expect(model.title).toBe('Opinión');
    expect(model.items).toHaveLength(1);
    expect(model.items[0]).toMatchObject({
      key: 'recomendar',
      text: '¿Recomendaría nuestra clínica?',
      control: 'slider',
      lowerLabel: 'Nada probable',
      upperLabel: 'Muy probable',
    });
  });

  it('CSAT: a labelled five-point scale scored 1..5', () => {
    const q = buildCsatQuestionnaire({ comment: { text: 'Tell us more', maxLength: 500 } });
    expect(loadQuestionnaire(q).problems).toEqual([]);
    const model = createSurveyModel(q);
    expect(model.getItem('csat')?.options.map((o) => [o.label, o.score])).toEqual([
      ['Very dissatisfied', 1],
      ['Dissatisfied', 2],
      ['Neither satisfied nor dissatisfied', 3],
      ['Satisfied', 4],
      ['Very satisfied', 5],
    ]);
    expect(model.getItem('comment')).toMatchObject({ text: 'Tell us more', maxLength: 500, required: false });
    expect(model.validate().errors.csat?.[0]?.code).toBe('required');
    model.selectOption('csat', '3');
    expect(model.validate().valid).toBe(true);
    expect(model.score()).toMatchObject({ total: 4, max: 5 });
    expect(checkQuestionnaireResponse(model.toResponse(), q).valid).toBe(true);
  });

  it('CSAT: three custom labels and end labels', () => {
    const model = createSurveyModel(
      buildCsatQuestionnaire({ labels: ['Bad', 'OK', 'Good'], lowLabel: 'Worst', highLabel: 'Best', required: false }),
    );
    expect(model.getItem('csat')).toMatchObject({ required: false, lowerLabel: 'Worst', upperLabel: 'Best' });
    expect(model.getItem('csat')?.options).toHaveLength(3);
  });

  it('Likert: statements in a group on a shared scale, each scored', () => {
    const q = buildLikertQuestionnaire({
      statements: ['The staff were friendly', { text: 'I waited too long', linkId: 'wait' }],
      instructions: 'How much do you agree?',
      highLabel: 'Agree',
      comment: true,
    });
    expect(loadQuestionnaire(q).problems).toEqual([]);
    const model = createSurveyModel(q);
    expect(model.items.map((n) => [n.key, n.depth, n.text])).toEqual([
      ['likert', 0, 'How much do you agree?'],
      ['likert/likert-1', 1, 'The staff were friendly'],
      ['likert/wait', 1, 'I waited too long'],
      ['comment', 0, 'Anything else you would like to tell us?'],
    ]);
    expect(model.getItem('likert/wait')?.upperLabel).toBe('Agree');
    model.selectOption('likert/likert-1', '4');
    model.selectOption('likert/wait', '1');
    expect(model.score()).toEqual({
      total: 7,
      byItem: { 'likert/likert-1': 5, 'likert/wait': 2 },
      max: 10,
      scoredItems: 2,
      answeredItems: 2,
    });
    expect(checkQuestionnaireResponse(model.toResponse(), q).valid).toBe(true);
  });

  it('rejects builder arguments that cannot make a survey', () => {
    const attempts = [
      () => buildLikertQuestionnaire({ statements: [] }),
      () => buildLikertQuestionnaire({ statements: [' '] }),
      () => buildLikertQuestionnaire({ statements: ['a', { text: 'b', linkId: 'likert-1' }] }),
      () => buildCsatQuestionnaire({ labels: ['only one'] }),
      () => buildNpsQuestionnaire({ comment: { linkId: 'nps' } }),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(FrontdeskError);
      try {
        attempt();
      } catch (error) {
        expect((error as FrontdeskError).kind).toBe('invalid-input');
      }
    }
  });
});
