import type { FdErrorDetail, FdProviderSelectDetail } from '@frontdesk/core';
import {
  FrontdeskError,
  type Location,
  Location as LocationSchema,
  type Provider,
  parseListing,
} from '@frontdesk/core';
import type { MemoryAdapterOptions } from '@frontdesk/core/memory';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { $, $$, cleanup, collect, onCleanup, shadow, shownText, sleep, until } from '../../../test/support/dom.js';
import { press, sendKeys } from '../../../test/support/keys.js';
import './define.js';
import type { FdSlotPicker } from '@frontdesk/slot-picker';
import { runWidgetConformance } from '../../../test/support/widget-conformance.js';
import { WHEN } from './display.js';
import type { FdProviderCard } from './provider-card.js';

const NOW = '2026-03-02T14:00:00Z';
const clinic = (options: MemoryAdapterOptions = {}) => memory({ now: NOW, days: 21, ...options });
const shared = clinic();

/** The card, once it shows the provider or an error. */
async function shown(el: FdProviderCard): Promise<FdProviderCard> {
  await el.updateComplete;
  await until(() => $(el, '[part="card"], [part="error"]'), 'the card or its error');
  await el.updateComplete;
  return el;
}

async function card(template: TemplateResult): Promise<FdProviderCard> {
  const found = await fixture<HTMLElement>(template);
  return shown(
    found.localName === 'fd-provider-card' ? (found as FdProviderCard) : found.querySelector('fd-provider-card')!,
  );
}

/** A provider with only the required fields. */
const bare: Provider = {
  id: 'pat-lee',
  displayName: 'Pat Lee',
  credentials: [],
  specialties: [],
  languages: [],
  acceptingNewPatients: 'no',
  locationIds: [],
  telehealth: false,
  inPerson: true,
};

afterEach(cleanup);

