import type { SurveyProblem } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { EngineStrings } from './engine-strings.js';
import type { SurveyStrings } from './strings.js';

// What the engine's form (engine-form.ts) says about the Questionnaire itself: that it cannot be shown, or which of
// its parts could not be, with the problems behind a disclosure for the developer. A simple form has no problems.

/** Problems already shown in place (an item's "not supported here" line), so not listed again at the top. */
const SHOWN_IN_PLACE = new Set(['unsupported-item', 'value-set-unresolved', 'initial-answer-dropped']);

/** A Questionnaire that cannot be rendered at all, with its problems for the developer. */
export function renderInvalid(
  t: SurveyStrings,
  words: EngineStrings,
  problems: readonly SurveyProblem[],
): TemplateResult {
  return html`<div class="fd-state error" part="error" role="alert">
    <p class="fd-state-title">${t.setupTitle}</p>
    <p>${words.setupHint}</p>
    <ul class="problems">${problems.map((p) => html`<li>${p.message}</li>`)}</ul>
  </div>`;
}

/** The Questionnaire's problems that are not shown in place, behind a disclosure for the developer. */
export function renderProblems(t: EngineStrings, problems: readonly SurveyProblem[]): unknown {
  const listed = problems.filter((p) => !SHOWN_IN_PLACE.has(p.code));
  if (listed.length === 0) return nothing;
  return html`<div class="problems-notice" part="problems">
    <p>${t.problemsTitle}</p>
    <details>
      <summary>${t.technicalDetails}</summary>
      <ul class="problems">${listed.map((p) => html`<li>${p.message}</li>`)}</ul>
    </details>
  </div>`;
}
