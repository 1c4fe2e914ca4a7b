import { css, unsafeCSS } from 'lit';

const FONT_SIZE = 'max(1em, 1rem, 16px)';

/**
 * The public design tokens every widget reads (docs/design.md section 9.6): each public `--fd-*` property, its light and
 * dark default (what each is for: token-docs.ts, kept out of the widgets' download). Widgets read the private
 * `--_fd-*` copies, which fall back from a per-widget property to the global token to the default. Storybook's
 * Theming page and the token test are generated from this list.
 */
export const TOKENS = {
  '--fd-color-accent': { light: '#0b5cad', dark: '#8cc4ff' },
  '--fd-color-on-accent': { light: '#ffffff', dark: '#04213f' },
  '--fd-color-text': { light: '#1b1f24', dark: '#eef1f5' },
  '--fd-color-muted': { light: '#4f5965', dark: '#b5bfcc' },
  '--fd-color-surface': { light: '#ffffff', dark: '#151a21' },
  '--fd-color-surface-alt': { light: '#f3f5f8', dark: '#1f2630' },
  '--fd-color-border': { light: '#737d88', dark: '#7d8894' },
  '--fd-color-divider': { light: '#d6dbe1', dark: '#333c47' },
  '--fd-color-danger': { light: '#b3261e', dark: '#ffb4ab' },
  '--fd-color-success': { light: '#1e6b35', dark: '#8fd9a4' },
  '--fd-color-warning': { light: '#8a5300', dark: '#ffcf7d' },
  '--fd-color-focus': { light: '#0b5cad', dark: '#8cc4ff' },
  '--fd-font-family': {
    light: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    dark: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
  // The larger of the patient's own text size (`1em` of a host set to `medium`, below), the page's root size (`1rem`)
  // and 16 px. Not `1rem` alone: a theme's `html { font-size: 62.5% }` would shrink every widget to 10 px. Not a fixed
  // 16 px either: a patient who set a larger text size in the browser gets it (browser zoom scales all three).
  '--fd-font-size': { light: FONT_SIZE, dark: FONT_SIZE },
  '--fd-radius': { light: '8px', dark: '8px' },
  '--fd-space': { light: 'max(1rem, 16px)', dark: 'max(1rem, 16px)' },
  '--fd-shadow': {
    light: '0 1px 3px rgb(0 0 0 / 0.15)',
    dark: '0 1px 3px rgb(0 0 0 / 0.6)',
  },
} as const;

export type TokenName = keyof typeof TOKENS;

const privateName = (name: string) => name.replace('--fd-', '--_fd-');

/** The private copies of the tokens; the dark set repeats only those whose dark default differs. */
function declarations(mode: 'light' | 'dark'): string {
  return Object.entries(TOKENS)
    .filter(([, token]) => mode === 'light' || token.dark !== token.light)
    .map(([name, token]) => `${privateName(name)}: var(${name}, ${token[mode]});`)
    .join('\n');
}

/**
 * Base styles for every widget's shadow root: the token contract, a font and colour reset that host-page rules such
 * as `* { font: 20px serif !important }` cannot reach, a visible focus ring, and shared state visuals.
 */
export const baseStyles = css`
  :host {
    ${unsafeCSS(declarations('light'))}
    display: block;
    /* The browser's default text size (the patient's setting), which a host's root font-size does not change. */
    font-size: medium;
    box-sizing: border-box;
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${unsafeCSS(declarations('dark'))}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(declarations('dark'))}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .fd-root {
    font-family: var(--_fd-font-family);
    font-size: var(--_fd-font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    color: var(--_fd-color-text);
    background: var(--_fd-color-surface);
    text-align: start;
    overflow-wrap: anywhere;
  }
  :focus-visible {
    outline: 3px solid var(--_fd-color-focus);
    outline-offset: 2px;
  }
  .fd-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .fd-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_fd-color-accent);
    border-radius: var(--_fd-radius);
    background: var(--_fd-color-accent);
    color: var(--_fd-color-on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .fd-button[aria-disabled='true'],
  .fd-button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .fd-button.secondary {
    background: transparent;
    color: var(--_fd-color-accent);
  }
  .fd-state {
    padding: var(--_fd-space);
    border: 1px solid var(--_fd-color-divider);
    border-radius: var(--_fd-radius);
    background: var(--_fd-color-surface);
  }
  .fd-state.error {
    border-color: var(--_fd-color-danger);
  }
  .fd-state.error .fd-state-title {
    color: var(--_fd-color-danger);
  }
  .fd-state-title {
    margin: 0 0 0.25em;
    font-size: 1.05em;
    font-weight: 600;
  }
  .fd-state p {
    margin: 0 0 0.75em;
  }
  .fd-state.follower {
    margin: 0;
  }
  .fd-state details code {
    display: block;
    overflow-wrap: anywhere;
  }
  .fd-skeleton {
    display: grid;
    gap: 0.6em;
  }
  .fd-skeleton span {
    display: block;
    height: 1em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_fd-color-surface-alt), var(--_fd-color-divider), var(--_fd-color-surface-alt));
    background-size: 200% 100%;
    animation: fd-shimmer 1.4s ease-in-out infinite;
  }
  .fd-skeleton span:nth-child(2) {
    width: 80%;
  }
  .fd-skeleton span:nth-child(3) {
    width: 60%;
  }
  @keyframes fd-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .fd-skeleton span {
      animation: none;
    }
  }
`;
