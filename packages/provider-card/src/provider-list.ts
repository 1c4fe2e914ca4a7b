import type { Location, Provider } from '@frontdesk/core';
import {
  baseStyles,
  defineWithClinic,
  FrontdeskElement,
  fieldStyles,
  LocalizeController,
  Resource,
} from '@frontdesk/core/element';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BookingMode } from './booking-panel.js';
import { languageName, validated } from './display.js';
import {
  activeFilters,
  baseLanguage,
  type FilterKey,
  filterProviders,
  filterToRelax,
  NO_FILTERS,
  type Option,
  type ProviderFilters,
  resolveOption,
  type SortOrder,
  sortProviders,
} from './filtering.js';
import { listStyles } from './provider-list.styles.js';
import { followSkipLink, skipLinkStyles } from './skip-link.js';
import { providerStrings } from './strings.js';

interface ListData {
  providers: Provider[];
  locations: Location[];
}

/** What one render shows: the data, the options of each select, the filters matched to them, the results. */
interface View extends ListData {
  options: Record<'specialty' | 'language' | 'location', Option[]>;
  filters: ProviderFilters;
  results: Provider[];
}

/** Typing pauses this long before the list filters, so a screen reader hears one count, not one per letter. */
const SEARCH_DELAY_MS = 300;

/** Attributes that preset a filter, by the filter they set. */
const PRESETS = ['specialty', 'language', 'location', 'telehealth', 'accepting', 'query'] as const;

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/** More cards than this, and a link past the list helps a keyboard user reach what follows it. */
const LONG_LIST = 6;

/**
 * Every provider of the clinic as a grid of cards, with filters (specialty, language, location, video visits,
 * accepting new patients), a search by name, sorting, and a result count announced to screen readers. When nothing
 * matches, it names the filter to relax and offers to clear it. On a narrow screen (the list's own width, not the
 * window's) the filters fold behind a Filter button that says how many are on; a skip link leads past them to the
 * results. Book on a card opens that provider's slot picker in a full row below it, unless the page takes over.
 *
 * @summary A filterable, searchable list of the clinic's providers.
 *
 * @attr specialty - Preset specialty filter: a code or a name in any case (`specialty="cardiology"`).
 * @attr language - Preset language filter: a language tag (`es`) or name (`Spanish`).
 * @attr location - Preset location filter: a location id or name.
 * @attr {boolean} telehealth - Preset: only providers who offer video visits.
 * @attr {boolean} accepting - Preset: only providers accepting new patients.
 * @attr query - Preset search text.
 * @attr {'name' | 'next'} sort - Order: by name (default) or soonest next available time.
 * @attr {'compact' | 'full'} variant - Variant of the cards (default `compact`).
 * @attr {'inline' | 'dialog' | 'event'} booking - Passed to the cards: where Book leads when the page does not
 *   cancel `fd-provider-select` (default `inline`: the provider's slot picker in a full row below the card).
 * @attr {number} heading-level - Heading level of each provider's name (default 2).
 * @attr map-url - Passed to the cards: an https template for map links with `{query}`.
 * @attr {'light' | 'dark' | 'auto'} theme - Colour scheme.
 *
 * @prop {FrontdeskAdapter | undefined} adapter - The backend, overriding an enclosing `<fd-clinic>`.
 *
 * @fires {CustomEvent<FdProviderSelectDetail>} fd-provider-select - A card's Book was pressed (from the card,
 *   bubbling; cancelable).
 * @fires {CustomEvent<FdErrorDetail>} fd-error - Loading failed, or records were left out as invalid.
 *
 * @csspart base - The widget's outer box.
 * @csspart filters - The filter and sort form.
 * @csspart filter-button - The button that shows the filters on a narrow screen.
 * @csspart skip-link - The links past the filters and past a long list.
 * @csspart count - The number of providers shown.
 * @csspart grid - The list of cards.
 * @csspart card - Each card (forwarded from `fd-provider-card`), likewise photo, name, badges, badge and button.
 * @csspart loading - The loading skeleton.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @csspart retry-button - The error's Try again button.
 *
 * @cssprop --fd-provider-card-min-width - Narrowest a card column gets before the grid wraps (default 18em).
 */
export class FdProviderList extends FrontdeskElement {
  static override properties = {
    specialty: {},
    language: {},
    location: {},
    telehealth: { type: Boolean },
    accepting: { type: Boolean },
    query: {},
    sort: {},
    variant: {},
    booking: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    mapUrl: { attribute: 'map-url' },
    filters: { state: true },
    searchText: { state: true },
    filtersShown: { state: true },
  };
  static override styles = [baseStyles, fieldStyles, listStyles, skipLinkStyles];

  specialty: string | undefined;
  language: string | undefined;
  location: string | undefined;
  telehealth = false;
  accepting = false;
  query: string | undefined;
  sort: SortOrder = 'name';
  variant: 'compact' | 'full' = 'compact';
  booking: BookingMode = 'inline';
  headingLevel = 2;
  mapUrl: string | undefined;

