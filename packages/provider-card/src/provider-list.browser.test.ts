import type { FdErrorDetail, FdProviderSelectDetail } from '@frontdesk/core';
import { FrontdeskError, type Provider, Provider as ProviderSchema, parseListing } from '@frontdesk/core';
import type { MemoryAdapterOptions } from '@frontdesk/core/memory';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { $, cleanup, collect, liveText, onCleanup, shadow, shownText, until } from '../../../test/support/dom.js';
import { press } from '../../../test/support/keys.js';
import { mountShowing } from '../../../test/support/widgets.js';
import './define.js';
import { runWidgetConformance } from '../../../test/support/widget-conformance.js';
import type { FdProviderCard } from './provider-card.js';
import type { FdProviderList } from './provider-list.js';

const NOW = '2026-03-02T14:00:00Z';
const clinic = (options: MemoryAdapterOptions = {}) => memory({ now: NOW, days: 21, ...options });
const shared = clinic();

const cards = (el: Element) => [...shadow(el).querySelectorAll<FdProviderCard>('fd-provider-card')];
const shownIds = (el: Element) => cards(el).map((card) => (card.provider as Provider).id);

/** The list, once it shows cards, an empty state or an error. */
const list = (template: TemplateResult) =>
  mountShowing<FdProviderList>(template, 'fd-provider-list', '[part="grid"], [part="empty"], [part="error"]');

async function choose(el: FdProviderList, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `select#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function toggle(el: FdProviderList, id: string): Promise<void> {
  $<HTMLInputElement>(el, `input#${id}`)!.click();
  await el.updateComplete;
}

function type(el: FdProviderList, value: string): HTMLInputElement {
  const input = $<HTMLInputElement>(el, 'input#query')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  return input;
}

afterEach(cleanup);

