import type { SurveyAnswer, SurveyNode } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
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
export function inputAttributes(node: SurveyNode) {
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

/** The text an input shows for an answer: what the patient would type to give it. */
export function answerText(answer: SurveyAnswer): string {
  if ('valueString' in answer) return answer.valueString;
  if ('valueUri' in answer) return answer.valueUri;
  if ('valueInteger' in answer) return String(answer.valueInteger);
  if ('valueDecimal' in answer) return String(answer.valueDecimal);
  if ('valueQuantity' in answer) return String(answer.valueQuantity.value);
  if ('valueDate' in answer) return answer.valueDate;
  // datetime-local and time inputs take wall-clock time without seconds or offset (the patient's own zone).
  if ('valueDateTime' in answer) return answer.valueDateTime.includes('T') ? answer.valueDateTime.slice(0, 16) : '';
  if ('valueTime' in answer) return answer.valueTime.endsWith(':00') ? answer.valueTime.slice(0, 5) : answer.valueTime;
  if ('valueBoolean' in answer) return String(answer.valueBoolean);
  if ('valueAttachment' in answer) return answer.valueAttachment.title ?? '';
  return answer.valueCoding.display ?? answer.valueCoding.code ?? '';
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

/** A native input for the question's type. */
export function renderInput(actions: ControlActions, { node, id, describedBy, invalid }: Control): TemplateResult {
  const a = inputAttributes(node);
  return html`<input class="input" part="input" id=${id} type=${a.type} min=${a.min} max=${a.max}
    step=${a.step} .value=${live(shownText(node))} maxlength=${node.maxLength ?? nothing}
    placeholder=${node.entryFormat ?? nothing} ?readonly=${node.readOnly}
    aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
    @input=${(e: Event) => actions.typeText(node, e)} @change=${() => actions.touch(node)} />`;
}
