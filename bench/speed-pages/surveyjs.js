// SurveyJS (its vanilla JS UI, loaded by classic script tags with its default theme) rendering the same content.
import { bigQuestionnaire, PHQ_9, timed, toSurveyJs, until } from './fixtures.js';

const { Survey, SurveyUI } = globalThis;
let container;
let model;

async function firstRender(questionnaire, expected) {
  container?.remove();
  container = document.createElement('div');
  document.body.append(container);
  const json = toSurveyJs(questionnaire);
  const inputs = () => container.querySelectorAll('input').length;
  const result = await timed(
    () => {
      model = new Survey.Model(json);
      SurveyUI.renderSurvey(model, container);
    },
    () => until(() => inputs() >= expected, 'the inputs'),
    () => container,
  );
  return { ...result, inputs: inputs() };
}

let answered = 0;
globalThis.bench = {
  phq9: async () => {
    const result = await firstRender(PHQ_9, 36);
    return { ...result, check: result.inputs >= 36 };
  },
  big: async () => {
    const result = await firstRender(bigQuestionnaire(), 30);
    return { ...result, check: model.getAllQuestions().length === 270 };
  },
  latency: async () => {
    if (!model || answered === 0) await firstRender(bigQuestionnaire(), 30);
    const group = answered++;
    const shown = () => container.querySelectorAll(`[data-name^="g${group}-"]`).length;
    const before = shown();
    const yes = container.querySelector(`[data-name="g${group}-q0"] input[type=radio][value="true"]`);
    const result = await timed(
      () => yes.click(),
      () => until(() => shown() === before + 4, 'the dependants'),
      () => container,
    );
    return { ...result, check: model.getValue(`g${group}-q0`) === true };
  },
};
