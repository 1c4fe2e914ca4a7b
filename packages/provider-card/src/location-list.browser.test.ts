import type { FdLocationSelectDetail, Location } from '@frontdesk/core';
import type { FdSlotPicker } from '@frontdesk/slot-picker';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { $, $$, cleanup, collect, onCleanup, shadow, shownText, sleep, until } from '../../../test/support/dom.js';
import { press } from '../../../test/support/keys.js';
import { mountShowing } from '../../../test/support/widgets.js';
import './define.js';
import { runWidgetConformance } from '../../../test/support/widget-conformance.js';
import type { FdLocationList } from './location-list.js';
import type { FdProviderList } from './provider-list.js';

const shared = memory();

/** The list, once it shows locations, an empty state or an error. */
const list = (template: TemplateResult) =>
  mountShowing<FdLocationList>(template, 'fd-location-list', '[part="list"], [part="empty"], [part="error"]');

afterEach(cleanup);

describe('fd-location-list', () => {
  let locations: Location[];
  before(async () => {
    locations = (await shared.listLocations()).items;
  });

  it('shows each location with its address, phone, map link and a Book button named for it', async () => {
    const el = await list(html`<fd-location-list .adapter=${shared}></fd-location-list>`);
    const rows = $$(el, '[part="location"]');
    const inRow = (row: Element, selector: string) => row.querySelector<HTMLElement>(selector);
    expect(rows.map((row) => shownText(inRow(row, '[part="name"]')))).to.deep.equal(locations.map((l) => l.name));
    expect(shownText($(el, '[part="count"]'))).to.equal(`${locations.length} locations`);
    const first = rows[0]!;
    expect(inRow(first, '[part="name"]')!.getAttribute('role')).to.equal('heading');
    expect(shownText(inRow(first, 'address'))).to.contain(locations[0]!.address!.city!);
    expect(inRow(first, 'a[href^="tel:"]')).to.exist;
    expect(inRow(first, 'a[target="_blank"]')!.getAttribute('aria-label')).to.equal(
      `Map of ${locations[0]!.name} (opens in a new tab)`,
    );
    expect(shownText(inRow(first, '[part="button"]'))).to.equal(`Book at ${locations[0]!.name}`);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Book opens that location’s slot picker below it, and closes it when pressed again', async () => {
    const el = await list(html`<fd-location-list .adapter=${shared}></fd-location-list>`);
    const selections = collect<FdLocationSelectDetail>('fd-location-select');
    const second = $$(el, '[part="location"]')[1]!;
    const book = second.querySelector<HTMLElement>('[part="button"]')!;
    book.click();
    const picker = await until(() => $<FdSlotPicker>(el, '#booking fd-slot-picker'), 'the picker');
    expect(selections).to.deep.equal([{ locationId: locations[1]!.id, name: locations[1]!.name }]);
    expect(picker.getAttribute('location')).to.equal(locations[1]!.id);
    expect(picker.hasAttribute('provider')).to.equal(false);
    expect(picker.adapter).to.equal(shared);
    expect(shownText($(el, '#booking-title'))).to.equal(`Book at ${locations[1]!.name}`);
    // Right below the location it was opened for.
    expect(second.closest('li')!.contains($(el, '#booking'))).to.equal(true);
    expect(book.getAttribute('aria-expanded')).to.equal('true');
    await until(() => $(el, '#booking')!.contains(shadow(el).activeElement), 'focus on the booking region');
    await expect(el).shadowDom.to.be.accessible();
    // Another location's Book closes the first picker and opens its own.
    const third = $$(el, '[part="location"]')[2]!;
    third.querySelector<HTMLElement>('[part="button"]')!.click();
    await until(() => $(el, '#booking fd-slot-picker')?.getAttribute('location') === locations[2]!.id, 'the next');
    expect($$(el, 'fd-slot-picker')).to.have.length(1);
    third.querySelector<HTMLElement>('[part="button"]')!.click();
    await el.updateComplete;
    expect($(el, '#booking')).to.equal(null);
  });

  it('leaves Book to a page that cancels fd-location-select', async () => {
    const el = await list(html`<fd-location-list .adapter=${shared}></fd-location-list>`);
    const takeOver = (event: Event) => event.preventDefault();
    document.addEventListener('fd-location-select', takeOver);
    onCleanup(() => document.removeEventListener('fd-location-select', takeOver));
    $(el, '[part="button"]')!.click();
    await sleep(50);
    await el.updateComplete;
    expect($(el, '#booking')).to.equal(null);
  });

  it('with booking="dialog" opens the picker in a modal dialog and gives focus back on Escape', async () => {
    const el = await list(html`<fd-location-list booking="dialog" .adapter=${shared}></fd-location-list>`);
    const book = $(el, '[part="button"]')!;
    book.focus();
    await press('Enter');
    const dialog = await until(() => $<HTMLDialogElement>(el, 'dialog#booking'), 'the dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
    await press('Escape');
    await until(() => !$(el, 'dialog'), 'the dialog closed');
    expect(shadow(el).activeElement).to.equal(book);
  });

  it('takes the locations from a property without asking the backend', async () => {
    const el = await list(html`<fd-location-list .locations=${locations.slice(0, 2)}></fd-location-list>`);
    expect($$(el, '[part="location"]')).to.have.length(2);
  });

  it('says when there are no locations', async () => {
    const el = await list(html`<fd-location-list .locations=${[]}></fd-location-list>`);
    expect(shownText($(el, '[part="empty"]'))).to.equal('No locations are listed yet.');
  });
});

describe('fd-provider-list on a source without practitioners', () => {
  it('shows the locations instead, each bookable', async () => {
    const noPractitioners = withOverrides(memory(), { listProviders: async () => ({ items: [], dropped: [] }) });
    const found = await fixture<FdProviderList>(
      html`<fd-provider-list .adapter=${noPractitioners}></fd-provider-list>`,
    );
    const inner = await until(() => $<FdLocationList>(found, 'fd-location-list'), 'the location list');
    await until(() => $(inner, '[part="location"]'), 'its locations');
    expect($$(inner, '[part="location"]').length).to.equal((await noPractitioners.listLocations()).items.length);
    expect($(found, '[part="filters"]')).to.equal(null);
    await expect(found).shadowDom.to.be.accessible();
  });
});

runWidgetConformance('fd-location-list', { content: '[part="location"]', spanish: /Reservar en/ });
