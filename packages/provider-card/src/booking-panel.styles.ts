import { css } from 'lit';

/** The slot picker a card or a location opens: below it (a full row in a list), or in a modal dialog. */
export const bookingPanelStyles = css`
  .booking {
    display: grid;
    gap: 0.5em;
    margin-top: var(--_fd-space);
  }
  .booking-title {
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }
  .booking:focus-visible,
  .booking-dialog:focus-visible {
    outline-offset: 4px;
  }
  .booking-dialog {
    box-sizing: border-box;
    width: min(calc(100vw - 1rem), 48em);
    max-height: calc(100dvh - 1rem);
    padding: var(--_fd-space);
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_fd-radius);
    background: var(--_fd-color-surface);
    color: var(--_fd-color-text);
    box-shadow: var(--_fd-shadow);
    overflow: auto;
  }
  .booking-dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .booking-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin-bottom: 0.75em;
  }
`;
