import { css } from 'lit';

/**
 * Public `--fd-survey-*` properties fall back to the global tokens (through their private `--_fd-*` copies); the
 * rules below read only the private `--_fd-sv-*` names. Logical properties only, so RTL pages lay out correctly.
 *
 * Text is never smaller than the patient's own default size (16 px unless they chose larger), whatever the host page
 * does to its root font size (`html { font-size: 62.5% }` makes `1rem` 10 px): the host element takes `medium`, the
 * browser's default, and the base size is the larger of `--fd-font-size` and that. Only secondary text (the
 * "sending" note) is smaller, and never under 14 px. Radio buttons and checkboxes are at least 24 px.
 */
export const surveyStyles = css`
  :host {
    font-size: medium;
    --_fd-sv-accent: var(--fd-survey-accent, var(--_fd-color-accent));
    --_fd-field-accent: var(--_fd-sv-accent);
    --_fd-sv-border: var(--fd-survey-border, var(--_fd-color-divider));
    --_fd-sv-gap: var(--fd-survey-gap, var(--_fd-space));
    --_fd-sv-error: var(--fd-survey-error, var(--_fd-color-danger));
    --_fd-sv-option-size: var(--fd-survey-option-size, 2.75em);
  }
  .fd-root {
    font-size: max(var(--_fd-font-size), 1em, 16px);
    padding: var(--_fd-sv-gap);
    border: 1px solid var(--_fd-sv-border);
    border-radius: var(--_fd-radius);
  }
  form,
  .items,
  .state {
    display: grid;
    gap: var(--_fd-sv-gap);
  }
  p {
    margin: 0;
  }
  .title {
    font-size: 1.3em;
    font-weight: 700;
    line-height: 1.25;
  }
  .state-title {
    font-size: 1.15em;
    font-weight: 700;
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .group {
    display: grid;
    gap: var(--_fd-sv-gap);
    padding: calc(var(--_fd-sv-gap) * 0.75);
    border: 1px solid var(--_fd-sv-border);
    border-radius: var(--_fd-radius);
  }
  .group-title {
    font-weight: 700;
  }
  legend {
    padding: 0;
  }
  .field {
    display: grid;
    gap: 0.35em;
  }
  .label {
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  .prefix {
    font-weight: 700;
  }
  .required,
  .help,
  .ends {
    color: var(--_fd-color-muted);
    font-weight: 400;
  }
  .sending {
    color: var(--_fd-color-muted);
    font-size: max(0.875em, 14px);
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .options.horizontal,
  .options.scale {
    flex-direction: row;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: 44px;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: max(24px, 1.5em);
    height: max(24px, 1.5em);
  }
  /* A scale (NPS 0 to 10) in one row, or two equal rows where it does not fit (a phone at 320 px). */
  .items {
    container-type: inline-size;
  }
  /* One row of equal boxes; in a narrow space, two rows of half the points (rounded up) each, read row by row. */
  .options.scale {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 0.375em;
  }
  @container (max-width: 36em) {
    .options.scale {
      grid-auto-flow: row;
      grid-template-columns: repeat(var(--_fd-sv-half), minmax(0, 1fr));
    }
  }
  .half-4 { --_fd-sv-half: 4; }
  .half-5 { --_fd-sv-half: 5; }
  .half-6 { --_fd-sv-half: 6; }
  .scale .option {
    flex-direction: column;
    justify-content: center;
    gap: 0.15em;
    min-width: 0;
    min-height: var(--_fd-sv-option-size);
    padding: 0.3em 0.1em;
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_fd-radius);
    text-align: center;
  }
  /* The chosen point: its filled radio button, a thick border and bold text, not colour alone. */
  .scale .option:has(:checked) {
    padding: calc(0.3em - 2px) calc(0.1em - 2px);
    border: 3px solid var(--_fd-sv-accent);
    background: var(--_fd-color-surface-alt);
    font-weight: 700;
  }
  .input,
  .text {
    width: 100%;
    max-width: 36em;
  }
  input[type='number'].input,
  input[type='date'].input,
  input[type='time'].input {
    max-width: 14em;
  }
  textarea.input {
    resize: vertical;
  }
  [aria-invalid='true'].input,
  [aria-invalid='true'].range {
    border-color: var(--_fd-sv-error);
    outline: 1px solid var(--_fd-sv-error);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1em;
  }
  .ends span:last-child {
    text-align: end;
  }
  .error {
    color: var(--_fd-sv-error);
    font-weight: 600;
  }
  .summary,
  .failed {
    display: grid;
    gap: 0.5em;
    padding: var(--_fd-sv-gap);
    border: 2px solid var(--_fd-sv-error);
    border-radius: var(--_fd-radius);
  }
  .summary-title {
    font-weight: 700;
    color: var(--_fd-sv-error);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .link {
    padding: 0.2em 0;
    border: 0;
    background: none;
    color: var(--_fd-color-accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .score {
    font-size: 1.1em;
    font-weight: 700;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  .state.queued {
    border-inline-start: 4px solid var(--_fd-color-warning);
    padding-inline-start: var(--_fd-sv-gap);
  }
  .state.thanks .state-title {
    color: var(--_fd-color-success);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_fd-color-focus);
  }
`;
