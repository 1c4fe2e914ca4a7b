import { css } from 'lit';

/** The time-zone menu's styles, adopted when its code arrives (menu-controller.ts); a closed menu is `hidden`. */
export const menuStyles = css`
  .menu {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 10;
    display: grid;
    min-inline-size: min(18em, calc(100vw - 1rem));
    max-inline-size: calc(100vw - 1rem);
    padding: 0.25em;
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_sp-radius);
    background: var(--_fd-color-surface);
    box-shadow: var(--_fd-shadow);
  }
  .menu[hidden] {
    display: none;
  }
  .menu:not([data-placed]) {
    visibility: hidden;
  }
  .menu-item {
    font: inherit;
    color: inherit;
    cursor: pointer;
    unicode-bidi: plaintext;
    min-block-size: max(44px, 2.75em);
    padding: 0.4em 0.75em 0.4em 2em;
    border: 0;
    border-radius: calc(var(--_sp-radius) / 2);
    background: transparent;
    text-align: start;
    position: relative;
  }
  .menu-item[aria-checked='true']::before {
    content: '✓';
    position: absolute;
    inset-inline-start: 0.6em;
  }
  .menu-item:hover,
  .menu-item:focus-visible {
    background: var(--_fd-color-surface-alt);
  }
`;
