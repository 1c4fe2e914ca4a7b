import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, ControlActions } from './control.js';
import { isChosen, isScale } from './options.js';

/** The words at the two ends of a scale ("Not at all likely" ... "Extremely likely"), tied to it by its id. */
export function renderEnds(id: string, lower: string | undefined, upper: string | undefined): unknown {
  if (lower === undefined && upper === undefined) return nothing;
  return html`<div class="ends" id="${id}-s" part="scale-labels">
    <span>${lower ?? ''}</span> <span>${upper ?? ''}</span>
  </div>`;
}

/**
 * Radio buttons or checkboxes: a column, a row, or a scale of numbered boxes that wraps on a phone (a slider of at
 * most eleven positions such as NPS, or a horizontal list of seven or more). Nothing is chosen until the patient
 * chooses; the chosen box is marked by its filled radio button, a thick border and bold text, not by colour alone.
 */
export function renderChoices(actions: ControlActions, control: Control): TemplateResult {
  const { node, id, invalid, options } = control;
  const multiple = node.control === 'check-box';
  const horizontal = isScale(node) || node.orientation === 'horizontal';
  const scale = horizontal && options.length >= 7 && options.length <= 12;
  const layout = scale ? `scale half-${Math.ceil(options.length / 2)}` : horizontal ? 'horizontal' : 'vertical';
  return html`<div class="options ${layout}" part="options">
      ${options.map(
        (option, i) => html`<label class="option" part="option">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            id=${i === 0 ? id : `${id}-${i}`}
            name=${id}
            value=${option.id}
            .checked=${live(isChosen(node, option))}
            ?disabled=${node.readOnly}
            aria-invalid=${invalid ? 'true' : nothing}
            @change=${(e: Event) => actions.choose(node, option, (e.target as HTMLInputElement).checked)}
          /><span>${option.prefix ? html`<span class="prefix">${option.prefix}</span> ` : nothing}${option.label}</span>
        </label>`,
      )}
    </div>
    ${renderEnds(id, node.lowerLabel, node.upperLabel)}`;
}

/** A yes/no question shown as one checkbox (the `check-box` control on a boolean). */
export function renderCheckbox(actions: ControlActions, { node, id, describedBy, invalid }: Control): TemplateResult {
  const checked = node.answers.some((a) => 'valueBoolean' in a && a.valueBoolean);
  return html`<label class="option single" part="option">
    <input type="checkbox" id=${id} .checked=${live(checked)} ?disabled=${node.readOnly}
      aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
      @change=${(e: Event) => actions.setAnswer(node, [{ valueBoolean: (e.target as HTMLInputElement).checked }])} />
    <span>${actions.label(node)}</span>
  </label>`;
}
