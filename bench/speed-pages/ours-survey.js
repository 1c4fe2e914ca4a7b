// fd-survey on a page of its own: PHQ-9 and 300-item first renders, and the input latency of an answer.
import '@frontdesk/survey/define';
import { bigQuestionnaire, PHQ_9, timed, until } from './fixtures.js';

let el;
async function firstRender(questionnaire) {
  el?.remove();
  el = document.createElement('fd-survey');
  return timed(
    () => {
      el.questionnaire = questionnaire;
      document.body.append(el);
    },
    () => el.updateComplete,
    () => el.shadowRoot.querySelector('form'),
  );
}

let answered = 0;
let yesRadios = [];
globalThis.bench = {
  phq9: async () => {
    const result = await firstRender(PHQ_9);
    return { ...result, check: el.shadowRoot.querySelectorAll('input[type=radio]').length === 36 };
  },
  big: async () => {
    const result = await firstRender(bigQuestionnaire());
    return { ...result, check: el.model.items.length === 300 };
  },
  /** Answer "yes" in the next untouched group; done when its four dependants are on screen. */
  latency: async () => {
    if (!el || answered === 0) {
      await firstRender(bigQuestionnaire());
      yesRadios = [...el.shadowRoot.querySelectorAll('input[type=radio][value=true]')];
    }
    const fields = () => el.shadowRoot.querySelectorAll('[part~="field"]').length;
    const before = fields();
    // Each group has two yes/no questions (q0 and q5); q0 is the one four others depend on.
    const yes = yesRadios[2 * answered++];
    const result = await timed(
      () => yes.click(),
      async () => {
        await el.updateComplete;
        await until(() => fields() === before + 4, 'the dependants');
      },
      () => el.shadowRoot.querySelector('form'),
    );
    return { ...result, check: fields() === before + 4 };
  },
};
