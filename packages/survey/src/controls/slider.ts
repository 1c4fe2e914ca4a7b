import { surveyAnswersEqual } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, EngineActions } from './control.js';

/** What a screen reader says for a slider position: the number, with the end label when the thumb is at an end. */
export function sliderValueText(value: number, min: number, max: number, lower?: string, upper?: string): string {
  const label = value === min ? lower : value === max ? upper : undefined;
  const n = String(value);
  if (!label) return n;
  return label.startsWith(n) ? label : `${n}, ${label}`;
}

/** Keys that move a slider: the first of them on an unanswered slider picks an end instead of moving from a middle. */
const TO_END: Record<string, 'min' | 'max'> = {
  ArrowLeft: 'min',
  ArrowDown: 'min',
  ArrowRight: 'min',
  ArrowUp: 'min',
  Home: 'min',
  PageDown: 'min',
  End: 'max',
  PageUp: 'max',
};

/**
 * A slider over a long number range or over many options (shorter ones are a row of choices), saying its value in
 * words (`aria-valuetext`) and in large text. Until the patient answers it has no thumb and no value: nothing
 * suggests an answer. A tap anywhere on it, the thumb included, answers; so does the first arrow key (at the start).
 */
export function renderSlider(actions: EngineActions, { node, id, describedBy, invalid }: Control): TemplateResult {
  const t = actions.words();
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
  const choose = (n: number) => {
    if (byOption) actions.choose(node, options[n]!, true);
    else actions.setAnswerText(node, String(n));
  };
  const onInput = (event: Event) => choose(Number((event.target as HTMLInputElement).value));
  const onKey = (event: KeyboardEvent) => {
    const end = TO_END[event.key];
    if (answered || !end) return;
    event.preventDefault();
    choose(end === 'min' ? min : max);
  };
  // A tap that does not move the thumb fires no input event: it still answers.
  const onClick = (event: Event) => {
    if (!answered) onInput(event);
  };
  return html`<div class="slider">
    <input class="range ${answered ? '' : 'unset'}" part="input" type="range" id=${id} min=${min} max=${max}
      step=${step} .value=${live(String(answered ? value : min))} aria-valuetext=${text} ?disabled=${node.readOnly}
      aria-describedby=${[describedBy, `${id}-s`].filter(Boolean).join(' ')} aria-invalid=${invalid ? 'true' : nothing}
      @input=${onInput} @change=${onInput} @keydown=${onKey} @click=${onClick} />
    <div class="ends" id="${id}-s" part="scale-labels"><span>${lower}</span> <span>${upper}</span></div>
    <p class="slider-value" aria-hidden="true">${text}</p>
  </div>`;
}
