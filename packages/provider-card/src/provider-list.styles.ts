import { css } from 'lit';

/** Native controls styled from the tokens; the grid reflows from one column at 320 px to as many as fit. */
export const listStyles = css`
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1em;
    min-inline-size: 0;
    margin: 0;
    padding: 0.5em var(--_fd-space) var(--_fd-space);
    border: 1px solid var(--_fd-color-divider);
    border-radius: var(--_fd-radius);
  }
  legend {
    padding-inline: 0.25em;
    font-weight: 600;
  }
  .field {
    display: flex;
    flex: 1 1 11rem;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .grow {
    flex-basis: 16rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
  }
  input,
  select {
    max-width: 100%;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin-block: var(--_fd-space);
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  .sort {
    flex: 0 1 14rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--fd-provider-card-min-width, 18rem)), 1fr));
    gap: var(--_fd-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid > li {
    display: flex;
  }
  fd-provider-card {
    flex: 1;
  }
  .clear {
    margin-top: 0.75em;
  }
`;
