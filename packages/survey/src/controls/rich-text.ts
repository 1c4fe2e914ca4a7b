import type { SurveyTextToken } from '@frontdesk/core';
import { html } from 'lit';

/**
 * `rendering-markdown` text from the engine's safe tokens, with Lit templates only: text stays text (Lit escapes it),
 * emphasis and code are elements, links (http, https and mailto only, checked by the engine) open in a new tab so
 * the answers on this page stay where they are.
 */
export function renderTokens(tokens: readonly SurveyTextToken[], opensInNewTab: string): unknown[] {
  return tokens.map((token) => {
    switch (token.kind) {
      case 'text':
        return token.text;
      case 'strong':
        return html`<strong>${token.text}</strong>`;
      case 'em':
        return html`<em>${token.text}</em>`;
      case 'code':
        return html`<code>${token.text}</code>`;
      case 'link':
        return html`<a href=${token.href} target="_blank" rel="noopener noreferrer">${token.text}<span
            class="fd-visually-hidden"> ${opensInNewTab}</span></a>`;
      default:
        return html`<br />`;
    }
  });
}
