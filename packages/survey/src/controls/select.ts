import type { SurveyAnswer } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, EngineActions } from './control.js';
import { isChosen } from './options.js';
import { freeTextOf, renderOther } from './other.js';

/** A drop-down (the `drop-down` control), a list box when the question takes several answers. */
export function renderSelect(actions: EngineActions, control: Control): TemplateResult {
  const { node, id, describedBy, invalid, options } = control;
  const t = actions.words();
  const onChange = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const chosen = [...select.selectedOptions].map((o) => options.find((opt) => opt.id === o.value)?.value);
    const freeText = node.allowsFreeText ? freeTextOf(node) : '';
    const free = freeText ? [{ valueString: freeText }] : [];
    actions.setAnswer(node, [...(chosen.filter(Boolean) as SurveyAnswer[]), ...free]);
  };
  return html`<select class="input" part="input" id=${id} ?multiple=${node.repeats} ?disabled=${node.readOnly}
      aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing} @change=${onChange}>
      ${node.repeats ? nothing : html`<option value="" .selected=${live(node.answers.length === 0)}>${t.choose}</option>`}
      ${options.map(
        (o) =>
          html`<option value=${o.id} .selected=${live(isChosen(node, o))}>${o.prefix ? `${o.prefix} ` : ''}${o.label}</option>`,
      )}
    </select>
    ${renderOther(actions, control)}`;
}
