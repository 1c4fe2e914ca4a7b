import { css } from 'lit';

/** Each location a box like a provider card's; one whose picker is open shows it right below, full width. */
export const locationListStyles = css`
  :host {
    --_fd-loc-bg: var(--fd-location-list-background, var(--_fd-color-surface));
    --_fd-loc-border: var(--fd-location-list-border-color, var(--_fd-color-divider));
  }
  .count {
    margin: 0 0 0.75em;
    font-weight: 600;
  }
  .locations {
    display: grid;
    gap: var(--_fd-space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .location {
    display: grid;
    gap: 0.5em;
    padding: var(--_fd-space);
    border: 1px solid var(--_fd-loc-border);
    border-radius: var(--_fd-radius);
    background: var(--_fd-loc-bg);
    box-shadow: var(--_fd-shadow);
  }
  .name {
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.25;
  }
  address {
    font-style: normal;
  }
  address span {
    display: block;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  .links a {
    display: inline-block;
    min-height: 24px;
    padding-block: 0.15em;
    color: var(--_fd-color-accent);
    text-underline-offset: 0.15em;
  }
  .book {
    justify-self: start;
  }
`;