  /** The filters as the patient set them (presets included), before presets are matched to options. */
  filters: ProviderFilters = { ...NO_FILTERS };
  /** The search box as typed; the `query` filter follows it after a pause. */
  private searchText = '';
  /** On a narrow screen, whether the patient opened the filters. */
  private filtersShown = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAnnounced = '';
  private current: View | undefined;
  private readonly i18n = new LocalizeController(this, providerStrings);

  private readonly data = new Resource(this, async (adapter, signal): Promise<ListData> => {
    const [providers, locations] = await Promise.all([
      adapter.listProviders({ signal }),
      adapter.listLocations({ signal }),
    ]);
    this.reportDropped('providers', providers.dropped);
    this.reportDropped('locations', locations.dropped);
    for (const provider of providers.items) validated.add(provider);
    return { providers: providers.items, locations: locations.items };
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed); // a new adapter reloads
    const presets: Partial<ProviderFilters> = {};
    for (const key of PRESETS) {
      if (!changed.has(key)) continue;
      const value = this[key];
      (presets as Record<string, unknown>)[key] = typeof value === 'boolean' ? value : (value ?? '').trim();
    }
    if (Object.keys(presets).length > 0) this.filters = { ...this.filters, ...presets };
    if (changed.has('query')) this.searchText = this.query ?? '';
    const view = this.view();
    this.current = view;
    if (!view) return;
    // Announce the count when the results (or the language) change, not on every render.
    const message = this.i18n.t.count(view.results.length);
    const key = `${message}|${view.results.map((p) => p.id).join()}`;
    if (key !== this.lastAnnounced) {
      this.lastAnnounced = key;
      this.announce(message);
    }
  }

