import type { SurveyAnswer } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Control } from './control.js';
import { answerText } from './text.js';

/** A worked-out answer as the patient reads it: numbers in their language, a quantity with its unit. */
export function outputText(answer: SurveyAnswer | undefined, lang: string): string | undefined {
  if (!answer) return undefined;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  if ('valueInteger' in answer) return number.format(answer.valueInteger);
  if ('valueDecimal' in answer) return number.format(answer.valueDecimal);
  if ('valueQuantity' in answer) {
    const { value, unit } = answer.valueQuantity;
    return unit ? `${number.format(value)} ${unit}` : number.format(value);
  }
  return answerText(answer);
}

/**
 * A calculated item (a total, a BMI): read-only, the value shown in an `<output>` labelled by the question. It is not
 * a live region, so a screen reader is not interrupted on every keystroke; the form announces new values once the
 * patient pauses.
 */
export function renderOutput(
  control: Control,
  value: string | undefined,
  pending: string,
  note: string,
): TemplateResult {
  const { node, id, describedBy } = control;
  const noteId = node.help ? undefined : `${id}-n`;
  return html`<output class="output" part="output" id=${id} aria-live="off"
      aria-describedby=${[describedBy, noteId].filter(Boolean).join(' ') || nothing}>${value ?? pending}</output>
    ${noteId ? html`<p class="help" id=${noteId} part="help">${note}</p>` : nothing}`;
}
