import type { Slot } from '@frontdesk/core';
import type { FdErrorDetail } from '@frontdesk/core/element';
import { expect, fixture, html } from '@open-wc/testing';
import { memory, START, withOverrides } from '../../../test/support/adapters.js';
import { $, $$, focused, heard, settle, text, until } from '../../../test/support/dom.js';
import { press } from '../../../test/support/keys.js';
import { runWidgetConformance } from '../../../test/support/widget-conformance.js';
import { chooseDay, dayWithTimes, mount, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

const errorsOf = (list: FdErrorDetail[]) => (e: CustomEvent<FdErrorDetail>) => list.push(e.detail);

describe('fd-slot-picker states', () => {
  it('drops bad slots with an fd-error and never shows them', async () => {
    const base = memory();
    const errors: FdErrorDetail[] = [];
    const good = (
      await base.listSlots({
        start: '2026-03-02T00:00:00Z',
        end: '2026-03-10T00:00:00Z',
        providerId: 'maria-hernandez',
      })
    ).items.filter((slot) => slot.status === 'free' && slot.start.startsWith('2026-03-04'));
    const first = good[0]!;
    const bad = [
      { ...first, id: 'backwards', start: first.end, end: first.start },
      { ...first, status: 'busy' as const }, // same id again
      { ...first, id: 'overlap', start: first.start.replace(/:00(?=[-+])/, ':00'), end: first.end }, // same time and type
      { ...first, id: 'tentative', status: 'tentative' as unknown as Slot['status'] },
      { ...first, id: 'no-offset', start: first.start.slice(0, 19), end: first.end.slice(0, 19) },
    ];
    const adapter = withOverrides(base, {
      listSlots: async () => ({
        items: [...good, ...bad],
        // What a validating adapter reports for a record it could not read at all.
        dropped: [{ field: 'slots[99]', reason: 'slots[99].start: not a real date and time', id: 'unreadable' }],
      }),
    });
    const el = await mount(html`<fd-slot-picker
      provider="maria-hernandez" visit-type="new-patient"
      start=${START}
      .adapter=${adapter}
      @fd-error=${errorsOf(errors)}
    ></fd-slot-picker>`);
    expect(errors).to.have.length(1);
    const [error] = errors;
    expect(error).to.include({ kind: 'invalid-response', recoverable: true });
    expect(error?.message).to.match(
      /^6 slots left out as invalid: slots\[99\]\.start: not a real date and time \(and 5 more\)$/,
    );
    await chooseDay(el, '2026-03-04');
    const shown = timeButtons(el).map((b) => b.dataset.slot);
    expect(shown).to.deep.equal(good.map((slot) => slot.id));
    for (const id of ['backwards', 'overlap', 'tentative', 'no-offset']) expect(shown).to.not.include(id);
  });

  it('says when the provider is unknown, and when the provider attribute is missing', async () => {
    const errors: FdErrorDetail[] = [];
    const el = await mount(html`<fd-slot-picker
      provider="dr-nobody"
      .adapter=${memory()}
      @fd-error=${errorsOf(errors)}
    ></fd-slot-picker>`);
    const alert = $(el, '[role="alert"]')!;
    expect(text(alert)).to.contain('We could not find this provider.');
    expect(errors[0]).to.include({ kind: 'not-found', field: 'provider', recoverable: false });
    await expect(el).shadowDom.to.be.accessible();

    el.removeAttribute('provider');
    await settle(el);
    expect(text($(el, '[role="alert"]'))).to.contain('This booking widget needs a provider or a location.');
    expect(text($(el, '[role="alert"]'))).to.contain('needs a provider attribute (a provider id) or a location');
  });

  it('says when the visit type is unknown or not offered by the provider', async () => {
    const el = await mount(html`<fd-slot-picker
      provider="maria-hernandez"
      visit-type="moon-landing"
      .adapter=${memory()}
    ></fd-slot-picker>`);
    expect(text($(el, '[role="alert"]'))).to.contain('This visit type is not offered.');
    expect(text($(el, '[role="alert"]'))).to.contain('no visit type with this id');
    el.setAttribute('visit-type', 'pt-evaluation'); // a physical therapist's visit
    await settle(el);
    expect(text($(el, '[role="alert"]'))).to.contain('not offered by this provider');
    el.setAttribute('visit-type', 'follow-up');
    await settle(el);
    expect($(el, '[role="alert"]')).to.equal(null);
    // The page's visit type answers "new or existing" (existing) and is the one chosen among the existing visits.
    expect($<HTMLInputElement>(el, 'input[name="patientType"]:checked')?.value).to.equal('existing');
    expect($<HTMLInputElement>(el, 'input[name="visitType"]:checked')?.value).to.equal('follow-up');
  });

  it('names a mistyped attribute', async () => {
    const errors: FdErrorDetail[] = [];
    const el = await mount(html`<fd-slot-picker
      provider="maria-hernandez" visit-type="new-patient"
      start="2026-02-30"
      .adapter=${memory()}
      @fd-error=${errorsOf(errors)}
    ></fd-slot-picker>`);
    expect(text($(el, '[role="alert"]'))).to.contain('This booking widget is not set up correctly.');
    expect(errors[0]).to.include({ kind: 'invalid-input', field: 'start' });
    el.setAttribute('start', START);
    el.setAttribute('timezone', 'Mars/Olympus_Mons');
    await settle(el);
    expect(text($(el, '[role="alert"]'))).to.contain('timezone: expected an IANA time zone');
    el.removeAttribute('timezone');
    el.setAttribute('days', '0');
    await settle(el);
    expect(text($(el, '[role="alert"]'))).to.contain('days: expected a whole number');
  });

  it('marks a day with no slots and says so when it is chosen', async () => {
    const el = await mount(
      html`<fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>`,
    );
    const sunday = $(el, 'td[data-day="2026-03-08"]')!;
    expect(sunday.getAttribute('aria-disabled')).to.equal('true');
    expect(text(sunday)).to.equal('8Sunday, March 8, no times');
    sunday.click();
    await settle(el);
    expect(sunday.getAttribute('aria-selected')).to.equal('false');
    await heard(el, /^No times on Sunday, March 8\.$/);
    expect(timeButtons(el)).to.have.length(0);
    // Before a day is chosen the button offers the soonest; after, the next day with times, and says so.
    expect(text($(el, '[part="next-available"]'))).to.equal('Next available: Monday, March 2');
    await chooseDay(el, '2026-03-06');
    const next = $(el, '[part="next-available"]')!;
    expect(text(next)).to.equal('Next day with times: Saturday, March 7');
    next.click();
    await settle(el);
    expect($(el, 'td[aria-selected="true"]')?.dataset.day).to.equal('2026-03-07');
    // The times are the next decision: the first has focus.
    expect(focused(el)).to.equal(timeButtons(el)[0]);
    $(el, '[part="next-available"]')!.click();
    await settle(el);
    expect($(el, 'td[aria-selected="true"]')?.dataset.day).to.equal('2026-03-09');
    await heard(el, /^\d+ times? on Monday, March 9$/);
  });

  it('says when the provider has no availability in range', async () => {
    const el = await mount(html`<fd-slot-picker
      provider="aisha-rahman"
      visit-type="specialist-consult"
      start=${START}
      days="14"
      .adapter=${memory()}
    ></fd-slot-picker>`);
    const empty = $(el, '[part="empty"]')!;
    expect(empty.getAttribute('role')).to.equal('status');
    expect(text(empty)).to.contain('No times are open in the next 14 days.');
    expect($(el, 'table')).to.equal(null);
    expect($(el, '[part~="filters"]')).to.exist; // another visit type may still have times
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows a busy skeleton while loading and an error with a working retry', async () => {
    const el = await fixture<FdSlotPicker>(html`<fd-slot-picker
      provider="maria-hernandez" visit-type="new-patient"
      start=${START}
      .adapter=${memory({ latencyMs: 150 })}
    ></fd-slot-picker>`);
    expect($(el, '[part="loading"]')?.getAttribute('aria-busy')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
    await settle(el);
    expect($(el, 'table')).to.exist;

    const errors: FdErrorDetail[] = [];
    el.addEventListener('fd-error', errorsOf(errors));
    el.adapter = memory({ fail: 'once' });
    await settle(el);
    expect(text($(el, '[role="alert"]'))).to.contain('could not reach');
    expect(errors[0]).to.include({ kind: 'network', recoverable: false });
    await expect(el).shadowDom.to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await settle(el);
    for (let i = 0; i < 3 && !$(el, 'table'); i++) {
      $<HTMLButtonElement>(el, '[part="retry-button"]')?.click();
      await settle(el);
    }
    expect($(el, 'table')).to.exist;
  });

  it('loads once an adapter is set after it first found none', async () => {
    const el = await mount(
      html`<fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START}></fd-slot-picker>`,
    );
    expect(text($(el, '[role="alert"]'))).to.contain('has no adapter');
    el.adapter = memory();
    await settle(el);
    expect($(el, 'table')).to.exist;
  });

  it('speaks Spanish, with weeks starting on Monday', async () => {
    const el = await mount(html`<div lang="es">
      <fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>
    </div>`);
    // The Spanish table is fetched on first use.
    await until(() => text($(el, 'td[data-day="2026-03-08"]')).includes('sin horarios'), 'the Spanish strings');
    expect(text($(el, '#month-heading'))).to.equal('marzo de 2026');
    expect(text($$(el, 'th')[0])).to.match(/^lun/);
    expect(text($(el, 'td[data-day="2026-03-08"]'))).to.contain('domingo, 8 de marzo, sin horarios');
    await chooseDay(el, dayWithTimes(el, 2));
    expect(text($(el, '#times-heading'))).to.match(/^Horarios del \w+/);
    expect(text($(el, '.time-group h4'))).to.match(/Mañana|Tarde|Noche/);
    timeButtons(el)[0]!.click();
    await settle(el);
    expect(text($(el, '#step-heading'))).to.equal('Sus datos');
    expect(text($(el, 'fieldset legend'))).to.equal('¿Para quién es la consulta?');
    expect(text($(el, 'label[for="f-birthDate"]'))).to.equal('Fecha de nacimiento');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('mirrors the arrow keys in right-to-left text', async () => {
    const el = await mount(html`<div dir="rtl" lang="en">
      <fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>
    </div>`);
    $(el, 'td[data-day="2026-03-04"]')!.click();
    await settle(el);
    $(el, 'td[data-day="2026-03-04"]')!.focus();
    await press('ArrowLeft');
    await settle(el);
    expect(focused(el)?.dataset.day).to.equal('2026-03-05');
    await press('ArrowRight');
    await settle(el);
    expect(focused(el)?.dataset.day).to.equal('2026-03-04');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('renders only the month shown and the day chosen from 10,000 slots over 90 days', async () => {
    const base = memory();
    const startMs = Date.parse('2026-03-02T13:00:00Z');
    const many: Slot[] = Array.from({ length: 10_000 }, (_, i) => {
      const start = startMs + Math.floor(i / 112) * 86_400_000 + (i % 112) * 5 * 60_000;
      return {
        id: `s${i}`,
        start: new Date(start).toISOString(),
        end: new Date(start + 5 * 60_000).toISOString(),
        providerId: 'maria-hernandez',
        visitTypeIds: ['new-patient'],
        status: 'free',
      };
    });
    const adapter = withOverrides(base, { listSlots: async () => ({ items: many, dropped: [] }) });
    const el = await mount(
      html`<fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${adapter}></fd-slot-picker>`,
    );
    expect($$(el, 'td[data-day]').length).to.be.at.most(31);
    expect(text($(el, 'td[data-day="2026-03-02"]'))).to.contain('112 times');
    expect(timeButtons(el)).to.have.length(0);
    await chooseDay(el, '2026-03-03');
    expect(timeButtons(el)).to.have.length(112);
    await chooseDay(el, '2026-03-04');
    expect(timeButtons(el)[0]?.dataset.slot).to.equal('s224');
  });
});

runWidgetConformance('fd-slot-picker', {
  attributes: { provider: 'maria-hernandez', 'visit-type': 'new-patient', start: START },
  content: '[part~="calendar"]',
  spanish: /Elija un día/,
});
