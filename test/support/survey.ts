// Reading and answering <fd-survey> in the browser tests: mount one, find a question by its label, type, pick, submit.
import type { FdErrorDetail, QuestionnaireResponse } from '@frontdesk/core';
import { fixture, html } from '@open-wc/testing';
import { frame, settle, shadow, text } from './dom.js';

type Survey = HTMLElement & {
  readonly updateComplete: Promise<boolean>;
  response(): QuestionnaireResponse | undefined;
};

/** Renders `template` (holding one `<fd-survey>`), collecting its `fd-error` and `fd-survey-submit` details. */
export async function mountSurvey<S extends Survey = Survey>(template: ReturnType<typeof html>) {
  const errors: FdErrorDetail[] = [];
  const submitted: QuestionnaireResponse[] = [];
  const wrapper = await fixture<HTMLElement>(html`<div
    @fd-error=${(e: CustomEvent<FdErrorDetail>) => errors.push(e.detail)}
    @fd-survey-submit=${(e: CustomEvent<QuestionnaireResponse>) => submitted.push(e.detail)}
  >${template}</div>`);
  const el = wrapper.querySelector('fd-survey') as unknown as S;
  await settle(el);
  return { el, errors, submitted };
}

/** The field (or fieldset) of the question whose label starts with `label`. */
export function field(el: Element, label: string): HTMLElement {
  const found = [...shadow(el).querySelectorAll<HTMLElement>('[part~="field"]')].find((f) =>
    text(f.querySelector('.label, legend, .option.single')).startsWith(label),
  );
  if (!found) throw new Error(`no field "${label}"`);
  return found;
}

/** Types `value` into a question's input as one change (input and change events). */
export async function type(el: Survey, label: string, value: string, selector = 'input, textarea'): Promise<void> {
  const input = field(el, label).querySelector<HTMLInputElement>(selector)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Clicks the radio button or checkbox whose label is `option`. */
export async function pick(el: Survey, label: string, option: string): Promise<void> {
  const box = [...field(el, label).querySelectorAll('label.option')].find((l) => text(l) === option);
  if (!box) throw new Error(`no option "${option}" in "${label}"`);
  box.querySelector('input')!.click();
  await el.updateComplete;
}

export async function submit(el: Survey): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  await el.updateComplete;
  await frame();
}

/** Every answer given to `linkId`, wherever it is in the response. */
export function answersOf(response: QuestionnaireResponse, linkId: string): unknown[] {
  const found: unknown[] = [];
  const walk = (items: QuestionnaireResponse['item']) => {
    for (const item of items ?? []) {
      if (item.linkId === linkId) found.push(...(item.answer ?? []));
      walk(item.item);
      for (const answer of item.answer ?? []) walk(answer.item);
    }
  };
  walk(response.item);
  return found;
}
