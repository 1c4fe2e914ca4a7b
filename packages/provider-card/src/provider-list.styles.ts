import { css } from 'lit';

/**
 * Native controls styled from the tokens; the grid reflows from one column at 320 px to as many as fit. Below 40em of
 * the list's own width the filters fold behind a button, so the first cards show on a phone's first screen.
 */
export const listStyles = css`
  .fd-root {
    container-type: inline-size;
  }
  .filter-toggle {
    display: none;
  }
  .filter-toggle .on {
    margin-inline-start: 0.3em;
    font-weight: 400;
  }
  @container (max-width: 40em) {
    .filter-toggle {
      display: inline-flex;
    }
    /* Folded with the filters: the sort order (the button shows both). */
    form:not(.shown),
    .fd-root:not(:has(form.shown)) .sort {
      display: none;
    }
    form.shown {
      margin-top: 0.75em;
    }
    .bar {
      margin-block: 0.5em 0.75em;
    }
  }
  .grid:focus-visible {
    outline-offset: 4px;
  }
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
    flex: 1 1 11em;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .grow {
    flex-basis: 16em;
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
    flex: 0 1 14em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--fd-provider-card-min-width, 18em)), 1fr));
    gap: var(--_fd-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid > li {
    display: flex;
  }
  /* A card whose slot picker is open takes the whole row: times are never squeezed into one narrow column. */
  .grid > li:has(> fd-provider-card[booking-open]) {
    grid-column: 1 / -1;
  }
  fd-provider-card {
    flex: 1;
  }
  .clear {
    margin-top: 0.75em;
  }
`;
