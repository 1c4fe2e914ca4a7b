import { surveyAnswersEqual } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { sliderValueText } from '../layout.js';
import type { Control, ControlActions } from './control.js';

/** A slider over a number range or over the options, saying its value in words (`aria-valuetext`). */
export function renderSlider(actions: ControlActions, { node, id, describedBy, invalid }: Control): TemplateResult {
  const t = actions.strings();
  const options = node.options;
  const byOption = options.length > 0;
  const min = byOption ? 0 : typeof node.min === 'number' ? node.min : 0;
  const max = byOption ? options.length - 1 : typeof node.max === 'number' ? node.max : 100;
  const step = byOption ? 1 : (node.step ?? 1);
  const answer = node.answers[0];
  let value: number | undefined;
  if (answer && byOption) value = options.findIndex((o) => surveyAnswersEqual(o.value, answer));
  else if (answer && 'valueInteger' in answer) value = answer.valueInteger;
  else if (answer && 'valueDecimal' in answer) value = answer.valueDecimal;
  const answered = value !== undefined && value >= 0;
  const lower = node.lowerLabel ?? (byOption ? options[0]?.label : String(min));
  const upper = node.upperLabel ?? (byOption ? options[options.length - 1]?.label : String(max));
  const text = !answered
    ? t.notAnswered
    : byOption
      ? (options[value!]?.label ?? '')
      : sliderValueText(value!, min, max, node.lowerLabel, node.upperLabel);
  const onInput = (event: Event) => {
    const n = Number((event.target as HTMLInputElement).value);
    if (byOption) actions.choose(node, options[n]!, true);
    else actions.setAnswerText(node, String(n));
  };
  return html`<div class="slider">
    <input class="range" part="input" type="range" id=${id} min=${min} max=${max} step=${step}
      .value=${live(String(answered ? value : (min + max) / 2))} aria-valuetext=${text} ?disabled=${node.readOnly}
      aria-describedby=${[describedBy, `${id}-s`].filter(Boolean).join(' ')} aria-invalid=${invalid ? 'true' : nothing}
      @input=${onInput} @change=${onInput} />
    <div class="ends" id="${id}-s" part="scale-labels"><span>${lower}</span> <span>${upper}</span></div>
    <p class="slider-value" aria-hidden="true">${text}</p>
  </div>`;
}
