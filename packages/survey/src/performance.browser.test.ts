import type { Questionnaire, QuestionnaireItem } from '@frontdesk/core';
import { PHQ_9 } from '@frontdesk/core/memory';
import { expect } from '@open-wc/testing';
import './define.js';
import type { FdSurvey } from './survey.js';

/** 300 items: groups of ten with radio, checkbox, number, text and yes/no questions, half of them behind enableWhen. */
function bigQuestionnaire(): Questionnaire {
  const groups: QuestionnaireItem[] = [];
  for (let g = 0; g < 30; g++) {
    const items: QuestionnaireItem[] = [];
    for (let i = 0; i < 9; i++) {
      const linkId = `g${g}-q${i}`;
      const kind = i % 5;
      const item: QuestionnaireItem =
        kind === 0
          ? { linkId, type: 'boolean', text: `Question ${linkId}: yes or no?` }
          : kind === 1
            ? {
                linkId,
                type: 'choice',
                text: `Question ${linkId}: how often?`,
                answerOption: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'].map((valueString) => ({
                  valueString,
                })),
              }
            : kind === 2
              ? { linkId, type: 'integer', text: `Question ${linkId}: how many?` }
              : kind === 3
                ? { linkId, type: 'string', text: `Question ${linkId}: describe it` }
                : {
                    linkId,
                    type: 'choice',
                    repeats: true,
                    text: `Question ${linkId}: which apply?`,
                    answerOption: ['A', 'B', 'C'].map((valueString) => ({ valueString })),
                  };
      if (i > 0 && i % 2 === 0) item.enableWhen = [{ question: `g${g}-q0`, operator: '=', answerBoolean: true }];
      items.push(item);
    }
    groups.push({ linkId: `g${g}`, type: 'group', text: `Section ${g + 1}`, item: items });
  }
  return { resourceType: 'Questionnaire', id: 'big', status: 'active', title: 'Three hundred items', item: groups };
}

/** Best of a few runs: the first render of a fresh element, from insertion to the committed DOM. */
async function firstRender(questionnaire: Questionnaire, runs = 3): Promise<{ ms: number; el: FdSurvey }> {
  let best = Number.POSITIVE_INFINITY;
  let el!: FdSurvey;
  for (let run = 0; run < runs; run++) {
    el?.remove();
    el = document.createElement('fd-survey');
    el.questionnaire = questionnaire;
    const start = performance.now();
    document.body.append(el);
    await el.updateComplete;
    el.shadowRoot!.querySelector('form')!.getBoundingClientRect(); // include style and layout
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, el };
}

describe('fd-survey: speed (DESIGN.md section 8)', () => {
  it('renders PHQ-9 in under 30 ms', async () => {
    const { ms, el } = await firstRender(PHQ_9);
    expect(el.shadowRoot!.querySelectorAll('input[type=radio]')).to.have.length(36);
    expect(ms).to.be.below(30);
    el.remove();
  });

  it('renders 300 items in under 150 ms, and an answer shows its dependants within one frame', async () => {
    const questionnaire = bigQuestionnaire();
    const { ms, el } = await firstRender(questionnaire);
    expect(el.model!.items).to.have.length(300);
    expect(ms).to.be.below(150);
    const before = el.shadowRoot!.querySelectorAll('[part~="field"]').length;
    const yes = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio][value=true]')!;
    const start = performance.now();
    yes.click();
    await el.updateComplete;
    const elapsed = performance.now() - start;
    expect(el.shadowRoot!.querySelectorAll('[part~="field"]').length).to.equal(before + 4);
    expect(elapsed).to.be.below(16);
    el.remove();
  });
});
