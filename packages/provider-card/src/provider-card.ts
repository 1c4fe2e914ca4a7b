import {
  browserTimeZone,
  type FrontdeskAdapter,
  FrontdeskError,
  type Location,
  type Provider,
  toFrontdeskError,
} from '@frontdesk/core';
import { baseStyles, devWarn, FrontdeskElement, LocalizeController, Resource } from '@frontdesk/core/element';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { BOOKING_MODES, type BookingMode, BookingPanel } from './booking-panel.js';
import { formatInstant, initials, languageName, nameWithCredentials, safePhotoUrl, validated } from './display.js';
import { renderPlace } from './place.js';
import { cardStyles } from './provider-card.styles.js';
import { providerStrings } from './strings.js';
import type { Checked } from './validate-provider.js';

interface CardData {
  provider: Provider;
  locations: Location[];
}

/** Longer bios show this many characters and a "Read more" button. */
const BIO_PREVIEW = 200;

/**
 * A clinic provider's profile: photo (or initials), name and credentials, specialties, languages, whether they accept
 * new patients, video and in-person visits, locations with phone and map links, the next available time in the
 * location's time zone, a bio that expands, and a Book button that books that provider.
 *
 * Book fires `fd-provider-select`, which is cancelable: a page that shows the provider's times itself calls
 * `preventDefault()`. Otherwise the card opens its own `<fd-slot-picker>` for that provider (loaded on first use),
 * below itself or in a dialog as `booking` says, and moves focus to the picker's first decision.
 *
 * Give it `provider="ID"` to load the provider through the adapter, or set the `provider` property to a Provider
 * object (validated; with the `locations` property too, it never calls the backend).
 *
 * @summary A provider's profile card with a Book button.
 *
 * @attr provider - The provider's id. The `provider` property also takes a Provider object.
 * @attr location - Id of the location to show first and to book at.
 * @attr {'compact' | 'full'} variant - `full` (default) shows addresses, phones, map links and the bio.
 * @attr {'inline' | 'dialog' | 'event'} booking - Where Book leads when the page does not cancel
 *   `fd-provider-select`: `inline` (default) opens the provider's slot picker below the card, `dialog` in a modal
 *   dialog; `event` only fires the event.
 * @attr {number} heading-level - Level of the name's heading, 1 to 6 (default 2).
 * @attr map-url - An https template for map links, with `{query}` where the address goes (default Google Maps search).
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme.
 *
 * @prop {Location[] | undefined} locations - The clinic's locations, when the page already has them.
 * @prop {FrontdeskAdapter | undefined} adapter - The backend, overriding an enclosing `<fd-clinic>`.
 *
 * @fires {CustomEvent<FdProviderSelectDetail>} fd-provider-select - Book was pressed: `{ providerId, displayName,
 *   locationId }`. Cancelable: `preventDefault()` keeps the card from opening its own picker.
 * @fires {CustomEvent<FdErrorDetail>} fd-error - Loading failed, the provider is unknown or invalid, or records were
 *   left out as invalid.
 *
 * @csspart base - The widget's outer box.
 * @csspart card - The card.
 * @csspart photo - The photo, or the initials shown in its place.
 * @csspart name - The name with credentials.
 * @csspart badges - The list of badges.
 * @csspart badge - One badge (accepting new patients, video visits, in-person visits).
 * @csspart button - The Book button.
 * @csspart booking - The provider's slot picker opened below the card, under its heading.
 * @csspart dialog - The dialog holding the slot picker, with `booking="dialog"`.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message.
 * @csspart retry-button - The error's Try again button.
 *
 * @cssprop --fd-provider-card-background - Card background (default `--fd-color-surface`).
 * @cssprop --fd-provider-card-border-color - Card border (default `--fd-color-divider`).
 * @cssprop --fd-provider-card-radius - Card corners (default `--fd-radius`).
 * @cssprop --fd-provider-card-padding - Space inside the card (default `--fd-space`).
 * @cssprop --fd-provider-card-photo-size - Photo size (default 5rem, 3.5rem in the compact variant, never under 80 px and 56 px).
 * @cssprop --fd-provider-card-name-color - Colour of the name (default `--fd-color-text`).
 */
export class FdProviderCard extends FrontdeskElement {
  static override properties = {
    provider: {},
    locations: { attribute: false },
    location: {},
    variant: { reflect: true },
    booking: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    mapUrl: { attribute: 'map-url' },
    photoFailed: { state: true },
    bioOpen: { state: true },
    checked: { state: true },
  };
  static override styles = [baseStyles, cardStyles];

  provider: string | Provider | undefined;
  locations: Location[] | undefined;
  location: string | undefined;
  variant: 'compact' | 'full' = 'full';
  booking: BookingMode = 'inline';
  headingLevel = 2;
  mapUrl: string | undefined;

