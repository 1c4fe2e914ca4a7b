import { css } from 'lit';

/**
 * fd-slot-picker's styles. Public `--fd-slot-picker-*` properties fall back to the shared tokens through the private
 * `--_fd-*` copies; everything is sized in em and laid out with logical properties, so it wraps at 320 px, scales
 * at 200% zoom and mirrors in right-to-left text.
 *
 * Reflow (WCAG 1.4.10): nothing may be wider than the space given, down to 288 px at a 16 px font and 230 px at 20 px.
 * The select is `inline-size: 100%`, not `max-inline-size`: a percentage maximum leaves its min-content at the longest
 * option, which pushed the whole picker past a phone's edge. The calendar is a size container; when it is narrower
 * than 19em the weekday heads (16 px like all text) switch to narrow names ("W"), so no word breaks mid-way.
 *
 * Text is never under 16 px, whatever the host's root font size (a theme's `html { font-size: 62.5% }` makes 1rem
 * 10 px): the widget's font size has a 16 px floor and every size inside is in `em` of it, so it still grows with the
 * patient's browser settings and zoom. Radio buttons and checkboxes are at least 24 px. The times panel is a size
 * container too: squeezed into a narrow column (a quarter of a list's row), the times take two even columns of the
 * width there is instead of one crushed column of 6.5em buttons.
 *
 * Comments live here, not in the CSS: Lit ships the template text as written. Times and zone names use
 * `unicode-bidi: plaintext` so "3:30 PM" keeps its order in a right-to-left page; the zone menu is placed with
 * physical `left`/`top` because floating-ui writes those whatever the writing direction.
 */
export const slotPickerStyles = css`
  :host {
    --_sp-accent: var(--fd-slot-picker-accent, var(--_fd-color-accent));
    --_sp-on-accent: var(--fd-slot-picker-on-accent, var(--_fd-color-on-accent));
    --_sp-available: var(--fd-slot-picker-available, var(--_fd-color-surface-alt));
    --_sp-day-size: var(--fd-slot-picker-day-size, 2.75em);
    --_sp-gap: var(--fd-slot-picker-gap, var(--_fd-space));
    --_sp-radius: var(--fd-slot-picker-radius, var(--_fd-radius));
    --_fd-field-accent: var(--_sp-accent);
    --_fd-field-radius: var(--_sp-radius);
  }
  .fd-root {
    display: grid;
    gap: var(--_sp-gap);
    font-size: max(16px, var(--_fd-font-size));
  }
  h3,
  h4 {
    margin: 0;
    line-height: 1.3;
  }
  h3 {
    font-size: 1.15em;
  }
  h4 {
    font-size: 1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible,
  td[tabindex]:focus {
    outline: 3px solid var(--_fd-color-focus);
    outline-offset: 2px;
  }
  .pick {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18em), 1fr));
    gap: var(--_sp-gap);
    align-items: start;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_sp-gap) * 0.75) var(--_sp-gap);
    align-items: end;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-inline-size: 0;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.75em;
    margin-inline-end: 1em;
    font-weight: 400;
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: max(24px, 1.5em);
    block-size: max(24px, 1.5em);
  }
  select {
    inline-size: 100%;
  }
  .question {
    display: grid;
    gap: 0.25em;
    inline-size: 100%;
  }
  .visit-option .hint {
    margin-inline-start: 2em;
  }
  .visit-option.single .hint {
    margin-inline-start: 0;
  }
  .visit-name {
    margin: 0;
    font-weight: 600;
  }
  .calendar {
    container-type: inline-size;
  }
  #month-heading {
    margin-block-end: 0.5em;
    text-align: center;
  }
  .month-bar {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  .icon-button,
  .zone-button,
  .time {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .icon-button {
    min-inline-size: max(44px, 2.75em);
    min-block-size: max(44px, 2.75em);
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_sp-radius);
    background: var(--_fd-color-surface);
    font-size: 1.25em;
    line-height: 1;
  }
  .icon-button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: not-allowed;
  }
  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  table {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 2px;
    table-layout: fixed;
  }
  th .narrow {
    display: none;
  }
  @container (width < 19em) {
    th .short {
      display: none;
    }
    th .narrow {
      display: inline;
    }
  }
  th {
    font-size: 1em;
    font-weight: 600;
    color: var(--_fd-color-muted);
    padding-block: 0.25em;
    text-align: center;
  }
  td {
    block-size: var(--_sp-day-size);
    padding: 0;
    text-align: center;
    border-radius: var(--_sp-radius);
    color: var(--_fd-color-muted);
  }
  td.day {
    cursor: default;
    text-decoration: line-through;
    text-decoration-color: var(--_fd-color-divider);
  }
  td.day.open {
    cursor: pointer;
    color: var(--_fd-color-text);
    background: var(--_sp-available);
    font-weight: 600;
    text-decoration: none;
    border: 1px solid var(--_fd-color-border);
  }
  td.day.outside {
    opacity: 0.6;
  }
  td[aria-current='date'] span[aria-hidden] {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  td[aria-selected='true'] {
    background: var(--_sp-accent);
    color: var(--_sp-on-accent);
  }
  td.day.open[aria-selected='true'] {
    background: var(--_sp-accent);
    color: var(--_sp-on-accent);
    border-color: var(--_sp-accent);
  }
  .next-available {
    margin-block-start: 0.75em;
    inline-size: 100%;
  }
  .times-panel {
    display: grid;
    gap: 0.75em;
    min-inline-size: 0;
    container-type: inline-size;
  }
  @container (width < 15em) {
    .times {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  .time-group {
    display: grid;
    gap: 0.4em;
  }
  .times {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5em, 1fr));
    gap: 0.4em;
  }
  .time,
  .zone-name {
    unicode-bidi: plaintext;
  }
  .time {
    display: grid;
    place-content: center;
    min-block-size: max(44px, 2.75em);
    padding: 0.4em 0.5em;
    border: 2px solid var(--_sp-accent);
    border-radius: var(--_sp-radius);
    background: var(--_fd-color-surface);
    color: var(--_sp-accent);
    font-weight: 600;
  }
  .time:hover,
  .time[aria-pressed='true'] {
    background: var(--_sp-accent);
    color: var(--_sp-on-accent);
  }
  .zone {
    position: relative;
    margin: 0;
    color: var(--_fd-color-muted);
  }
  .openings {
    font-weight: 400;
  }
  .zone-button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: max(44px, 2.75em);
    padding: 0.3em 0.75em;
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_sp-radius);
    background: var(--_fd-color-surface);
    text-align: start;
  }
  .hint {
    margin: 0;
    color: var(--_fd-color-muted);
  }
  .chosen {
    margin: 0;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    td[aria-selected='true'],
    .time[aria-pressed='true'] {
      outline: 3px solid CanvasText;
    }
  }
`;
