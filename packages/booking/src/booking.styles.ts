import { css } from 'lit';

/**
 * fd-booking's styles: `--fd-booking-*` fall back to the shared tokens. Sized in em with a 16 px floor and laid out
 * with logical properties and wrapping flex rows, so it reads at 320 px and at 200% zoom and mirrors right to left.
 */
export const bookingStyles = css`
  :host {
    display: block;
    --_bk-gap: var(--fd-booking-gap, var(--_fd-space));
    --_bk-border: var(--fd-booking-border, var(--_fd-color-divider));
  }
  .fd-root {
    display: grid;
    gap: var(--_bk-gap);
    font-size: max(16px, var(--_fd-font-size));
  }
  .heading {
    font-size: 1.3em;
    font-weight: 600;
    line-height: 1.3;
  }
  h3 {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  .visit {
    display: grid;
    gap: 0.5em;
    margin: 0;
    padding: var(--_bk-gap);
    border: 1px solid var(--_bk-border);
    border-radius: var(--_fd-radius);
  }
  .visit > div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.75em;
  }
  .visit dt {
    font-weight: 600;
    min-inline-size: 7em;
  }
  .visit dd {
    margin: 0;
    flex: 1 1 12em;
    unicode-bidi: plaintext;
  }
  .visit.cancelled dd {
    text-decoration: line-through;
  }
  .status {
    font-weight: 600;
  }
  .step {
    display: grid;
    gap: var(--_bk-gap);
    padding-block-start: var(--_bk-gap);
    border-block-start: 1px solid var(--_bk-border);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .field {
    display: grid;
    gap: 0.35em;
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--_fd-color-muted);
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    font: inherit;
  }
  .field-error {
    color: var(--_fd-color-danger);
    font-weight: 600;
  }
  .fd-button.danger {
    border-color: var(--_fd-color-danger);
    background: var(--_fd-color-danger);
  }
  .notice {
    padding: var(--_bk-gap);
    border: 2px solid var(--_bk-border);
    border-radius: var(--_fd-radius);
  }
  .notice.success {
    border-color: var(--_fd-color-success);
  }
  .notice.problem {
    border-color: var(--_fd-color-danger);
  }
  .notice-title {
    font-weight: 600;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_fd-color-focus);
    outline-offset: 2px;
  }
`;