  private photoFailed = false;
  private bioOpen = false;
  /** The `provider` property validated: a Provider object, or why it cannot be shown. */
  private checked: Checked = {};
  private data: Resource<CardData> | undefined;
  private backendArgs: unknown[] = [];
  private readonly i18n = new LocalizeController(this, providerStrings);
  private readonly panel = new BookingPanel(this, (error) => {
    this.reportError(error, true);
    this.announce(this.baseI18n.t.errorByKind(error.kind));
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed); // a new adapter reloads
    if (changed.has('provider') || !this.hasUpdated) {
      this.photoFailed = false;
      this.bioOpen = false;
      this.panel.close();
      const p = this.provider;
      if (typeof p === 'string' && p.trim()) this.checked = {};
      else if (!p || typeof p !== 'object') {
        const message = '<fd-provider-card> needs a provider attribute (an id) or property';
        this.checked = { error: new FrontdeskError('invalid-input', message, { field: 'provider' }) };
        this.reportError(this.checked.error!, false);
      } else if (validated.has(p)) this.checked = { provider: p };
      else {
        this.checked = { pending: true };
        void this.check(p);
      }
    }
    if (changed.has('variant') && !['compact', 'full'].includes(this.variant)) {
      devWarn(`<fd-provider-card variant="${String(this.variant).slice(0, 20)}"> is unknown; use compact or full`);
    }
    if (changed.has('booking') && !BOOKING_MODES.includes(this.booking)) {
      devWarn(
        `<fd-provider-card booking="${String(this.booking).slice(0, 20)}"> is unknown; use inline, dialog or event`,
      );
    }
    // Created on first need: a card given a full provider object and its locations never asks a backend.
    if (!this.data && this.needsBackend()) {
      this.data = new Resource(
        this,
        (adapter, signal) => this.load(adapter, signal),
        () => this.args(),
      );
    }
  }

  /**
   * Check a Provider object like any API payload. The schema code loads on first use: a page that gives ids (or
   * the list's already validated providers) never downloads it.
   */
  private async check(value: Provider): Promise<void> {
    let checked: Checked;
    try {
      checked = (await import('./validate-provider.js')).checkProvider(value);
    } catch (error) {
      checked = { error: toFrontdeskError(error) };
    }
    if (this.provider !== value) return;
    this.checked = checked;
    if (checked.error) this.reportError(checked.error, false);
    else if (checked.warning) this.reportError(checked.warning, true);
  }

  private needsBackend(): boolean {
    const p = this.checked.provider;
    return typeof this.provider === 'string' || (!!p && !this.locations && p.locationIds.length > 0);
  }

  /** What a load depends on; unchanged while the backend is not needed, so nothing reloads then. */
  private args(): unknown[] {
    if (this.needsBackend()) this.backendArgs = [this.provider, this.locations];
    return this.backendArgs;
  }

