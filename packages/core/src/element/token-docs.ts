import type { TokenName } from './tokens.js';

/** What each public token is for: read by Storybook's Theming page, never shipped with a widget. */
export const TOKEN_DESCRIPTIONS: Record<TokenName, string> = {
  '--fd-color-accent': 'Brand colour: buttons, links, selection',
  '--fd-color-on-accent': 'Text on the brand colour',
  '--fd-color-text': 'Body text',
  '--fd-color-muted': 'Secondary text (still 4.5:1)',
  '--fd-color-surface': 'Widget background',
  '--fd-color-surface-alt': 'Raised or alternate background',
  '--fd-color-border': 'Borders of controls (3:1)',
  '--fd-color-divider': 'Decorative dividers',
  '--fd-color-danger': 'Errors',
  '--fd-color-success': 'Confirmations',
  '--fd-color-warning': 'Notices',
  '--fd-color-focus': 'Focus ring',
  '--fd-font-family': 'Font of all text',
  '--fd-font-size':
    "Base font size; everything scales from it (default: the patient's browser text size, never under 16 px)",
  '--fd-radius': 'Corner radius of cards and controls',
  '--fd-space': 'Base spacing unit (default: 1rem, never under 16 px)',
  '--fd-shadow': 'Shadow of cards and menus',
};
