import { css } from 'lit';

/**
 * Public `--fd-survey-*` properties fall back to the global tokens (through their private `--_fd-*` copies); the
 * rules below read only the private `--_fd-sv-*` names. Logical properties only, so RTL pages lay out correctly.
 */
export const surveyStyles = css`
  :host {
    --_fd-sv-accent: var(--fd-survey-accent, var(--_fd-color-accent));
    --_fd-field-accent: var(--_fd-sv-accent);
    --_fd-sv-border: var(--fd-survey-border, var(--_fd-color-divider));
    --_fd-sv-gap: var(--fd-survey-gap, var(--_fd-space));
    --_fd-sv-error: var(--fd-survey-error, var(--_fd-color-danger));
    --_fd-sv-option-size: var(--fd-survey-option-size, 2.75em);
  }
  .fd-root {
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
  .page-title,
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
  .slider-value,
  .ends,
  .sending {
    color: var(--_fd-color-muted);
    font-weight: 400;
    font-size: 0.95em;
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
  .scale .option {
    flex-direction: column;
    justify-content: center;
    gap: 0.15em;
    min-width: var(--_fd-sv-option-size);
    padding: 0.25em;
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_fd-radius);
    text-align: center;
  }
  .scale .option:has(:checked) {
    border-color: var(--_fd-sv-accent);
    box-shadow: inset 0 0 0 1px var(--_fd-sv-accent);
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
  select[multiple].input {
    min-height: 6em;
  }
  [aria-invalid='true'].input,
  [aria-invalid='true'].range {
    border-color: var(--_fd-sv-error);
    outline: 1px solid var(--_fd-sv-error);
  }
  .quantity,
  .entry {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .quantity .input {
    flex: 1 1 8em;
  }
  .quantity .unit {
    flex: 0 1 auto;
    width: auto;
  }
  .entries {
    display: grid;
    gap: 0.5em;
  }
  .entry .input {
    flex: 1 1 12em;
  }
  .range {
    width: 100%;
    min-height: 44px;
    margin: 0;
    accent-color: var(--_fd-sv-accent);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1em;
  }
  .ends span:last-child {
    text-align: end;
  }
  .other {
    margin-block-start: 0.25em;
  }
  .add,
  .group > .fd-button {
    justify-self: start;
  }
  .error {
    color: var(--_fd-sv-error);
    font-weight: 600;
  }
  .unsupported {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_fd-color-warning);
    background: var(--_fd-color-surface-alt);
  }
  .summary,
  .failed,
  .problems-notice {
    display: grid;
    gap: 0.5em;
    padding: var(--_fd-sv-gap);
    border: 2px solid var(--_fd-sv-error);
    border-radius: var(--_fd-radius);
  }
  .problems-notice {
    border-color: var(--_fd-color-warning);
  }
  .summary-title {
    font-weight: 700;
    color: var(--_fd-sv-error);
  }
  .summary ul,
  .problems {
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
  .progress {
    display: grid;
    gap: 0.25em;
    color: var(--_fd-color-muted);
  }
  progress {
    width: 100%;
    height: 0.5em;
    accent-color: var(--_fd-sv-accent);
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
