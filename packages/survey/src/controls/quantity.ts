import type { FhirCoding, SurveyAnswer } from '@frontdesk/core';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, EngineActions } from './control.js';
import { renderInput } from './text.js';

export function unitLabel(unit: FhirCoding): string {
  return unit.display ?? unit.code ?? '';
}

/** A quantity answer from typed text and the chosen unit; undefined when the text is not a number. */
export function quantityAnswer(text: string, unit: FhirCoding | undefined): SurveyAnswer | undefined {
  const s = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const value: { value: number; unit?: string; system?: string; code?: string } = { value: Number(s) };
  if (unit) {
    const label = unitLabel(unit);
    if (label) value.unit = label;
    if (unit.system) value.system = unit.system;
    if (unit.code) value.code = unit.code;
  }
  return { valueQuantity: value };
}

/** A number with its unit: the one unit beside it, or a unit drop-down when several are allowed. */
export function renderQuantity(actions: EngineActions, control: Control): TemplateResult {
  const { node, id } = control;
  const input = renderInput(actions, control);
  if (node.units.length === 0) return input;
  if (node.units.length === 1) {
    return html`<span class="quantity">${input}<span class="unit">${unitLabel(node.units[0]!)}</span></span>`;
  }
  const answer = node.answers[0];
  const current = answer && 'valueQuantity' in answer ? answer.valueQuantity : undefined;
  const selected = (u: FhirCoding, i: number) =>
    current ? current.code === u.code && current.unit === unitLabel(u) : i === 0;
  return html`<span class="quantity">${input}
    <select class="input unit" part="input" id="${id}-u" aria-label=${actions.words().unit}
      @change=${(e: Event) => actions.typeText(node, e)}>
      ${node.units.map((u, i) => html`<option value=${i} .selected=${live(selected(u, i))}>${unitLabel(u)}</option>`)}
    </select></span>`;
}