  /** The loaded data with presets matched to real options, filtered and sorted. */
  private view(): View | undefined {
    if (this.data.status !== 'ready' || !this.data.value) return undefined;
    const { providers, locations } = this.data.value;
    const lang = this.i18n.lang;
    const specialties = new Map<string, string>();
    const languages = new Set<string>();
    for (const p of providers) {
      for (const s of p.specialties) specialties.set(s.code, s.display);
      for (const tag of p.languages) languages.add(baseLanguage(tag));
    }
    const options: View['options'] = {
      specialty: [...specialties].map(([value, label]) => ({ value, label })).sort(byLabel),
      language: [...languages].map((value) => ({ value, label: languageName(value, lang) })).sort(byLabel),
      location: locations.map((l) => ({ value: l.id, label: l.name })),
    };
    const f = this.filters;
    const filters: ProviderFilters = {
      ...f,
      specialty: resolveOption(f.specialty, options.specialty),
      // `es-MX`, `Spanish` and (on a Spanish page) `español` all mean `es`.
      language: resolveOption(
        resolveOption(baseLanguage(f.language), options.language),
        options.language.map(({ value }) => ({ value, label: languageName(value, 'en') })),
      ),
      location: resolveOption(f.location, options.location),
    };
    const results = sortProviders(filterProviders(providers, filters), this.sort === 'next' ? 'next' : 'name', lang);
    return { providers, locations, options, filters, results };
  }

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">
      ${this.renderResource(this.data, () => this.renderList())} ${this.renderAnnouncer()}
    </div>`;
  }

  private renderList(): unknown {
    const t = this.i18n.t;
    const view = this.current;
    if (view && view.providers.length === 0 && view.locations.length > 0) return this.renderLocations(view.locations);
    if (!view || view.providers.length === 0) return this.renderEmpty(t.noProviders);
    const { options, filters, results, locations } = view;
    const on = activeFilters(filters).length;
    return html`${
      results.length > 0
        ? html`<a class="skip" part="skip-link" href="#results" @click=${this.skipTo}>${t.skipToResults(results.length)}</a>`
        : nothing
    }
      <button
        class="fd-button secondary filter-toggle"
        part="filter-button"
        type="button"
        aria-expanded=${String(this.filtersShown)}
        aria-controls="filters sort-field"
        @click=${() => {
          this.filtersShown = !this.filtersShown;
        }}
      >
        ${t.filterButton}${on > 0 ? html`<span class="on">(${t.filtersOn(on)})</span>` : nothing}
      </button>
      <form
        id="filters"
        class=${this.filtersShown ? 'shown' : ''}
        part="filters"
        role="search"
        aria-label=${t.filters}
        @submit=${(event: Event) => {
          event.preventDefault();
          this.applySearch();
        }}
      >
        <fieldset>
          <legend>${t.filters}</legend>
          <div class="field grow">
            <label for="query">${t.search}</label>
            <input id="query" type="search" autocomplete="off" .value=${this.searchText} @input=${this.onSearchInput} />
          </div>
          ${this.renderSelect('specialty', t.specialty, options.specialty, filters.specialty)}
          ${this.renderSelect('language', t.language, options.language, filters.language)}
          ${options.location.length > 0 ? this.renderSelect('location', t.location, options.location, filters.location) : nothing}
          ${this.renderCheckbox('telehealth', t.telehealthOnly)} ${this.renderCheckbox('accepting', t.acceptingOnly)}
        </fieldset>
      </form>
      <div class="bar">
        <p class="count" part="count">${t.count(results.length)}</p>
        <div class="field sort" id="sort-field">
          <label for="sort">${t.sort}</label>
          <select
            id="sort"
            @change=${(event: Event) => {
              this.sort = (event.target as HTMLSelectElement).value as SortOrder;
            }}
          >
            <option value="name" ?selected=${this.sort !== 'next'}>${t.sortName}</option>
            <option value="next" ?selected=${this.sort === 'next'}>${t.sortNext}</option>
          </select>
        </div>
      </div>
      ${
        results.length === 0
          ? this.renderNoMatch(view)
          : html`${
              results.length > LONG_LIST
                ? html`<a class="skip" part="skip-link" href="#list-end" @click=${this.skipTo}>${t.skipPastList}</a>`
                : nothing
            }<ul class="grid" part="grid" id="results" tabindex="-1" aria-label=${t.results}>
              ${results.map(
                (p) => html`<li>
                  <fd-provider-card
                    .provider=${p}
                    .locations=${locations}
                    location=${filters.location || nothing}
                    variant=${this.variant}
                    booking=${this.booking}
                    heading-level=${this.headingLevel}
                    map-url=${this.mapUrl ?? nothing}
                    theme=${this.theme ?? nothing}
                    exportparts="card, photo, name, badges, badge, button"
                  ></fd-provider-card>
                </li>`,
              )}
            </ul>
            ${
              results.length > LONG_LIST
                ? html`<p class="fd-visually-hidden" id="list-end" tabindex="-1">${t.endOfList}</p>`
                : nothing
            }`
      }`;
  }

  /**
   * A source that lists places, not practitioners (a SMART Scheduling Links feed): its locations, each bookable. The
   * location list's code is fetched only then; most clinics list providers and never download it.
   */
  private renderLocations(locations: Location[]): TemplateResult {
    if (!customElements.get('fd-location-list')) {
      void import('./location-list.js').then(({ FdLocationList }) =>
        defineWithClinic('fd-location-list', FdLocationList),
      );
    }
    return html`<fd-location-list
      .locations=${locations}
      .adapter=${this.adapter}
      booking=${this.booking}
      heading-level=${this.headingLevel}
      map-url=${this.mapUrl ?? nothing}
      theme=${this.theme ?? nothing}
    ></fd-location-list>`;
  }

  private renderSelect(key: FilterKey, label: string, options: Option[], value: string): TemplateResult {
    // A preset that matches nothing stays visible, so the patient sees why the list is empty.
    const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <select id=${key} @change=${(event: Event) => this.setFilter(key, (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${this.i18n.t.any}</option>
        ${all.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
    </div>`;
  }

  private renderCheckbox(key: 'telehealth' | 'accepting', label: string): TemplateResult {
    return html`<div class="check">
      <input
        id=${key}
        type="checkbox"
        .checked=${this.filters[key]}
        @change=${(event: Event) => this.setFilter(key, (event.target as HTMLInputElement).checked)}
      />
      <label for=${key}>${label}</label>
    </div>`;
  }

  /** Nothing matches: name the filter that would bring most providers back, with a button that clears it. */
  private renderNoMatch(view: View): TemplateResult {
    const t = this.i18n.t;
    const key = filterToRelax(view.providers, view.filters);
    const name = key ? this.filterName(key, view) : undefined;
    return this.renderEmpty(
      t.noMatch,
      html`${name ? t.relax(name) : nothing}
        <button class="fd-button secondary clear" type="button" @click=${() => this.clearFilter(key)}>
          ${name ? t.clear(name) : t.clearAll}
        </button>`,
    );
  }

  /** "Specialty: Cardiology", "Offers video visits": how the patient recognises a filter. */
  private filterName(key: FilterKey, view: View): string {
    const t = this.i18n.t;
    if (key === 'telehealth') return t.telehealthOnly;
    if (key === 'accepting') return t.acceptingOnly;
    if (key === 'query') return `${t.search}: ${view.filters.query.trim()}`;
    const value = view.filters[key];
    return `${t[key]}: ${view.options[key].find((o) => o.value === value)?.label ?? value}`;
  }

  private readonly skipTo = (event: Event): void => followSkipLink(event, this.renderRoot);

  private setFilter<K extends FilterKey>(key: K, value: ProviderFilters[K]): void {
    this.filters = { ...this.filters, [key]: value };
  }

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY_MS);
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    this.setFilter('query', this.searchText);
  }

  /** Clear one filter (or all), then move focus to its control, since the button that was pressed disappears. */
  private async clearFilter(key: FilterKey | undefined): Promise<void> {
    if (key) this.setFilter(key, NO_FILTERS[key]);
    else this.filters = { ...NO_FILTERS };
    if (!key || key === 'query') this.searchText = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${key ?? 'query'}`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-provider-list': FdProviderList;
  }
}
