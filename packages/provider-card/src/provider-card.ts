import {
  browserTimeZone,
  type FrontdeskAdapter,
  FrontdeskError,
  type Location,
  type Provider,
  telHref,
  toFrontdeskError,
} from '@frontdesk/core';
import { baseStyles, devWarn, FrontdeskElement, LocalizeController, Resource } from '@frontdesk/core/element';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  addressLines,
  formatInstant,
  initials,
  languageName,
  mapHref,
  nameWithCredentials,
  safePhotoUrl,
  validated,
} from './display.js';
import { cardStyles } from './provider-card.styles.js';
import { providerStrings } from './strings.js';
import type { Checked } from './validate-provider.js';

interface CardData {
  provider: Provider;
  locations: Location[];
}

/** The script-tag autoloader's hook (packages/frontdesk/src/autoload.ts) for elements created in code. */
const AUTOLOADER = Symbol.for('frontdesk.autoloader');
type Autoloaded = { [AUTOLOADER]?: { load?: (tag: string) => Promise<void> } };

/** Longer bios show this many characters and a "Read more" button. */
const BIO_PREVIEW = 200;

/**
 * A clinic provider's profile: photo (or initials), name and credentials, specialties, languages, whether they accept
 * new patients, video and in-person visits, locations with phone and map links, the next available time in the
 * location's time zone, a bio that expands, and a Book button.
 *
 * Give it `provider="ID"` to load the provider through the adapter, or set the `provider` property to a Provider
 * object (validated; with the `locations` property too, it never calls the backend).
 *
 * @summary A provider's profile card with a Book button.
 *
 * @attr provider - The provider's id. The `provider` property also takes a Provider object.
 * @attr location - Id of the location to show first and to book at.
 * @attr {'compact' | 'full'} variant - `full` (default) shows addresses, phones, map links and the bio.
 * @attr {'event' | 'inline'} booking - `inline` opens an `<fd-slot-picker>` below the card when Book is pressed
 *   (if that element is on the page); `event` (default) only fires `fd-provider-select`.
 * @attr {number} heading-level - Level of the name's heading, 1 to 6 (default 2).
 * @attr map-url - An https template for map links, with `{query}` where the address goes (default Google Maps search).
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme.
 *
 * @prop {Location[] | undefined} locations - The clinic's locations, when the page already has them.
 * @prop {FrontdeskAdapter | undefined} adapter - The backend, overriding an enclosing `<fd-clinic>`.
 *
 * @fires {CustomEvent<FdProviderSelectDetail>} fd-provider-select - Book was pressed: `{ providerId, locationId }`.
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
 * @csspart loading - The loading skeleton.
 * @csspart error - The error message.
 * @csspart retry-button - The error's Try again button.
 *
 * @cssprop --fd-provider-card-background - Card background (default `--fd-color-surface`).
 * @cssprop --fd-provider-card-border-color - Card border (default `--fd-color-divider`).
 * @cssprop --fd-provider-card-radius - Card corners (default `--fd-radius`).
 * @cssprop --fd-provider-card-padding - Space inside the card (default `--fd-space`).
 * @cssprop --fd-provider-card-photo-size - Photo size (default 5rem, 3.5rem in the compact variant).
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
    picker: { state: true },
    checked: { state: true },
  };
  static override styles = [baseStyles, cardStyles];

  provider: string | Provider | undefined;
  locations: Location[] | undefined;
  location: string | undefined;
  variant: 'compact' | 'full' = 'full';
  booking: 'event' | 'inline' = 'event';
  headingLevel = 2;
  mapUrl: string | undefined;

  private photoFailed = false;
  private bioOpen = false;
  private picker: HTMLElement | undefined;
  /** The `provider` property validated: a Provider object, or why it cannot be shown. */
  private checked: Checked = {};
  private data: Resource<CardData> | undefined;
  private backendArgs: unknown[] = [];
  private readonly i18n = new LocalizeController(this, providerStrings);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed); // a new adapter reloads
    if (changed.has('provider') || !this.hasUpdated) {
      this.photoFailed = false;
      this.bioOpen = false;
      this.picker = undefined;
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
    const inline =
      this.booking === 'inline' && (customElements.get('fd-slot-picker') !== undefined || AUTOLOADER in globalThis);
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
          aria-expanded=${inline ? String(this.picker !== undefined) : nothing}
          aria-controls=${inline && this.picker ? 'booking' : nothing}
          @click=${() => void this.book(provider, first)}
        >
          ${t.book}<span class="fd-visually-hidden"> ${t.bookWith(provider.displayName)}</span>
        </button>
      </article>
      ${
        this.picker
          ? html`<section id="booking" class="booking" tabindex="-1" aria-label=${t.booking(provider.displayName)}>
              ${this.picker}
            </section>`
          : nothing
      }`;
  }

  private renderLocations(locations: readonly Location[]): TemplateResult {
    const t = this.i18n.t;
    return html`<ul class="locations">
      ${locations.map(
        (l) => html`<li>
          <span class="location-name">${l.name}</span>
          ${l.address ? html`<address>${addressLines(l.address).map((line) => html`<span>${line}</span>`)}</address>` : nothing}
          <span class="links">
            ${
              l.phone
                ? html`<a href=${telHref(l.phone)}><span class="fd-visually-hidden">${t.phone}: </span>${l.phone}</a>`
                : nothing
            }
            <a href=${mapHref(l, this.mapUrl)} target="_blank" rel="noopener noreferrer" aria-label=${t.mapOf(l.name)}
              >${t.map}</a
            >
          </span>
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

  private async book(provider: Provider, location: Location | undefined): Promise<void> {
    if (this.picker) {
      this.picker = undefined;
      return;
    }
    this.emit('fd-provider-select', { providerId: provider.id, locationId: location?.id });
    if (this.booking !== 'inline') return;
    // With the script-tag autoloader the picker may not be loaded yet; it cannot see into this shadow root, so ask.
    await (globalThis as Autoloaded)[AUTOLOADER]?.load?.('fd-slot-picker');
    if (!customElements.get('fd-slot-picker')) {
      devWarn('booking="inline" needs <fd-slot-picker> on the page; only fd-provider-select was sent');
      return;
    }
    const picker = document.createElement('fd-slot-picker');
    picker.setAttribute('provider', provider.id);
    if (location) picker.setAttribute('location', location.id);
    // A picker inside this shadow root cannot see an adapter set on the card itself, so it is handed over.
    if (this.adapter) (picker as HTMLElement & { adapter?: FrontdeskAdapter }).adapter = this.adapter;
    this.picker = picker;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#booking')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-provider-card': FdProviderCard;
  }
}
