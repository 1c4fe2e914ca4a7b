import { css } from 'lit';

/**
 * Styles of the booking steps (details, review, confirmation), loaded with them: the calendar's first download does
 * not carry them. They read the same private custom properties as the picker's own styles.
 */
export const bookingStyles = css`
  .step,
  form {
    display: grid;
    gap: var(--_sp-gap);
    max-inline-size: 40em;
  }
  .group {
    display: grid;
    gap: var(--_sp-gap);
    padding: 0.75em var(--_fd-space);
    border: 1px solid var(--_fd-color-divider);
    border-radius: var(--_sp-radius);
  }
  .group legend {
    padding-inline: 0.25em;
  }
  .choices .choice {
    display: flex;
  }
  input:not([type='radio'], [type='checkbox']),
  textarea {
    inline-size: 100%;
  }
  .notice.error {
    border-color: var(--_fd-color-danger);
  }
  .success {
    color: var(--_fd-color-success);
  }
  .summary-list {
    display: grid;
    gap: 0.5em;
    margin: 0;
  }
  .summary-list div {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
    gap: 0 1em;
  }
  .summary-list dt {
    font-weight: 600;
  }
  .summary-list dd {
    margin: 0;
  }
  .summary-list.compact {
    padding: 0.75em;
    border-radius: var(--_sp-radius);
    background: var(--_fd-color-surface-alt);
  }
  .error-summary {
    padding: 0.75em var(--_fd-space);
    border: 2px solid var(--_fd-color-danger);
    border-radius: var(--_sp-radius);
  }
  .error-summary ul {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .field-error {
    margin: 0;
    color: var(--_fd-color-danger);
    font-weight: 600;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_fd-color-danger);
    text-decoration: underline;
    text-align: start;
    cursor: pointer;
  }
  .instructions {
    margin: 0;
    white-space: pre-line;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .notice {
    padding: 0.75em var(--_fd-space);
    border: 1px solid var(--_fd-color-warning);
    border-inline-start-width: 6px;
    border-radius: var(--_sp-radius);
  }
  .notice p {
    margin: 0.25em 0 0;
  }
  .notice-title {
    font-weight: 600;
  }
`;
