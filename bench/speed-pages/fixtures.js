// Shared by every speed page: the same content for ours and for the peers, and one way of timing a render.
export { PHQ_9 } from '@frontdesk/core/memory';

/** 300 items (30 groups of 9 questions), half the questions behind enableWhen: as the survey's own speed test. */
export function bigQuestionnaire() {
  const groups = [];
  for (let g = 0; g < 30; g++) {
    const items = [];
    for (let i = 0; i < 9; i++) {
      const linkId = `g${g}-q${i}`;
      const kind = i % 5;
      const item =
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

/** A macrotask without setTimeout's clamping: lets pending renders and promise chains run. */
export const tick = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

export const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Wait (in macrotasks) until `ready()` is true; gives up after five seconds. */
export async function until(ready, what) {
  const deadline = performance.now() + 5000;
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick();
  }
}

/**
 * Time one render, the same way for ours and the peers: start at the top of a frame, `act()` hands over the data
 * or the input, `done()` resolves when the component says it has rendered; then style and layout are forced (part
 * of the figure). `paint` goes on to the first task after the next frame: what the user would see.
 */
export async function timed(act, done, layoutOf) {
  await frame();
  const start = performance.now();
  await act();
  await done();
  layoutOf().getBoundingClientRect();
  const ms = performance.now() - start;
  await frame();
  await tick();
  return { ms, paint: performance.now() - start };
}

/** FHIR enableWhen as a SurveyJS expression. */
function condition(enableWhen, behavior) {
  const ops = { '=': '=', '!=': '<>', '>': '>', '<': '<', '>=': '>=', '<=': '<=' };
  const parts = enableWhen.map((w) => {
    const name = `{${w.question}}`;
    if (w.operator === 'exists') return w.answerBoolean ? `${name} notempty` : `${name} empty`;
    const value =
      w.answerBoolean ?? w.answerInteger ?? w.answerDecimal ?? w.answerString ?? w.answerCoding?.code ?? null;
    return `${name} ${ops[w.operator]} ${typeof value === 'string' ? `'${value}'` : value}`;
  });
  return parts.join(behavior === 'any' ? ' or ' : ' and ');
}

const isPage = (item) =>
  item.extension?.some((e) => e.valueCodeableConcept?.coding?.some((c) => c.code === 'page')) ?? false;

/** One Questionnaire item as a SurveyJS element, as close as SurveyJS's built-in types allow. */
function element(item) {
  const base = { name: item.linkId, title: item.text ?? item.linkId, isRequired: item.required === true };
  if (item.enableWhen) base.visibleIf = condition(item.enableWhen, item.enableBehavior);
  const choices = (item.answerOption ?? []).map((o) =>
    o.valueCoding ? { value: o.valueCoding.code, text: o.valueCoding.display } : { value: o.valueString },
  );
  switch (item.type) {
    case 'group':
      return { ...base, type: 'panel', elements: (item.item ?? []).map(element) };
    case 'display':
      return { name: item.linkId, type: 'html', html: item.text ?? '' };
    case 'boolean':
      return { ...base, type: 'boolean', renderAs: 'radio' };
    case 'choice':
      return { ...base, type: item.repeats ? 'checkbox' : 'radiogroup', choices };
    case 'integer':
    case 'decimal':
      return { ...base, type: 'text', inputType: 'number' };
    case 'text':
      return { ...base, type: 'comment', maxLength: item.maxLength };
    default:
      return { ...base, type: 'text', maxLength: item.maxLength };
  }
}

/** A FHIR Questionnaire as a SurveyJS JSON model: page groups become pages, other groups panels. */
export function toSurveyJs(questionnaire) {
  const top = questionnaire.item ?? [];
  const pages = top.every(isPage)
    ? top.map((g) => ({ name: g.linkId, title: g.text, elements: (g.item ?? []).map(element) }))
    : [{ name: 'page1', elements: top.map(element) }];
  return { title: questionnaire.title, pages, showQuestionNumbers: 'off' };
}
