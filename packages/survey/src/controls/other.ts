import { type SurveyNode, surveyAnswersEqual } from '@frontdesk/core';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, EngineActions } from './control.js';

/** The open-choice answer that is not one of the options. */
export function freeTextOf(node: SurveyNode): string {
  const options = node.options;
  const free = node.answers.find((a) => 'valueString' in a && !options.some((o) => surveyAnswersEqual(o.value, a)));
  return free && 'valueString' in free ? free.valueString : '';
}

/** The "Other (please say)" box of an open choice. */
export function renderOther(actions: EngineActions, { node, id }: Control): unknown {
  if (!node.allowsFreeText) return nothing;
  return html`<label class="other" for="${id}-o">${actions.words().other}</label>
    <input class="text" part="input" id="${id}-o" type="text" .value=${live(freeTextOf(node))}
      ?readonly=${node.readOnly} @input=${(e: Event) => actions.typeFreeText(node, e)} />`;
}
