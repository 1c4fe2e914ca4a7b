import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, ControlActions } from './control.js';
import { freeTextOf, isChosen, optionsOf } from './options.js';

/** The words at the two ends of a scale ("Not at all likely" ... "Extremely likely"). */
export function renderEnds(id: string, lower: string | undefined, upper: string | undefined): unknown {
  if (lower === undefined && upper === undefined) return nothing;
  return html`<div class="ends" id="${id}-s" part="scale-labels">
    <span>${lower ?? ''}</span> <span>${upper ?? ''}</span>
  </div>`;
}

/** The "Other (please say)" box of an open choice. */
export function renderOther(actions: ControlActions, { node, id }: Control): unknown {
  if (!node.allowsFreeText) return nothing;
  return html`<label class="other" for="${id}-o">${actions.strings().other}</label>
    <input class="text" part="input" id="${id}-o" type="text" .value=${live(freeTextOf(node))}
      ?readonly=${node.readOnly} @input=${(e: Event) => actions.typeFreeText(node, e)} />`;
}

/** Radio buttons or checkboxes: a column, a row, or a scale of boxes (seven or more in a row, such as NPS). */
export function renderChoices(actions: ControlActions, control: Control): TemplateResult {
  const { node, id, invalid } = control;
  const options = optionsOf(node, actions.strings());
  const multiple = node.control === 'check-box';
  const scale = node.orientation === 'horizontal' && options.length >= 7;
  const layout = scale ? 'scale' : node.orientation === 'horizontal' ? 'horizontal' : 'vertical';
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
          /><span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${renderEnds(id, node.lowerLabel, node.upperLabel)} ${renderOther(actions, control)}`;
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
