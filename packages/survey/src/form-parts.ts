import type { SurveyFieldError } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { SurveyStrings } from './strings.js';

// The parts of <fd-survey>'s form that only show once the patient submits: the end states and the summary of errors.
// They come with the finish part (finish.ts); the form (form-view.ts) decides when each shows.

export interface EndState {
  part: 'thanks' | 'queued';
  title: string;
  text: string;
  /** Heading level of the title. */
  level: number;
  score: unknown;
  /** Shown as "Try sending now" while the answers wait in the outbox. */
  retry: (() => void) | undefined;
}

/** The thank-you state, or the "your answers will be sent" state of a queued submission. */
export function renderEndState(state: EndState, t: SurveyStrings): TemplateResult {
  return html`<section class="state ${state.part}" part=${state.part} aria-labelledby="state-title">
    <div id="state-title" class="state-title" role="heading" aria-level=${state.level} tabindex="-1">
      ${state.title}
    </div>
    <p>${state.text}</p>
    ${state.score}
    ${
      state.retry
        ? html`<button class="fd-button secondary" part="retry-button" type="button" @click=${state.retry}>
          ${t.retryNow}
        </button>`
        : nothing
    }
  </section>`;
}

export interface SummaryEntry {
  label: string;
  error: SurveyFieldError;
  /** Move focus to the question. */
  focus: () => void;
}

/** The summary of errors shown on submit: each a link to its question. */
export function renderErrorSummary(t: SurveyStrings, entries: readonly SummaryEntry[]): unknown {
  if (entries.length === 0) return nothing;
  return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
    <p id="summary-title" class="summary-title">${t.summaryTitle}</p>
    <p>${t.summaryIntro(entries.length)}</p>
    <ul>
      ${entries.map(
        ({ label, error, focus }) => html`<li>
          <button type="button" class="link" @click=${focus}>
            ${t.fieldError(label || t.entry, t.error(error.code, error.params))}
          </button>
        </li>`,
      )}
    </ul>
  </div>`;
}
