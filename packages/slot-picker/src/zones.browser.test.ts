import type { FdSlotSelectDetail, Slot } from '@frontdesk/core';
import { lookupAdapter } from '@frontdesk/core/element';
import { expect, html } from '@open-wc/testing';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { $, $$, focused, heard, settle, text, until } from '../../../test/support/dom.js';
import { press } from '../../../test/support/keys.js';
import { chooseDay, dayWithTimes, mount, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

/** "8:30 AM" from the wall time written in an ISO instant: an oracle independent of Intl and of the picker. */
function wallLabel(iso: string): string {
  const hour = Number(iso.slice(11, 13));
  return `${hour % 12 || 12}:${iso.slice(14, 16)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** The shown times of the chosen day: slot id and label. */
const shownTimes = (el: FdSlotPicker) => timeButtons(el).map((b) => [b.dataset.slot!, text(b)] as const);

async function slotsById(el: FdSlotPicker, ids: readonly string[]): Promise<Slot[]> {
  const adapter = await lookupAdapter(el, el.adapter);
  const { items } = await adapter.listSlots({ start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' });
  return ids.map((id) => items.find((slot) => slot.id === id)!);
}

describe('fd-slot-picker time zones', () => {
  // Sunday, the night of each change, has no clinic hours: marked in text, not only by colour.
  for (const { change, start, sunday, offsets } of [
    // Saturday in Franklin (Central Standard Time), then Monday in Nashville (Central Daylight Time).
    {
      change: 'spring-forward',
      start: '2026-03-05',
      sunday: '2026-03-08',
      offsets: { '2026-03-07': '-06:00', '2026-03-09': '-05:00' },
    },
    // Saturday 31 October is still daylight time; Monday 2 November is standard time.
    {
      change: 'fall-back',
      start: '2026-10-29',
      sunday: '2026-11-01',
      offsets: { '2026-10-31': '-05:00', '2026-11-02': '-06:00' },
    },
  ]) {
    it(`labels times on the right day across the ${change} weekend`, async () => {
      const el = await mount(html`<fd-slot-picker
        provider="maria-hernandez" visit-type="new-patient"
        start=${start}
        days="10"
        .adapter=${memory({ now: `${start}T06:00:00Z` })}
      ></fd-slot-picker>`);
      for (const [day, offset] of Object.entries(offsets)) {
        if ($(el, `td[data-day="${day}"]`)?.classList.contains('open') !== true) {
          $(el, '[part="month-button"][aria-label="Next month"]')?.click();
          await settle(el);
        }
        await chooseDay(el, day);
        const shown = shownTimes(el);
        expect(shown.length, day).to.be.greaterThan(0);
        const slots = await slotsById(
          el,
          shown.map(([id]) => id),
        );
        slots.forEach((slot, i) => {
          expect(slot.start.slice(0, 10)).to.equal(day);
          expect(slot.start.slice(-6)).to.equal(offset);
          expect(shown[i]?.[1]).to.equal(wallLabel(slot.start));
        });
      }
      expect(text($(el, `td[data-day="${sunday}"]`))).to.contain('no times');
    });
  }

  it('tells apart the repeated hour of the fall-back night and the skipped hour of spring', async () => {
    const base = memory({ now: '2026-03-01T00:00:00Z' });
    const slot = (id: string, start: string, end: string): Slot => ({
      id,
      start,
      end,
      providerId: 'maria-hernandez',
      visitTypeIds: ['new-patient'],
      status: 'free',
    });
    const adapter = withOverrides(base, {
      listSlots: async () => ({
        items: [
          slot('spring-before', '2026-03-08T01:30:00-06:00', '2026-03-08T02:00:00-06:00'),
          slot('spring-after', '2026-03-08T03:30:00-05:00', '2026-03-08T04:00:00-05:00'),
          slot('fall-first', '2026-11-01T01:30:00-05:00', '2026-11-01T02:00:00-05:00'),
          slot('fall-second', '2026-11-01T01:30:00-06:00', '2026-11-01T02:00:00-06:00'),
        ],
        dropped: [],
      }),
    });
    const el = await mount(html`<fd-slot-picker
      provider="maria-hernandez" visit-type="new-patient"
      start="2026-03-01"
      days="250"
      timezone="America/Chicago"
      .adapter=${adapter}
    ></fd-slot-picker>`);
    await chooseDay(el, '2026-03-08');
    expect(shownTimes(el)).to.deep.equal([
      ['spring-before', '1:30 AM'],
      ['spring-after', '3:30 AM'],
    ]);
    // Two different instants, both 1:30 AM on the wall clock: both offered, in order.
    $(el, '[part="next-available"]')!.click();
    await settle(el);
    expect(text($(el, '#month-heading'))).to.equal('November 2026');
    expect(shownTimes(el)).to.deep.equal([
      ['fall-first', '1:30 AM'],
      ['fall-second', '1:30 AM'],
    ]);
  });

  it('switches between the clinic’s zone and the patient’s, relabelling the same slots', async () => {
    const selections: FdSlotSelectDetail[] = [];
    const el = await mount(html`<fd-slot-picker
      provider="james-okafor"
      visit-type="follow-up"
      location="chattanooga-riverfront"
      timezone="America/Los_Angeles"
      mode="select"
      start="2026-03-02"
      .adapter=${memory()}
      @fd-slot-select=${(e: CustomEvent<FdSlotSelectDetail>) => selections.push(e.detail)}
    ></fd-slot-picker>`);
    await chooseDay(el, dayWithTimes(el, 2));
    const pacific = shownTimes(el);
    const slots = await slotsById(
      el,
      pacific.map(([id]) => id),
    );
    // The clinic writes its slots in Eastern time; in Los Angeles each is three hours earlier.
    slots.forEach((slot, i) => {
      expect(slot.start.slice(-6)).to.equal('-05:00');
      const eastern = Number(slot.start.slice(11, 13));
      const hour = eastern - 3;
      expect(pacific[i]?.[1]).to.equal(`${hour % 12 || 12}:${slot.start.slice(14, 16)} ${hour < 12 ? 'AM' : 'PM'}`);
    });
    const button = $<HTMLButtonElement>(el, '#zone-button')!;
    expect(text(button)).to.contain('Pacific Time');

    // The menu button, by keyboard: Arrow Down opens it on the checked zone, Escape closes and returns focus.
    button.focus();
    await press('ArrowDown');
    await settle(el);
    const menu = $(el, '#zone-menu')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.hidden).to.equal(false);
    // floating-ui loads on first use; focus moves in once the menu is placed.
    await until(() => focused(el)?.getAttribute('role') === 'menuitemradio', 'focus in the menu');
    expect(focused(el)?.getAttribute('aria-checked')).to.equal('true');
    // Placed by floating-ui, below its button.
    expect(menu.style.top).to.match(/px$/);
    expect(menu.getBoundingClientRect().top).to.be.at.least(button.getBoundingClientRect().bottom);
    await press('Escape');
    await settle(el);
    expect(menu.hidden).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal(button);

    await press('Enter');
    await until(() => focused(el)?.getAttribute('role') === 'menuitemradio', 'focus in the menu');
    await expect(el).shadowDom.to.be.accessible();
    const items = $$(el, '[role="menuitemradio"]');
    expect(items.map((item) => text(item))).to.include.members([
      'Clinic time: Eastern Time (New York)',
      'Pacific Time (Los Angeles)',
    ]);
    while (!text(focused(el)).startsWith('Clinic time')) {
      await press('ArrowDown');
      await settle(el);
    }
    await press('Enter');
    await settle(el);
    expect(focused(el)).to.equal(button);
    expect(text(button)).to.contain('Eastern Time (New York)');
    await heard(el, /^Times now shown in Eastern Time \(New York\)$/);

    const eastern = shownTimes(el);
    expect(eastern.map(([id]) => id)).to.deep.equal(pacific.map(([id]) => id));
    slots.forEach((slot, i) => {
      expect(eastern[i]?.[1]).to.equal(wallLabel(slot.start));
    });

    // The event names the zone the patient saw.
    timeButtons(el)[0]!.click();
    await settle(el);
    expect(selections.at(-1)).to.include({ slotId: eastern[0]?.[0], timeZone: 'America/New_York' });
    await expect(el).shadowDom.to.be.accessible();
  });
});
