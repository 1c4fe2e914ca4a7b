import { css } from 'lit';

/**
 * Public `--fd-cost-estimate-*` properties fall back to the global `--fd-*` tokens (through their private
 * `--_fd-*` copies); the rules below read only the private `--_fd-ce-*` names.
 */
export const costEstimateStyles = css`
  :host {
    --_fd-ce-accent: var(--fd-cost-estimate-accent, var(--_fd-color-accent));
    --_fd-field-accent: var(--_fd-ce-accent);
    --_fd-ce-total-size: var(--fd-cost-estimate-total-size, 2.25em);
    --_fd-ce-total-color: var(--fd-cost-estimate-total-color, var(--_fd-color-text));
    --_fd-ce-border: var(--fd-cost-estimate-border, var(--_fd-color-divider));
    --_fd-ce-notice-background: var(--fd-cost-estimate-notice-background, var(--_fd-color-surface-alt));
    --_fd-ce-gap: var(--fd-cost-estimate-gap, var(--_fd-space));
  }
  .fd-root {
    display: grid;
    gap: var(--_fd-ce-gap);
    padding: var(--_fd-ce-gap);
    border: 1px solid var(--_fd-ce-border);
    border-radius: var(--_fd-radius);
  }
  .heading {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  .service {
    margin: 0.15em 0 0;
    color: var(--_fd-color-muted);
  }
  p,
  ul {
    margin: 0;
  }
  form,
  .result {
    display: grid;
    gap: var(--_fd-ce-gap);
  }
  fieldset {
    display: grid;
    gap: calc(var(--_fd-ce-gap) * 0.75);
    min-width: 0;
    margin: 0;
    padding: calc(var(--_fd-ce-gap) * 0.75);
    border: 1px solid var(--_fd-ce-border);
    border-radius: var(--_fd-radius);
  }
  legend {
    padding-inline: 0.25em;
    font-weight: 600;
  }
  .choice,
  .check {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: 44px;
    cursor: pointer;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label {
    font-weight: 600;
  }
  .help,
  .hint {
    font-size: 0.9em;
    color: var(--_fd-color-muted);
  }
  input[type='text'],
  select {
    width: 100%;
    max-width: 20em;
  }
  .field-error {
    color: var(--_fd-color-danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .total-block {
    display: grid;
    gap: 0.15em;
  }
  .total-label {
    display: block;
    font-weight: 600;
  }
  .total {
    display: block;
    font-size: var(--_fd-ce-total-size);
    font-weight: 700;
    line-height: 1.15;
    color: var(--_fd-ce-total-color);
  }
  .networks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 0;
    list-style: none;
  }
  .networks li {
    display: grid;
    flex: 1 1 12em;
    gap: 0.1em;
    padding: 0.6em 0.8em;
    border: 1px solid var(--_fd-ce-border);
    border-radius: var(--_fd-radius);
  }
  .networks li.current {
    border: 2px solid var(--_fd-ce-accent);
  }
  .networks strong {
    font-size: 1.25em;
  }
  .badge {
    font-weight: 600;
    color: var(--_fd-ce-accent);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    padding-block-end: 0.4em;
    font-weight: 600;
    text-align: start;
  }
  th,
  td {
    overflow-wrap: normal;
    padding: 0.4em 0.3em;
    border-block-end: 1px solid var(--_fd-ce-border);
    vertical-align: top;
  }
  th[scope='row'],
  thead th:first-child {
    font-weight: 400;
    text-align: start;
  }
  thead th,
  td {
    text-align: end;
  }
  td {
    white-space: nowrap;
  }
  thead th {
    font-weight: 600;
  }
  tr.sum th,
  tr.sum td {
    font-weight: 700;
    border-block-end-width: 2px;
  }
  .notice {
    padding: 0.75em;
    border-inline-start: 4px solid var(--_fd-color-warning);
    border-radius: var(--_fd-radius);
    background: var(--_fd-ce-notice-background);
  }
  .notes,
  .assumptions ul {
    display: grid;
    gap: 0.3em;
    padding-inline-start: 1.25em;
  }
  .assumptions {
    display: grid;
    gap: 0.3em;
  }
  .assumptions-title {
    font-weight: 600;
  }
  a {
    color: var(--_fd-ce-accent);
    font-weight: 600;
  }
`;
