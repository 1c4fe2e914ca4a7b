import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Control, EngineActions } from './control.js';
import { answerText, inputAttributes } from './text.js';

/** A question that repeats (`repeats` on a text or number question): one input per answer, add and remove. */
export function renderRepeatedInputs(actions: EngineActions, control: Control): TemplateResult {
  const { node, id, describedBy, invalid } = control;
  const t = actions.words();
  const entry = actions.strings().entry;
  const a = inputAttributes(node);
  const texts = [...node.answers.map(answerText), ...node.invalidText];
  const count = Math.max(1, texts.length + actions.extraEntries(node));
  const slots = Array.from({ length: count }, (_, i) => texts[i] ?? '');
  return html`<div class="entries" data-entries=${node.key}>
      ${slots.map(
        (text, i) => html`<div class="entry">
          <input class="input" part="input" id=${i === 0 ? id : `${id}-${i}`} data-entry type=${a.type} min=${a.min}
            max=${a.max} step=${a.step} .value=${live(text)} aria-label="${entry} ${i + 1}"
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
