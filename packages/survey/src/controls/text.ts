import type { SurveyNode } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { answerText, unitLabel } from '../layout.js';
import type { Control, ControlActions } from './control.js';

const INPUT_TYPES: Record<string, string> = {
  integer: 'number',
  decimal: 'number',
  quantity: 'number',
  date: 'date',
  dateTime: 'datetime-local',
  time: 'time',
  url: 'url',
};

/** The native input type and bounds for a question's type. */
function inputAttributes(node: SurveyNode) {
  const type = INPUT_TYPES[node.type] ?? 'text';
  const bound = (b: number | string | undefined) =>
    b === undefined ? nothing : node.type === 'time' && typeof b === 'string' ? b.slice(0, 5) : String(b);
  const dated = node.type === 'dateTime';
  return {
    type,
    min: dated ? nothing : bound(node.min),
    max: dated ? nothing : bound(node.max),
    step: node.type === 'integer' ? '1' : type === 'number' ? String(node.step ?? 'any') : nothing,
  };
}

/** What the field shows: text the patient typed that is not yet a valid answer, else the answer. */
const shownText = (node: SurveyNode) => node.invalidText[0] ?? (node.answers[0] ? answerText(node.answers[0]) : '');

/** A text area (the `text-area` control, and `text` questions). */
export function renderTextarea(actions: ControlActions, { node, id, describedBy, invalid }: Control): TemplateResult {
  return html`<textarea class="input" part="input" id=${id} rows="4" .value=${live(shownText(node))}
    maxlength=${node.maxLength ?? nothing} placeholder=${node.entryFormat ?? nothing} ?readonly=${node.readOnly}
    aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
    @input=${(e: Event) => actions.typeText(node, e)} @change=${() => actions.touch(node)}></textarea>`;
}

/** A native input for the question's type; a quantity with several units gets a unit drop-down beside it. */
export function renderInput(actions: ControlActions, { node, id, describedBy, invalid }: Control): TemplateResult {
  const a = inputAttributes(node);
  const input = html`<input class="input" part="input" id=${id} type=${a.type} min=${a.min} max=${a.max}
    step=${a.step} .value=${live(shownText(node))} maxlength=${node.maxLength ?? nothing}
    placeholder=${node.entryFormat ?? nothing} ?readonly=${node.readOnly}
    aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
    @input=${(e: Event) => actions.typeText(node, e)} @change=${() => actions.touch(node)} />`;
  if (node.type !== 'quantity' || node.units.length === 0) return input;
  if (node.units.length === 1) {
    return html`<span class="quantity">${input}<span class="unit">${unitLabel(node.units[0]!)}</span></span>`;
  }
  const answer = node.answers[0];
  const current = answer && 'valueQuantity' in answer ? answer.valueQuantity : undefined;
  const selected = (u: (typeof node.units)[number], i: number) =>
    current ? current.code === u.code && current.unit === unitLabel(u) : i === 0;
  return html`<span class="quantity">${input}
    <select class="input unit" part="input" id="${id}-u" aria-label=${actions.strings().unit}
      @change=${(e: Event) => actions.typeText(node, e)}>
      ${node.units.map((u, i) => html`<option value=${i} .selected=${live(selected(u, i))}>${unitLabel(u)}</option>`)}
    </select></span>`;
}

/** A question that repeats (`repeats` on a text or number question): one input per answer, add and remove. */
export function renderRepeatedInputs(actions: ControlActions, control: Control): TemplateResult {
  const { node, id, describedBy, invalid } = control;
  const t = actions.strings();
  const a = inputAttributes(node);
  const texts = [...node.answers.map(answerText), ...node.invalidText];
  const count = Math.max(1, texts.length + actions.extraEntries(node));
  const slots = Array.from({ length: count }, (_, i) => texts[i] ?? '');
  return html`<div class="entries" data-entries=${node.key}>
      ${slots.map(
        (text, i) => html`<div class="entry">
          <input class="input" part="input" id=${i === 0 ? id : `${id}-${i}`} data-entry type=${a.type} min=${a.min}
            max=${a.max} step=${a.step} .value=${live(text)} aria-label="${t.entry} ${i + 1}"
            maxlength=${node.maxLength ?? nothing} ?readonly=${node.readOnly}
            aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
            @input=${(e: Event) => actions.typeText(node, e)} @change=${() => actions.touch(node)} />
          ${
            count > 1
              ? html`<button class="fd-button secondary" part="remove-button" type="button"
                  @click=${() => actions.removeEntry(node, i)}>${t.removeAnswer(i + 1)}</button>`
              : nothing
          }
        </div>`,
      )}
    </div>
    <button class="fd-button secondary add" part="add-button" type="button" @click=${() => actions.addEntry(node)}>
      ${t.addAnswer}
    </button>`;
}