describe('fd-provider-card', () => {
  let maria: Provider;
  let locations: Location[];
  before(async () => {
    maria = await shared.getProvider('maria-hernandez');
    locations = (await shared.listLocations()).items;
  });

  describe('rendering', () => {
    it('shows every field of a provider loaded by id', async () => {
      const el = await card(html`<fd-provider-card provider="maria-hernandez" .adapter=${shared}></fd-provider-card>`);
      const name = $(el, '[part="name"]')!;
      expect(name.textContent?.trim()).to.equal('María Hernández, MD');
      expect(name.getAttribute('role')).to.equal('heading');
      expect(name.getAttribute('aria-level')).to.equal('2');
      expect($(el, '[part="card"]')!.getAttribute('aria-labelledby')).to.equal('name');
      expect(shownText($(el, '.specialties'))).to.equal('Family medicine');
      expect(shownText($(el, '.facts'))).to.contain('Languages English, Spanish');
      expect($$(el, '[part="badge"]').map((b) => shownText(b))).to.deep.equal([
        'Accepting new patients',
        'Video visits',
        'In-person visits',
      ]);
      // No photo in this demo clinic: initials instead, hidden from screen readers (the name is right beside them).
      const initials = $(el, '.initials')!;
      expect(initials.textContent).to.equal('MH');
      expect(initials.getAttribute('aria-hidden')).to.equal('true');
      expect($(el, 'img')).to.equal(null);

      const items = $$(el, '.locations > li');
      expect(items.map((li) => shownText(li.querySelector('.location-name')))).to.deep.equal([
        'Midtown Nashville Clinic',
        'Franklin Family Health Center',
      ]);
      expect(shownText(items[0]!.querySelector('address'))).to.equal(
        '2100 West End Avenue Suite 400 Nashville, TN 37203',
      );
      const tel = items[0]!.querySelector('a[href^="tel:"]')!;
      expect(tel.getAttribute('href')).to.equal('tel:6155550142');
      expect(shownText(tel)).to.equal('Phone: (615) 555-0142');
      const map = items[0]!.querySelector<HTMLAnchorElement>('a[target="_blank"]')!;
      expect(map.href.startsWith('https://www.google.com/maps/search/?api=1&query=')).to.equal(true);
      expect(decodeURIComponent(map.href.split('query=')[1]!)).to.contain('2100 West End Avenue, Suite 400, Nashville');
      expect(map.rel).to.contain('noopener');
      expect(map.getAttribute('aria-label')).to.equal('Map of Midtown Nashville Clinic (opens in a new tab)');
      // The map site is only contacted when the patient follows the link.
      expect(performance.getEntriesByType('resource').some((e) => e.name.includes('google'))).to.equal(false);

      const time = $(el, 'time')!;
      expect(time.getAttribute('datetime')).to.equal(maria.nextAvailable);
      const at = new Date(maria.nextAvailable!);
      const expected = new Intl.DateTimeFormat('en', { ...WHEN, timeZone: 'America/Chicago' }).format(at);
      expect(time.textContent).to.equal(expected);
      expect(expected).to.contain('Central Time');
      expect(shownText($(el, '.bio'))).to.contain('Dr. Hernández has cared for families');
      expect(shownText($(el, '[part="button"]'))).to.equal('Book with María Hernández');
    });

    it('shows the next available time in the zone of the location it books at', async () => {
      const wei = await shared.getProvider('wei-chen');
      const el = await card(
        html`<fd-provider-card provider="wei-chen" location="knoxville-west" .adapter=${shared}></fd-provider-card>`,
      );
      expect(shownText($(el, '.location-name'))).to.equal('West Knoxville Medical Office');
      expect($(el, 'time')!.textContent).to.equal(
        new Intl.DateTimeFormat('en', { ...WHEN, timeZone: 'America/New_York' }).format(new Date(wei.nextAvailable!)),
      );
      expect($(el, 'time')!.textContent).to.contain('Eastern Time');
    });

    it('loads an http photo without a referrer, and shows initials when it fails', async () => {
      const photoUrl = `${location.origin}/no-such-folder/photo.jpg`;
      const el = await fixture<FdProviderCard>(
        html`<fd-provider-card .provider=${{ ...maria, photoUrl }} .locations=${locations}></fd-provider-card>`,
      );
      // The photo's error event does not bubble; catch it on the way down to see the image that failed.
      let failed: HTMLImageElement | undefined;
      shadow(el).addEventListener('error', (event) => (failed = event.target as HTMLImageElement), { capture: true });
      await until(() => $(el, 'img, .initials'), 'the photo');
      // A test page in the background never loads lazy images: fail it by hand then, with the event a 404 fires.
      if (document.visibilityState === 'hidden') $(el, 'img')?.dispatchEvent(new Event('error'));
      await until(() => $(el, '.initials'), 'the initials after the photo failed');
      expect(failed!.getAttribute('src')).to.equal(photoUrl);
      expect(failed!.getAttribute('part')).to.equal('photo');
      expect(failed!.alt).to.equal('');
      expect(failed!.referrerPolicy).to.equal('no-referrer');
      expect($(el, 'img')).to.equal(null);
      expect(shownText($(el, '[part="photo"]'))).to.equal('MH');
    });

    it('renders what a provider has when optional fields are missing, without any backend', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const el = await card(html`<fd-provider-card .provider=${bare}></fd-provider-card>`);
      expect(shownText($(el, '[part="name"]'))).to.equal('Pat Lee');
      expect($(el, '.initials')!.textContent).to.equal('PL');
      expect($$(el, '[part="badge"]').map((b) => shownText(b))).to.deep.equal([
        'Not accepting new patients',
        'In-person visits',
      ]);
      expect($(el, '.specialties')).to.equal(null);
      expect($(el, '.bio')).to.equal(null);
      expect($(el, '.locations')).to.equal(null);
      expect($(el, 'time')).to.equal(null);
      expect(errors).to.deep.equal([]);
      await expect(el).shadowDom.to.be.accessible();
    });

    it('shows location names only in the compact variant', async () => {
      const el = await card(
        html`<fd-provider-card variant="compact" .provider=${maria} .locations=${locations}></fd-provider-card>`,
      );
      expect(shownText($(el, '.facts'))).to.contain(
        'Locations Midtown Nashville Clinic, Franklin Family Health Center',
      );
      expect($(el, 'address')).to.equal(null);
      expect($(el, 'a')).to.equal(null);
      expect($(el, '.bio')).to.equal(null);
      await expect(el).shadowDom.to.be.accessible();
    });

    it('expands a long bio with a real button that reports its state', async () => {
      const el = await card(html`<fd-provider-card .provider=${maria} .locations=${locations}></fd-provider-card>`);
      const bio = $(el, '#bio')!;
      const more = $<HTMLButtonElement>(el, 'button.more')!;
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(more.getAttribute('aria-controls')).to.equal('bio');
      // Its name reads as one phrase: "Read more about María Hernández", not "Read more About María…".
      expect(shownText(more)).to.equal('Read more about María Hernández');
      expect(bio.textContent!.endsWith('…')).to.equal(true);
      expect(bio.textContent!.length).to.be.below(maria.bio!.length);
      more.click();
      await el.updateComplete;
      expect(bio.textContent).to.equal(maria.bio);
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(shownText(more)).to.equal('Show less about María Hernández');
    });

    it('keeps a short bio whole, with no button', async () => {
      const el = await card(html`<fd-provider-card .provider=${{ ...bare, bio: 'Sees adults.' }}></fd-provider-card>`);
      expect(shownText($(el, '.bio'))).to.equal('Sees adults.');
      expect($(el, 'button.more')).to.equal(null);
    });

    it('says so clearly when the provider id is unknown', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const el = await card(html`<fd-provider-card provider="no-such-doctor" .adapter=${shared}></fd-provider-card>`);
      const alert = $(el, '[role="alert"]')!;
      expect(shownText(alert)).to.contain('We could not find this provider.');
      expect($(el, '[part="retry-button"]')).to.equal(null);
      expect(errors.map((e) => [e.kind, e.recoverable])).to.deep.equal([['not-found', false]]);
      await expect(el).shadowDom.to.be.accessible();
    });

    it('explains a missing provider attribute', async () => {
      const el = await card(html`<fd-provider-card .adapter=${shared}></fd-provider-card>`);
      expect(shownText($(el, '[role="alert"]'))).to.contain('This widget is not set up correctly');
      // The developer's detail sits in the collapsed "Details" disclosure.
      expect($(el, '[role="alert"] code')!.textContent).to.contain('needs a provider attribute');
    });

    it('shows a skeleton while loading', async () => {
      const slow = clinic({ latencyMs: 200 });
      const el = await fixture<FdProviderCard>(
        html`<fd-provider-card provider="maria-hernandez" .adapter=${slow}></fd-provider-card>`,
      );
      expect($(el, '[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).shadowDom.to.be.accessible();
      await shown(el);
      expect($(el, '[part="loading"]')).to.equal(null);
    });
  });

  describe('events and booking', () => {
    it('fires fd-provider-select with the provider and location, bubbling and composed', async () => {
      const events: CustomEvent<FdProviderSelectDetail>[] = [];
      const listener = (e: Event) => events.push(e as CustomEvent<FdProviderSelectDetail>);
      document.addEventListener('fd-provider-select', listener);
      try {
        const el = await card(
          html`<fd-provider-card location="franklin" .provider=${maria} .locations=${locations}></fd-provider-card>`,
        );
        $(el, '[part="button"]')!.click();
        expect(events.length).to.equal(1);
        expect(events[0]!.detail).to.deep.equal({
          providerId: 'maria-hernandez',
          displayName: 'María Hernández',
          locationId: 'franklin',
        });
        expect(events[0]!.bubbles).to.equal(true);
        expect(events[0]!.composed).to.equal(true);
        expect(events[0]!.target).to.equal(el);
        expect(shownText($(el, '.location-name'))).to.equal('Franklin Family Health Center');
      } finally {
        document.removeEventListener('fd-provider-select', listener);
      }
    });

    it('sends no location for a video-only provider', async () => {
      const el = await card(html`<fd-provider-card .provider=${bare}></fd-provider-card>`);
      let detail: FdProviderSelectDetail | undefined;
      el.addEventListener('fd-provider-select', (e) => {
        detail = e.detail;
      });
      $(el, '[part="button"]')!.click();
      expect(detail).to.deep.equal({ providerId: 'pat-lee', displayName: 'Pat Lee', locationId: undefined });
    });

    it('Book opens that provider’s own slot picker below the card, focus on its first decision', async () => {
      const el = await card(
        html`<fd-provider-card location="franklin" .provider=${maria} .locations=${locations} .adapter=${shared}></fd-provider-card>`,
      );
      const selections = collect<FdProviderSelectDetail>('fd-provider-select');
      const book = $(el, '[part="button"]')!;
      expect(book.getAttribute('aria-expanded')).to.equal('false');
      book.click();
      const picker = await until(() => $<FdSlotPicker>(el, '#booking fd-slot-picker'), 'the picker');
      expect(selections).to.have.length(1);
      expect(picker.getAttribute('provider')).to.equal('maria-hernandez');
      expect(picker.getAttribute('location')).to.equal('franklin');
      expect(picker.adapter).to.equal(shared);
      expect(shownText($(el, '#booking-title'))).to.equal('Book with María Hernández');
      expect(book.getAttribute('aria-expanded')).to.equal('true');
      expect(book.getAttribute('aria-controls')).to.equal('booking');
      expect(el.hasAttribute('booking-open')).to.equal(true);
      // Once its times are there, focus is on the picker's first control, inside its shadow root.
      await until(() => shadow(el).activeElement === picker && picker.shadowRoot!.activeElement, 'focus in the picker');
      expect(picker.shadowRoot!.activeElement!.matches('input, select, button, [tabindex="0"]')).to.equal(true);
      await expect(el).shadowDom.to.be.accessible();
      book.click();
      await el.updateComplete;
      expect($(el, '#booking')).to.equal(null);
      expect(book.getAttribute('aria-expanded')).to.equal('false');
      expect(el.hasAttribute('booking-open')).to.equal(false);
    });

    it('leaves Book to a page that cancels fd-provider-select, and to booking="event"', async () => {
      const el = await card(
        html`<fd-provider-card .provider=${maria} .locations=${locations} .adapter=${shared}></fd-provider-card>`,
      );
      const takeOver = (event: Event) => event.preventDefault();
      document.addEventListener('fd-provider-select', takeOver);
      onCleanup(() => document.removeEventListener('fd-provider-select', takeOver));
      const selections = collect<FdProviderSelectDetail>('fd-provider-select');
      $(el, '[part="button"]')!.click();
      await sleep(50);
      await el.updateComplete;
      expect(selections).to.have.length(1);
      expect($(el, '#booking')).to.equal(null);
      document.removeEventListener('fd-provider-select', takeOver);

      el.booking = 'event';
      await el.updateComplete;
      const book = $(el, '[part="button"]')!;
      expect(book.hasAttribute('aria-expanded')).to.equal(false);
      book.click();
      await sleep(50);
      await el.updateComplete;
      expect(selections).to.have.length(2);
      expect($(el, '#booking')).to.equal(null);
    });

    it('with booking="dialog" books in a modal dialog that keeps focus and gives it back to Book', async () => {
      const el = await card(
        html`<fd-provider-card booking="dialog" .provider=${maria} .locations=${locations} .adapter=${shared}></fd-provider-card>`,
      );
      const book = $(el, '[part="button"]')!;
      expect(book.getAttribute('aria-haspopup')).to.equal('dialog');
      book.focus();
      await press('Enter');
      const dialog = await until(() => $<HTMLDialogElement>(el, 'dialog#booking'), 'the dialog');
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.getAttribute('aria-labelledby')).to.equal('booking-title');
      const picker = dialog.querySelector<FdSlotPicker>('fd-slot-picker')!;
      await until(() => shadow(el).activeElement === picker && picker.shadowRoot!.activeElement, 'focus in the picker');
      // The rest of the page is inert: Tab never leaves the dialog.
      for (let i = 0; i < 12; i++) {
        await press('Tab');
        const active = shadow(el).activeElement;
        expect(active === null || dialog.contains(active), `Tab ${i + 1} stays in the dialog`).to.equal(true);
      }
      await expect(el).shadowDom.to.be.accessible();
      await press('Escape');
      await until(() => !$(el, 'dialog'), 'the dialog closed');
      expect(shadow(el).activeElement).to.equal(book);
    });

    it('works from the keyboard: Tab reaches the bio toggle and Book, Enter and Space activate them', async () => {
      const el = await card(
        html`<fd-provider-card booking="event" .provider=${maria} .locations=${locations}></fd-provider-card>`,
      );
      let fired = 0;
      el.addEventListener('fd-provider-select', () => fired++);
      (document.activeElement as HTMLElement | null)?.blur();
      const order: string[] = [];
      for (let i = 0; i < 8 && !order.includes('Book'); i++) {
        await press('Tab');
        const active = shadow(el).activeElement as HTMLElement | null;
        order.push(
          active?.matches('[part="button"]') ? 'Book' : active?.matches('.more') ? 'more' : (active?.tagName ?? ''),
        );
      }
      // Two locations (phone and map each), the bio toggle, then Book.
      expect(order).to.deep.equal(['A', 'A', 'A', 'A', 'more', 'Book']);
      await press('Enter');
      await press('Space');
      expect(fired).to.equal(2);
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect((shadow(el).activeElement as HTMLElement).matches('.more')).to.equal(true);
      await press('Enter');
      await el.updateComplete;
      expect($(el, '#bio')!.textContent).to.equal(maria.bio);
      await press('Space');
      await el.updateComplete;
      expect($(el, 'button.more')!.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('accessibility and theming', () => {
    for (const theme of ['light', 'dark']) {
      it(`is axe clean in the full variant, ${theme}`, async () => {
        const el = await card(
          html`<fd-provider-card theme=${theme} .provider=${maria} .locations=${locations}></fd-provider-card>`,
        );
        await expect(el).shadowDom.to.be.accessible();
      });
    }

    it('is axe clean in the error state, with a working retry', async () => {
      const flaky = clinic({ fail: 'once' });
      const errors = collect<FdErrorDetail>('fd-error');
      const el = await card(html`<fd-provider-card provider="maria-hernandez" .adapter=${flaky}></fd-provider-card>`);
      expect(shownText($(el, '[role="alert"]'))).to.contain('could not reach');
      expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
      await expect(el).shadowDom.to.be.accessible();
      $(el, '[part="retry-button"]')!.click();
      await until(() => $(el, '[part="card"]'), 'the card after retry');
    });

    it('exposes the documented parts and reads its custom properties', async () => {
      const el = await card(
        html`<fd-provider-card style="--fd-provider-card-name-color: rgb(1, 2, 3)" .provider=${maria} .locations=${locations}></fd-provider-card>`,
      );
      for (const part of ['card', 'photo', 'name', 'badges', 'badge', 'button']) {
        expect($(el, `[part~="${part}"]`), part).to.not.equal(null);
      }
      expect(getComputedStyle($(el, '[part="name"]')!).color).to.equal('rgb(1, 2, 3)');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(getComputedStyle($(el, '[part="card"]')!).backgroundColor).to.equal('rgb(21, 26, 33)');
    });

    it('speaks Spanish with lang="es" (here on the element itself; an ancestor works the same)', async () => {
      const el = await card(
        html`<fd-provider-card lang="es" .provider=${maria} .locations=${locations}></fd-provider-card>`,
      );
      await until(() => shownText(el).includes('Reservar'), 'Spanish strings');
      expect(shownText($(el, '[part="button"]'))).to.equal('Reservar con María Hernández');
      expect(shownText($(el, '.facts'))).to.contain('Idiomas Inglés, Español');
      expect(shownText($(el, '[part="badge"]'))).to.equal('Acepta pacientes nuevos');
      expect(shownText($(el, '.facts'))).to.contain('Próxima cita disponible');
      expect(shownText($(el, 'button.more'))).to.contain('Leer más');
      await expect(el).shadowDom.to.be.accessible();
    });
  });

  describe('hostile input', () => {
    it('shows markup in names as text', async () => {
      const hostile = {
        ...bare,
        displayName: '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">',
        credentials: ['<b>MD</b>'],
        specialties: [{ code: 'x', display: '<iframe src="javascript:alert(1)">' }],
        bio: '<a href="javascript:alert(3)">click</a>',
      };
      const el = await card(html`<fd-provider-card .provider=${hostile}></fd-provider-card>`);
      expect($(el, '[part="name"]')!.textContent?.trim()).to.equal(`${hostile.displayName}, <b>MD</b>`);
      expect(shownText($(el, '.specialties'))).to.equal(hostile.specialties[0]!.display);
      expect($(el, 'script, img, b, iframe, .bio a')).to.equal(null);
      expect((window as { pwned?: number }).pwned).to.equal(undefined);
    });

    it('never loads a javascript: photo: it is left out and reported, the rest renders', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const el = await card(
        html`<fd-provider-card .provider=${{ ...bare, photoUrl: 'javascript:alert(1)' }}></fd-provider-card>`,
      );
      expect($(el, 'img')).to.equal(null);
      expect($(el, '.initials')!.textContent).to.equal('PL');
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ kind: 'invalid-input', field: 'provider.photoUrl', recoverable: true });
    });

    it('never loads a non-http photo even from an adapter that skipped validation', async () => {
      const raw = { ...maria, photoUrl: 'data:image/svg+xml,<svg onload="alert(1)"/>' } as Provider;
      const adapter = withOverrides(shared, { getProvider: async () => raw });
      const el = await card(html`<fd-provider-card provider="maria-hernandez" .adapter=${adapter}></fd-provider-card>`);
      expect($(el, 'img')).to.equal(null);
      expect($(el, '.initials')).to.not.equal(null);
    });

    it('copes with huge strings: a long bio is shortened, an oversized one left out', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const longest = 'word '.repeat(2000);
      const el = await card(
        html`<fd-provider-card .provider=${{ ...bare, displayName: 'N'.repeat(500), bio: longest }}></fd-provider-card>`,
      );
      expect(shownText($(el, '[part="name"]'))).to.have.length(500);
      expect($(el, '#bio')!.textContent!.length).to.be.at.most(201);
      el.provider = { ...bare, bio: 'x'.repeat(200_000) };
      await shown(el);
      expect($(el, '.bio')).to.equal(null);
      expect(shownText($(el, '[part="name"]'))).to.equal('Pat Lee');
      expect(errors.map((e) => e.field)).to.deep.equal(['provider.bio']);
    });

    it('shows a clear error for wrong types in required fields', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const wrong = { ...bare, credentials: 'MD', telehealth: 'yes' } as unknown as Provider;
      const el = await card(html`<fd-provider-card .provider=${wrong}></fd-provider-card>`);
      expect(shownText($(el, '[role="alert"]'))).to.contain('This widget is not set up correctly');
      expect(errors[0]).to.include({ kind: 'invalid-input', field: 'provider.credentials', recoverable: false });
      expect(errors[0]!.message).to.contain('(and 1 more)');
      const long = await card(
        html`<fd-provider-card .provider=${{ ...bare, displayName: 'N'.repeat(5000) }}></fd-provider-card>`,
      );
      expect($(long, '[role="alert"]')).to.not.equal(null);
      await expect(long).shadowDom.to.be.accessible();
    });

    it('shows the error state with retry when the adapter sends an invalid response', async () => {
      let calls = 0;
      const adapter = withOverrides(shared, {
        getProvider: async (id, options) => {
          if (calls++ === 0)
            throw new FrontdeskError('invalid-response', 'provider.acceptingNewPatients: invalid option');
          return shared.getProvider(id, options);
        },
      });
      const el = await card(html`<fd-provider-card provider="maria-hernandez" .adapter=${adapter}></fd-provider-card>`);
      expect(shownText($(el, '[role="alert"]'))).to.contain('sent information we could not read');
      $(el, '[part="retry-button"]')!.click();
      await until(() => $(el, '[part="card"]'), 'the card after retry');
    });

    it('reports locations the adapter dropped and shows the others', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const adapter = withOverrides(shared, {
        listLocations: async () => {
          const good = (await shared.listLocations()).items.filter((l) => l.id !== 'franklin');
          const bad = { id: 'franklin', name: '<b>x</b>', timeZone: 'Mars/Olympus_Mons' };
          return parseListing(LocationSchema, [...good, bad], 'locations');
        },
      });
      const el = await card(html`<fd-provider-card provider="maria-hernandez" .adapter=${adapter}></fd-provider-card>`);
      expect($$(el, '.location-name').map((n) => shownText(n))).to.deep.equal(['Midtown Nashville Clinic']);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ kind: 'invalid-response', recoverable: true });
      expect(errors[0]!.message).to.contain('1 locations left out as invalid');
    });
  });
});

runWidgetConformance('fd-provider-card', {
  attributes: { provider: 'maria-hernandez' },
  content: '[part~="card"]',
  spanish: /Acepta/,
});
