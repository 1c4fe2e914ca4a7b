import { css } from 'lit';

/**
 * Styles of the engine's form (engine-form.ts), adopted into the element when the engine loads: pages and progress,
 * repeats, long sliders, quantities, notices, calculated outputs, the type-ahead and files. Same contract as
 * survey.styles.ts: only the private `--_fd-*` names, logical properties only.
 */
export const engineStyles = css`
  .page-title {
    font-size: 1.15em;
    font-weight: 700;
  }
  .problems-notice {
    display: grid;
    gap: 0.5em;
    padding: var(--_fd-sv-gap);
    border: 2px solid var(--_fd-color-warning);
    border-radius: var(--_fd-radius);
  }
  .problems {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .slider-value {
    font-weight: 700;
    font-size: 1.15em;
  }
  select[multiple].input {
    min-height: 6em;
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
    cursor: pointer;
  }
  /* No thumb until the patient answers: nothing on the track suggests an answer. */
  .range.unset::-webkit-slider-thumb {
    opacity: 0;
  }
  .range.unset::-moz-range-thumb {
    opacity: 0;
  }
  .other {
    margin-block-start: 0.25em;
  }
  .add,
  .group > .fd-button {
    justify-self: start;
  }
  .unsupported,
  .blocked {
    display: grid;
    gap: 0.35em;
    justify-items: start;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_fd-color-warning);
    background: var(--_fd-color-surface-alt);
  }
  .output {
    font-size: 1.25em;
    font-weight: 700;
  }
  .combo {
    position: relative;
    display: grid;
    gap: 0.35em;
  }
  .listbox {
    margin: 0;
    padding: 0.25em 0;
    list-style: none;
    max-height: 16em;
    overflow-y: auto;
    max-width: 36em;
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_fd-radius);
    background: var(--_fd-color-surface);
  }
  .suggestion {
    min-height: 44px;
    padding: 0.5em 0.75em;
    cursor: pointer;
  }
  .suggestion.active {
    outline: 3px solid var(--_fd-color-focus);
    outline-offset: -3px;
    background: var(--_fd-color-surface-alt);
    font-weight: 700;
  }
  .file {
    min-height: 44px;
    max-width: 36em;
    font: inherit;
  }
  .file-chosen {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
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
`;
