import { css } from 'lit';

/** The card reads public `--fd-provider-card-*` properties that fall back to the shared tokens. */
export const cardStyles = css`
  :host {
    --_card-bg: var(--fd-provider-card-background, var(--_fd-color-surface));
    --_card-border: var(--fd-provider-card-border-color, var(--_fd-color-divider));
    --_card-radius: var(--fd-provider-card-radius, var(--_fd-radius));
    --_card-pad: var(--fd-provider-card-padding, var(--_fd-space));
    --_card-photo: var(--fd-provider-card-photo-size, max(5rem, 80px));
    --_card-name: var(--fd-provider-card-name-color, var(--_fd-color-text));
  }
  :host([variant='compact']) {
    --_card-photo: var(--fd-provider-card-photo-size, max(3.5rem, 56px));
  }
  /* In a grid row, cards stretch to the tallest and their Book buttons line up at the bottom. */
  .fd-root {
    display: flex;
    flex-direction: column;
    height: 100%;
    background: transparent;
  }
  .card {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 0.75em;
    padding: var(--_card-pad);
    border: 1px solid var(--_card-border);
    border-radius: var(--_card-radius);
    background: var(--_card-bg);
    box-shadow: var(--_fd-shadow);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  .photo {
    flex: none;
    width: var(--_card-photo);
    height: var(--_card-photo);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_fd-color-surface-alt);
  }
  .initials {
    display: grid;
    place-items: center;
    color: var(--_fd-color-accent);
    font-size: calc(var(--_card-photo) * 0.38);
    font-weight: 700;
    border: 2px solid var(--_fd-color-accent);
  }
  .title {
    flex: 1 1 10em;
    min-width: 0;
  }
  .name {
    margin: 0;
    color: var(--_card-name);
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.25;
  }
  .specialties,
  .bio p {
    margin: 0.2em 0 0;
    color: var(--_fd-color-muted);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .badge {
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_fd-color-muted);
  }
  .accepting-yes {
    color: var(--_fd-color-success);
  }
  .accepting-existing-only {
    color: var(--_fd-color-warning);
  }
  .facts {
    display: grid;
    gap: 0.5em;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .locations {
    display: grid;
    gap: 0.75em;
    margin: 0.25em 0 0;
    padding: 0;
    list-style: none;
  }
  .location-name {
    font-weight: 600;
  }
  address {
    font-style: normal;
  }
  address span,
  .location-name {
    display: block;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  a,
  .more {
    color: var(--_fd-color-accent);
    text-underline-offset: 0.15em;
  }
  .links a,
  .more {
    display: inline-block;
    min-height: 24px;
    padding-block: 0.15em;
  }
  .bio p {
    white-space: pre-line;
  }
  .more {
    margin-top: 0.25em;
    padding-inline: 0;
    border: 0;
    background: none;
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .book {
    align-self: flex-start;
    margin-top: auto;
  }
`;
