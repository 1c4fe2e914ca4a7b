import { css } from 'lit';

/**
 * A skip link's click inside a shadow root: the browser cannot follow `href="#id"` there, so focus moves by hand to
 * the element with that id (which has `tabindex="-1"`).
 */
export function followSkipLink(event: Event, root: ParentNode): void {
  event.preventDefault();
  const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')?.slice(1);
  if (id) root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
}

/** Skip links show only while focused, as on any page. */
export const skipLinkStyles = css`
  .skip {
    display: inline-block;
    margin-bottom: 0.5em;
    color: var(--_fd-color-accent);
  }
  .skip:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
