// LHC-Forms (its web component, loaded by the script tags its README lists) rendering the same FHIR Questionnaires.
import { bigQuestionnaire, PHQ_9, timed, until } from './fixtures.js';

const { LForms } = globalThis;
let container;

async function firstRender(questionnaire) {
  container?.remove();
  container = document.createElement('div');
  document.body.append(container);
  // LHC-Forms keeps the object it is given: hand it a copy, as a page fetching JSON would.
  const copy = structuredClone(questionnaire);
  return timed(
    () => {},
    () => LForms.Util.addFormToPage(copy, container, { fhirVersion: 'R4' }),
    () => container,
  );
}

let answered = 0;
globalThis.bench = {
  phq9: async () => ({ ...(await firstRender(PHQ_9)), check: container.querySelectorAll('input').length >= 36 }),
  big: async () => ({
    ...(await firstRender(bigQuestionnaire())),
    check: container.querySelectorAll('lhc-item').length >= 150,
  }),
  /** Answer "yes" in the next untouched group; LHC-Forms adds the four dependants' rows when they become enabled. */
  latency: async () => {
    if (answered === 0) await firstRender(bigQuestionnaire());
    const group = answered++;
    const rows = () => container.querySelectorAll(`lhc-item[id^="item-g${group}-q"]`).length;
    const before = rows();
    const yes = container.querySelector(`[id="g${group}-q0/1/1|true"]`);
    const result = await timed(
      () => yes.click(),
      () => until(() => rows() === before + 4, 'the dependants'),
      () => container,
    );
    return { ...result, check: rows() === before + 4 };
  },
};