describe('fd-provider-list', () => {
  let providers: Provider[];
  const idsWhere = (test: (p: Provider) => boolean) => providers.filter(test).map((p) => p.id);
  const same = (actual: string[], expected: string[]) => expect([...actual].sort()).to.deep.equal([...expected].sort());
  before(async () => {
    providers = (await shared.listProviders()).items;
  });

  it('shows every provider, sorted by family name, and announces the count', async () => {
    const errors = collect<FdErrorDetail>('fd-error');
    const el = await list(html`<fd-provider-list .adapter=${shared}></fd-provider-list>`);
    same(
      shownIds(el),
      idsWhere(() => true),
    );
    const families = cards(el).map((card) => (card.provider as Provider).name?.family ?? '');
    expect(families).to.deep.equal([...families].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(shownText($(el, '[part="count"]'))).to.equal(`${providers.length} providers`);
    await until(() => liveText(el) === `${providers.length} providers`, 'the count announcement');
    expect(cards(el).every((card) => card.variant === 'compact')).to.equal(true);
    await until(() => cards(el).every((card) => card.shadowRoot?.querySelector('[part="card"]')), 'every card');
    expect(errors).to.deep.equal([]);
  });

  it('filters by specialty, language, location, video visits and accepting new patients', async () => {
    const el = await list(html`<fd-provider-list .adapter=${shared}></fd-provider-list>`);
    const pediatrics = providers.flatMap((p) => p.specialties).find((s) => s.display === 'Pediatrics')!;
    await choose(el, 'specialty', pediatrics.code);
    same(
      shownIds(el),
      idsWhere((p) => p.specialties.some((s) => s.code === pediatrics.code)),
    );
    await choose(el, 'specialty', '');
    await choose(el, 'language', 'es');
    same(
      shownIds(el),
      idsWhere((p) => p.languages.includes('es')),
    );
    await choose(el, 'location', 'franklin');
    same(
      shownIds(el),
      idsWhere((p) => p.languages.includes('es') && p.locationIds.includes('franklin')),
    );
    // The location filtered by is the one each card shows first and books at.
    expect(cards(el).every((card) => card.location === 'franklin')).to.equal(true);
    await choose(el, 'language', '');
    await choose(el, 'location', '');
    await toggle(el, 'telehealth');
    same(
      shownIds(el),
      idsWhere((p) => p.telehealth),
    );
    await toggle(el, 'accepting');
    same(
      shownIds(el),
      idsWhere((p) => p.telehealth && p.acceptingNewPatients === 'yes'),
    );
    const count = shownIds(el).length;
    await until(() => liveText(el) === `${count} providers`, 'the filtered count announcement');
  });

  it('searches names after a pause, ignoring accents and case, keeping what was typed', async () => {
    const el = await list(html`<fd-provider-list .adapter=${shared}></fd-provider-list>`);
    const input = type(el, 'HERNANDEZ');
    await el.updateComplete;
    expect(shownIds(el)).to.have.length(providers.length); // debounced: not yet filtered
    await until(() => shownIds(el).length === 1, 'the search to apply');
    expect(shownIds(el)).to.deep.equal(['maria-hernandez']);
    expect(input.value).to.equal('HERNANDEZ');
    await until(() => liveText(el) === '1 provider', 'the singular count');
    type(el, 'tomas riv');
    input.form!.requestSubmit(); // Enter applies at once
    await el.updateComplete;
    expect(shownIds(el)).to.deep.equal(['tomas-rivera']);
  });

  it('takes preset filters from attributes, by code or name in any case', async () => {
    const cardiology = idsWhere((p) => p.specialties.some((s) => s.display === 'Cardiology'));
    expect(cardiology.length).to.be.above(0);
    const el = await list(html`<fd-provider-list specialty="cardiology" .adapter=${shared}></fd-provider-list>`);
    same(shownIds(el), cardiology);
    const selected = $<HTMLSelectElement>(el, 'select#specialty')!;
    expect(selected.selectedOptions[0]!.textContent).to.equal('Cardiology');

    el.setAttribute('specialty', 'family-medicine');
    await el.updateComplete;
    same(
      shownIds(el),
      idsWhere((p) => p.specialties.some((s) => s.display === 'Family medicine')),
    );

    const more = await list(
      html`<fd-provider-list language="Spanish" location="Franklin Family Health Center" accepting .adapter=${shared}></fd-provider-list>`,
    );
    same(
      shownIds(more),
      idsWhere(
        (p) => p.languages.includes('es') && p.locationIds.includes('franklin') && p.acceptingNewPatients === 'yes',
      ),
    );
    expect($<HTMLInputElement>(more, 'input#accepting')!.checked).to.equal(true);
    expect($<HTMLSelectElement>(more, 'select#language')!.value).to.equal('es');

    const video = await list(html`<fd-provider-list telehealth query="chen" .adapter=${shared}></fd-provider-list>`);
    expect(shownIds(video)).to.deep.equal(['wei-chen']);
    expect($<HTMLInputElement>(video, 'input#query')!.value).to.equal('chen');
  });

  it('names the filter to relax when nothing matches, and clears it', async () => {
    const el = await list(html`<fd-provider-list telehealth query="zzzz" .adapter=${shared}></fd-provider-list>`);
    const empty = $(el, '[part="empty"]')!;
    expect(shownText(empty)).to.contain('No providers match your filters.');
    expect(shownText(empty)).to.contain('Try removing the “Search by name: zzzz” filter.');
    expect(shownText($(el, '[part="count"]'))).to.equal('0 providers');
    await until(() => liveText(el) === '0 providers', 'the empty count');
    await expect(el).shadowDom.to.be.accessible();
    const clear = empty.querySelector('button')!;
    expect(shownText(clear)).to.equal('Clear “Search by name: zzzz”');
    clear.click();
    await until(() => shadow(el).activeElement?.id === 'query', 'focus on the search box');
    same(
      shownIds(el),
      idsWhere((p) => p.telehealth),
    );
    expect($<HTMLInputElement>(el, 'input#query')!.value).to.equal('');
  });

  it('keeps an unknown preset visible, names it, and clears all when no one filter helps', async () => {
    const el = await list(html`<fd-provider-list specialty="podiatry" .adapter=${shared}></fd-provider-list>`);
    expect($<HTMLSelectElement>(el, 'select#specialty')!.value).to.equal('podiatry');
    expect(shownText($(el, '[part="empty"]'))).to.contain('“Specialty: podiatry”');
    type(el, 'zzzz');
    $<HTMLInputElement>(el, 'input#query')!.form!.requestSubmit();
    await el.updateComplete;
    const clearAll = $<HTMLButtonElement>(el, '[part="empty"] button')!;
    expect(shownText(clearAll)).to.equal('Clear all filters');
    clearAll.click();
    await el.updateComplete;
    expect(shownIds(el)).to.have.length(providers.length);
    expect($<HTMLSelectElement>(el, 'select#specialty')!.value).to.equal('');
  });

  it('sorts by next available time, providers without one last', async () => {
    const el = await list(html`<fd-provider-list .adapter=${shared}></fd-provider-list>`);
    await choose(el, 'sort', 'next');
    const times = cards(el).map((card) => (card.provider as Provider).nextAvailable);
    const millis = times.map((t) => (t ? Date.parse(t) : Number.POSITIVE_INFINITY));
    expect(millis).to.deep.equal([...millis].sort((a, b) => a - b));
    expect(new Set(shownIds(el))).to.deep.equal(new Set(providers.map((p) => p.id)));
    const byAttribute = await list(html`<fd-provider-list sort="next" .adapter=${shared}></fd-provider-list>`);
    expect(shownIds(byAttribute)).to.deep.equal(shownIds(el));
  });

  it('lets a card’s Book event through to the page', async () => {
    const selections = collect<FdProviderSelectDetail>('fd-provider-select');
    const el = await list(html`<fd-provider-list location="franklin" .adapter=${shared}></fd-provider-list>`);
    const first = cards(el)[0]!;
    await first.updateComplete;
    first.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
    const { id, displayName } = first.provider as Provider;
    expect(selections).to.deep.equal([{ providerId: id, displayName, locationId: 'franklin' }]);
  });

  it('uses native labelled controls grouped in a fieldset, and reflows its grid', async () => {
    const el = await list(html`<fd-provider-list .adapter=${shared}></fd-provider-list>`);
    expect(shownText($(el, 'fieldset > legend'))).to.equal('Filter providers');
    const controls = [...shadow(el).querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
    expect(controls.map((c) => c.id)).to.deep.equal([
      'query',
      'specialty',
      'language',
      'location',
      'telehealth',
      'accepting',
      'sort',
    ]);
    for (const control of controls) expect(control.labels?.length, control.id).to.equal(1);
    const grid = $(el, '[part="grid"]')!;
    const columns = () => getComputedStyle(grid).gridTemplateColumns.split(' ').length;
    el.style.width = '320px';
    expect(columns()).to.equal(1);
    el.style.width = '1200px';
    expect(columns()).to.be.above(2);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('on a narrow screen folds the filters behind a Filter button that counts those on', async () => {
    const el = await list(
      html`<div style="width: 320px"><fd-provider-list specialty="family-medicine" .adapter=${shared}></fd-provider-list></div>`,
    );
    const button = $<HTMLButtonElement>(el, '[part="filter-button"]')!;
    const form = $(el, '[part="filters"]')!;
    expect(getComputedStyle(button).display).to.not.equal('none');
    expect(shownText(button)).to.equal('Filter (1 on)');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal(`${form.id} sort-field`);
    expect($(el, '#sort-field')!.getClientRects().length, 'the sort order folded too').to.equal(0);
    expect(form.getClientRects().length, 'the form folded').to.equal(0);
    // The first card starts within a phone's first screen, right below the button and the count.
    const first = cards(el)[0]!.getBoundingClientRect().top - el.getBoundingClientRect().top;
    expect(first).to.be.below(200);
    await expect(el).shadowDom.to.be.accessible();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(form.getClientRects().length, 'the form shown').to.be.above(0);
    await toggle(el, 'telehealth');
    expect(shownText(button)).to.equal('Filter (2 on)');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('on a wide screen shows the filters and no Filter button', async () => {
    const el = await list(
      html`<div style="width: 1000px"><fd-provider-list .adapter=${shared}></fd-provider-list></div>`,
    );
    expect(getComputedStyle($(el, '[part="filter-button"]')!).display).to.equal('none');
    expect($(el, '[part="filters"]')!.getClientRects().length).to.be.above(0);
  });

  it('has skip links past the filters and past a long list', async () => {
    const el = await list(html`<fd-provider-list .adapter=${shared}></fd-provider-list>`);
    (document.activeElement as HTMLElement | null)?.blur();
    await press('Tab');
    const skip = shadow(el).activeElement as HTMLAnchorElement;
    expect(shownText(skip)).to.equal(`Skip to the ${providers.length} providers`);
    expect(skip.getBoundingClientRect().width, 'shown while focused').to.be.above(1);
    await press('Enter');
    expect(shadow(el).activeElement).to.equal($(el, '[part="grid"]'));
    await press('Tab');
    const firstCard = cards(el)[0]!;
    expect(shadow(el).activeElement).to.equal(firstCard);
    expect(shadow(firstCard).activeElement!.matches('[part="button"]')).to.equal(true);
    const past = shadow(el).querySelectorAll<HTMLAnchorElement>('[part="skip-link"]')[1]!;
    expect(shownText(past)).to.equal('Skip past the list');
    past.click();
    expect(shadow(el).activeElement!.id).to.equal('list-end');
  });

  it('gives a card whose slot picker is open the whole row', async () => {
    const el = await list(
      html`<div style="width: 1200px"><fd-provider-list .adapter=${shared}></fd-provider-list></div>`,
    );
    const grid = $(el, '[part="grid"]')!;
    const second = cards(el)[1]!;
    const narrow = second.getBoundingClientRect().width;
    expect(narrow).to.be.below(grid.getBoundingClientRect().width / 2);
    $(second, '[part="button"]')!.click();
    await until(() => second.hasAttribute('booking-open'), 'the picker open');
    expect(second.parentElement!.getBoundingClientRect().width).to.be.closeTo(grid.getBoundingClientRect().width, 1);
    const picker = $(second, 'fd-slot-picker')!;
    expect(picker.getBoundingClientRect().width).to.be.above(narrow * 2);
  });

  it('is axe clean in the dark theme, which its cards follow', async () => {
    const dark = await list(html`<fd-provider-list theme="dark" .adapter=${shared}></fd-provider-list>`);
    expect(cards(dark).every((card) => card.getAttribute('theme') === 'dark')).to.equal(true);
    await expect(dark).shadowDom.to.be.accessible();
  });

  it('is axe clean while loading', async () => {
    const slow = await fixture<FdProviderList>(
      html`<fd-provider-list .adapter=${clinic({ latencyMs: 300 })}></fd-provider-list>`,
    );
    expect($(slow, '[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(slow).shadowDom.to.be.accessible();
  });

  it('shows an axe-clean error state when the adapter fails, and retries', async () => {
    const errors = collect<FdErrorDetail>('fd-error');
    const failing = await list(html`<fd-provider-list .adapter=${clinic({ fail: 'once' })}></fd-provider-list>`);
    expect(shownText($(failing, '[role="alert"]'))).to.contain('could not reach');
    expect(errors.map((e) => [e.kind, e.recoverable])).to.deep.equal([['network', false]]);
    await expect(failing).shadowDom.to.be.accessible();
    $(failing, '[part="retry-button"]')!.click();
    await until(() => $(failing, '[part="grid"]'), 'the grid after retry');
  });

  it('says when the clinic lists no providers', async () => {
    const adapter = withOverrides(shared, {
      listProviders: async () => ({ items: [], dropped: [] }),
      listLocations: async () => ({ items: [], dropped: [] }),
    });
    const el = await list(html`<fd-provider-list .adapter=${adapter}></fd-provider-list>`);
    expect(shownText($(el, '[part="empty"]'))).to.equal('No providers are listed yet.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the good providers of a hostile payload, reports the dropped ones, and renders names as text', async () => {
    const errors = collect<FdErrorDetail>('fd-error');
    const adapter = withOverrides(shared, {
      listProviders: async (options) => {
        const { items } = await shared.listProviders(options);
        const script = { ...items[0]!, id: 'hostile', displayName: '<script>window.pwned = 1</script>Eve' };
        const raw: unknown[] = [
          ...items.slice(1),
          script,
          { ...items[1], id: 'wrong-types', telehealth: 'yes', credentials: 'MD' },
          { ...items[2], id: 'huge', displayName: 'x'.repeat(100_000) },
          'not even an object',
        ];
        return parseListing(ProviderSchema, raw, 'providers');
      },
    });
    const el = await list(html`<fd-provider-list .adapter=${adapter}></fd-provider-list>`);
    expect(shownIds(el)).to.have.length(providers.length);
    expect(shownIds(el)).to.include('hostile');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({
      kind: 'invalid-response',
      field: `providers[${providers.length}]`,
      recoverable: true,
    });
    expect(errors[0]!.message).to.contain('3 providers left out as invalid');
    const hostile = cards(el).find((card) => (card.provider as Provider).id === 'hostile')!;
    await hostile.updateComplete;
    expect(hostile.shadowRoot!.querySelector('[part="name"]')!.textContent).to.contain(
      '<script>window.pwned = 1</script>Eve',
    );
    expect(hostile.shadowRoot!.querySelector('script')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('shows the error state when the adapter answers with something unreadable', async () => {
    const adapter = withOverrides(shared, {
      listProviders: async () => {
        throw new FrontdeskError('invalid-response', 'providers: expected an array', { field: 'providers' });
      },
    });
    const el = await list(html`<fd-provider-list .adapter=${adapter}></fd-provider-list>`);
    expect(shownText($(el, '[role="alert"]'))).to.contain('sent information we could not read');
    expect($(el, '[part="retry-button"]')).to.not.equal(null);
  });

  it('speaks Spanish inside lang="es"', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'es';
    const el = wrapper.appendChild(document.createElement('fd-provider-list'));
    el.adapter = shared;
    document.body.append(wrapper);
    onCleanup(() => wrapper.remove());
    await until(() => shownText($(el, '[part="count"]')) === `${providers.length} profesionales`, 'the Spanish count');
    expect(shownText($(el, 'label[for="query"]'))).to.equal('Buscar por nombre');
    expect([...$<HTMLSelectElement>(el, 'select#language')!.options].map((o) => o.textContent)).to.include('Español');
    type(el, 'chen');
    $<HTMLInputElement>(el, 'input#query')!.form!.requestSubmit();
    await el.updateComplete;
    expect(shownText($(el, '[part="count"]'))).to.equal('1 profesional');
    await until(() => liveText(el) === '1 profesional', 'the Spanish announcement');
    await expect(el).shadowDom.to.be.accessible();
  });
});

runWidgetConformance('fd-provider-list', { content: '[part~="grid"]', spanish: /profesionales/ });
