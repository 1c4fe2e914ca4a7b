import { css } from 'lit';

/**
 * Form fields as every widget draws them: text inputs, selects and text areas with a visible border, a target of at
 * least 44 px that grows with the patient's font size, and the host's font; radio buttons and checkboxes at 1.5em in the widget's accent (24 px at the 16 px that widget text never goes under: the target WCAG 2.5.8 asks for, and in ems so it scales with the text); a 2 px danger border on an
 * invalid field. Zero specificity (`:where`), so a widget sets widths and spacing over it without a fight. A widget
 * with its own accent or corners sets `--_fd-field-accent` and `--_fd-field-radius`.
 */
export const fieldStyles = css`
  :where(input:not([type='radio'], [type='checkbox'], [type='range']), select, textarea) {
    box-sizing: border-box;
    min-height: max(44px, 2.75rem);
    padding: 0.4em 0.6em;
    border: 1px solid var(--_fd-color-border);
    border-radius: var(--_fd-field-radius, var(--_fd-radius));
    background: var(--_fd-color-surface);
    color: var(--_fd-color-text);
    font: inherit;
  }
  :where(input:not([type='radio'], [type='checkbox'], [type='range']), select, textarea)[aria-invalid='true'] {
    border: 2px solid var(--_fd-color-danger);
  }
  :where(input[type='radio'], input[type='checkbox']) {
    flex: none;
    /* A control's own font is the browser's small one (13.3 px): ems are the text's only with the text's size. */
    font-size: inherit;
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--_fd-field-accent, var(--_fd-color-accent));
  }
`;
