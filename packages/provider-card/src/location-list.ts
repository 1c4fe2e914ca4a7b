import type { Location } from '@frontdesk/core';
import { baseStyles, devWarn, FrontdeskElement, LocalizeController, Resource } from '@frontdesk/core/element';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BOOKING_MODES, type BookingMode, BookingPanel } from './booking-panel.js';
import { locationListStyles } from './location-list.styles.js';
import { renderPlace } from './place.js';
import { followSkipLink, skipLinkStyles } from './skip-link.js';
import { providerStrings } from './strings.js';

/** More rows than this, and a link past the list helps a keyboard user reach what follows it. */
const LONG_LIST = 6;

/**
 * The clinic's locations, each with its address, phone and map link and a Book button that opens the location's own
 * slot picker (`<fd-slot-picker location="...">`). For sources that list places, not practitioners, such as a SMART
 * Scheduling Links feed of vaccination sites; `<fd-provider-list>` shows it by itself when the source lists no
 * providers.
 *
 * Book fires `fd-location-select`, which is cancelable: a page that shows the times itself calls `preventDefault()`.
 * Otherwise the list opens the picker below the location (or in a dialog) and moves focus to its first decision.
 *
 * @summary The clinic's locations, each with a Book button that shows its times.
 *
 * @attr {'inline' | 'dialog' | 'event'} booking - Where Book leads when the page does not cancel
 *   `fd-location-select`: `inline` (default) below the location, `dialog` in a modal dialog, `event` nowhere.
 * @attr {number} heading-level - Level of each location's name, 1 to 6 (default 2).
 * @attr map-url - An https template for map links, with `{query}` where the address goes (default Google Maps search).
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme.
 *
 * @prop {Location[] | undefined} locations - The locations, when the page already has them (no request is made).
 * @prop {FrontdeskAdapter | undefined} adapter - The backend, overriding an enclosing `<fd-clinic>`.
 *
 * @fires {CustomEvent<FdLocationSelectDetail>} fd-location-select - Book was pressed: `{ locationId, name }`.
 *   Cancelable: `preventDefault()` keeps the list from opening its own picker.
 * @fires {CustomEvent<FdErrorDetail>} fd-error - Loading failed, or records were left out as invalid.
 *
 * @csspart base - The widget's outer box.
 * @csspart count - The number of locations.
 * @csspart list - The list of locations.
 * @csspart location - One location.
 * @csspart name - A location's name.
 * @csspart button - A location's Book button.
 * @csspart booking - The slot picker opened below a location, under its heading.
 * @csspart dialog - The dialog holding the slot picker, with `booking="dialog"`.
 * @csspart skip-link - The links to the list and past a long one.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @csspart retry-button - The error's Try again button.
 *
 * @cssprop --fd-location-list-background - Background of each location (default `--fd-color-surface`).
 * @cssprop --fd-location-list-border-color - Border of each location (default `--fd-color-divider`).
 */
export class FdLocationList extends FrontdeskElement {
  static override properties = {
    locations: { attribute: false },
    booking: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    mapUrl: { attribute: 'map-url' },
    openFor: { state: true },
  };
  static override styles = [baseStyles, locationListStyles, skipLinkStyles];

  locations: Location[] | undefined;
  booking: BookingMode = 'inline';
  headingLevel = 2;
  mapUrl: string | undefined;

  /** The location whose picker is open. */
  private openFor: string | undefined;
  private lastAnnounced = '';
  private readonly i18n = new LocalizeController(this, providerStrings);
  private readonly panel = new BookingPanel(this, (error) => {
    this.reportError(error, true);
    this.announce(this.baseI18n.t.errorByKind(error.kind));
  });

  /** Created on first need: a list given its locations never asks a backend. */
  private data: Resource<Location[]> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.data ??= this.locations
      ? undefined
      : new Resource(this, async (adapter, signal) => {
          const listing = await adapter.listLocations({ signal });
          this.reportDropped('locations', listing.dropped);
          return listing.items;
        });
    if (changed.has('booking') && !BOOKING_MODES.includes(this.booking)) {
      devWarn(
        `<fd-location-list booking="${String(this.booking).slice(0, 20)}"> is unknown; use inline, dialog or event`,
      );
    }
    const shown = this.locations ?? (this.data?.status === 'ready' ? this.data.value : undefined);
    if (shown && shown.length > 0) {
      const message = this.i18n.t.locationCount(shown.length);
      if (message !== this.lastAnnounced) {
        this.lastAnnounced = message;
        this.announce(message);
      }
    }
  }

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">
      ${
        this.locations
          ? this.renderList(this.locations)
          : this.data
            ? this.renderResource(this.data, (locations) => this.renderList(locations))
            : this.renderLoading()
      }
      ${this.renderAnnouncer()}
    </div>`;
  }

  private level(): number {
    const level = Math.trunc(this.headingLevel);
    return level >= 1 && level <= 6 ? level : 2;
  }

  private renderList(locations: readonly Location[]): unknown {
    const t = this.i18n.t;
    if (locations.length === 0) return this.renderEmpty(t.noLocations);
    const long = locations.length > LONG_LIST;
    return html`${
      long
        ? html`<a class="skip" part="skip-link" href="#list-end" @click=${this.skipTo}>${t.skipPastList}</a>`
        : nothing
    }
      <p class="count" part="count">${t.locationCount(locations.length)}</p>
      <ul class="locations" part="list" aria-label=${t.locationResults}>
        ${locations.map((location) => this.renderLocation(location))}
      </ul>
      ${long ? html`<p class="fd-visually-hidden" id="list-end" tabindex="-1">${t.endOfList}</p>` : nothing}`;
  }

  private renderLocation(location: Location): TemplateResult {
    const t = this.i18n.t;
    const open = this.openFor === location.id;
    const mode = BOOKING_MODES.includes(this.booking) ? this.booking : 'inline';
    return html`<li class=${open && this.panel.inlineOpen ? 'open' : ''}>
      <article class="location" part="location" aria-labelledby=${`name-${location.id}`}>
        <div class="name" part="name" id=${`name-${location.id}`} role="heading" aria-level=${this.level()}>
          ${location.name}
        </div>
        ${renderPlace(location, t, this.mapUrl)}
        <button
          class="fd-button book"
          part="button"
          type="button"
          aria-expanded=${mode === 'inline' ? String(open && this.panel.inlineOpen) : nothing}
          aria-controls=${open && this.panel.inlineOpen ? 'booking' : nothing}
          aria-haspopup=${mode === 'dialog' ? 'dialog' : nothing}
          @click=${(event: Event) => void this.book(location, mode, event.currentTarget as HTMLElement)}
        >
          ${t.book}<span class="fd-visually-hidden"> ${t.bookAt(location.name)}</span>
        </button>
      </article>
      ${open ? this.panel.render({ title: t.bookingAt(location.name), close: t.close }, this.level()) : nothing}
    </li>`;
  }

  /** Book: the page may take over; otherwise this location's picker opens (another one open closes first). */
  private async book(location: Location, mode: BookingMode, button: HTMLElement): Promise<void> {
    const wasOpen = this.openFor === location.id && this.panel.open;
    this.panel.close();
    this.openFor = undefined;
    if (wasOpen) return;
    if (!this.emit('fd-location-select', { locationId: location.id, name: location.name }) || mode === 'event') return;
    this.openFor = location.id;
    await this.panel.show(mode, { location: location.id }, button);
  }

  private readonly skipTo = (event: Event): void => followSkipLink(event, this.renderRoot);
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-location-list': FdLocationList;
  }
}