  private async load(adapter: FrontdeskAdapter, signal: AbortSignal): Promise<CardData> {
    // The locations are asked for beside the provider, not after it: one round trip instead of two. A provider with
    // no locations leaves the answer unused.
    const locationsLoad = this.locations ? undefined : adapter.listLocations({ signal });
    locationsLoad?.catch(() => undefined); // awaited below only when needed; a failure then is reported there
    const provider =
      typeof this.provider === 'string' ? await adapter.getProvider(this.provider, { signal }) : this.checked.provider;
    if (!provider) throw this.checked.error ?? new FrontdeskError('invalid-input', 'no provider');
    let locations = this.locations;
    if (locationsLoad && provider.locationIds.length > 0) {
      const listing = await locationsLoad;
      this.reportDropped('locations', listing.dropped);
      locations = listing.items;
    }
    return { provider, locations: locations ?? [] };
  }

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">${this.renderBody()}</div>`;
  }

  private renderBody(): unknown {
    const { provider, error, pending } = this.checked;
    if (error) return this.renderError(error);
    if (pending) return this.renderLoading();
    if (provider && !this.needsBackend()) return this.renderCard(provider, this.locations ?? []);
    const data = this.data;
    if (!data) return this.renderLoading();
    if (data.status === 'error' && data.error?.kind === 'not-found') {
      return this.renderError(data.error, undefined, this.i18n.t.notFound);
    }
    return this.renderResource(data, (d) => this.renderCard(d.provider, d.locations));
  }

  private renderCard(provider: Provider, all: readonly Location[]): TemplateResult {
    const t = this.i18n.t;
    const locations = this.pickLocations(provider, all);
    const first = locations[0];
    const full = this.variant !== 'compact';
    const photo = safePhotoUrl(provider.photoUrl);
    const next = provider.nextAvailable
      ? formatInstant(provider.nextAvailable, first?.timeZone ?? browserTimeZone(), this.i18n.lang)
      : undefined;
    const mode = this.mode();
    const level = Math.trunc(this.headingLevel);
    const fact = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`<article class="card" part="card" aria-labelledby="name">
        <div class="head">
          ${
            photo && !this.photoFailed
              ? html`<img class="photo" part="photo" src=${photo} alt="" referrerpolicy="no-referrer" loading="lazy"
                  @error=${() => {
                    this.photoFailed = true;
                  }} />`
              : html`<span class="photo initials" part="photo" aria-hidden="true">${initials(provider)}</span>`
          }
          <div class="title">
            <div class="name" part="name" id="name" role="heading" aria-level=${level >= 1 && level <= 6 ? level : 2}>
              ${nameWithCredentials(provider)}
            </div>
            ${
              provider.specialties.length > 0
                ? html`<p class="specialties">${provider.specialties.map((s) => s.display).join(', ')}</p>`
                : nothing
            }
          </div>
        </div>
        <ul class="badges" part="badges">
          <li class="badge accepting-${provider.acceptingNewPatients}" part="badge">
            ${t.accepting(provider.acceptingNewPatients)}
          </li>
          ${provider.telehealth ? html`<li class="badge" part="badge">${t.telehealth}</li>` : nothing}
          ${provider.inPerson ? html`<li class="badge" part="badge">${t.inPerson}</li>` : nothing}
        </ul>
        <dl class="facts">
          ${
            provider.languages.length > 0
              ? fact(t.languages, provider.languages.map((tag) => languageName(tag, this.i18n.lang)).join(', '))
              : nothing
          }
          ${next ? fact(t.nextAvailable, html`<time datetime=${provider.nextAvailable!}>${next}</time>`) : nothing}
          ${
            locations.length > 0
              ? fact(t.locations, full ? this.renderLocations(locations) : locations.map((l) => l.name).join(', '))
              : nothing
          }
        </dl>
        ${full && provider.bio ? this.renderBio(provider.bio, provider.displayName) : nothing}
        <button
          class="fd-button book"
          part="button"
          type="button"
          aria-expanded=${mode === 'inline' ? String(this.panel.inlineOpen) : nothing}
          aria-controls=${this.panel.inlineOpen ? 'booking' : nothing}
          aria-haspopup=${mode === 'dialog' ? 'dialog' : nothing}
          @click=${(event: Event) => void this.book(provider, first, event.currentTarget as HTMLElement)}
        >
          ${t.book}<span class="fd-visually-hidden"> ${t.bookWith(provider.displayName)}</span>
        </button>
      </article>
      ${this.panel.render({ title: t.booking(provider.displayName), close: t.close }, level >= 1 && level <= 6 ? level : 2)}`;
  }

  private renderLocations(locations: readonly Location[]): TemplateResult {
    const t = this.i18n.t;
    return html`<ul class="locations">
      ${locations.map(
        (l) => html`<li>
          <span class="location-name">${l.name}</span>
          ${renderPlace(l, t, this.mapUrl)}
        </li>`,
      )}
    </ul>`;
  }

  private renderBio(bio: string, name: string): TemplateResult {
    const t = this.i18n.t;
    const long = bio.length > BIO_PREVIEW;
    // Collapsed, the text itself is shortened (not only clipped), so screen readers match what is shown.
    const shown = long && !this.bioOpen ? `${bio.slice(0, BIO_PREVIEW).replace(/\s+\S*$/, '')}…` : bio;
    return html`<div class="bio">
      <p id="bio">${shown}</p>
      ${
        long
          ? html`<button
              class="more"
              type="button"
              aria-expanded=${String(this.bioOpen)}
              aria-controls="bio"
              @click=${() => {
                this.bioOpen = !this.bioOpen;
              }}
            >
              ${this.bioOpen ? t.readLess : t.readMore}<span class="fd-visually-hidden"> ${t.about(name)}</span>
            </button>`
          : nothing
      }
    </div>`;
  }

  /** The provider's locations that the clinic knows, the `location` attribute's first. */
  private pickLocations(provider: Provider, all: readonly Location[]): Location[] {
    const byId = new Map(all.map((l) => [l.id, l]));
    const ids = [...provider.locationIds].sort((a, b) => Number(b === this.location) - Number(a === this.location));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private mode(): BookingMode {
    return BOOKING_MODES.includes(this.booking) ? this.booking : 'inline';
  }

  /**
   * Book: the page may take over (it cancels the event); otherwise this provider's own picker opens, never a picker
   * the page has for someone else. Pressed again, an open picker closes.
   */
  private async book(provider: Provider, location: Location | undefined, button: HTMLElement): Promise<void> {
    if (this.panel.open) {
      this.panel.close();
      return;
    }
    const detail = { providerId: provider.id, displayName: provider.displayName, locationId: location?.id };
    const mode = this.mode();
    if (!this.emit('fd-provider-select', detail) || mode === 'event') return;
    await this.panel.show(mode, { provider: provider.id, location: location?.id }, button);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A list lets an open picker take a whole row (provider-list.styles.ts).
    this.toggleAttribute('booking-open', this.panel.inlineOpen);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-provider-card': FdProviderCard;
  }
}
