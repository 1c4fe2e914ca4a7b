import { type Location, telHref } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { addressLines, mapHref } from './display.js';
import type { ProviderStrings } from './strings.js';

/** A location's address, phone and map link, as a card and the location list show them. */
export function renderPlace(location: Location, t: ProviderStrings, mapUrl: string | undefined): TemplateResult {
  return html`${
    location.address
      ? html`<address>${addressLines(location.address).map((line) => html`<span>${line}</span>`)}</address>`
      : nothing
  }
    <span class="links">
      ${
        location.phone
          ? html`<a href=${telHref(location.phone)}><span class="fd-visually-hidden">${t.phone}: </span>${location.phone}</a>`
          : nothing
      }
      <a href=${mapHref(location, mapUrl)} target="_blank" rel="noopener noreferrer" aria-label=${t.mapOf(location.name)}
        >${t.map}</a
      >
    </span>`;
}
