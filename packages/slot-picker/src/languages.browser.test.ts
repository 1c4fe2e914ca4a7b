import { registerStrings } from '@frontdesk/core';
import { expect, html } from '@open-wc/testing';
import { memory, START } from '../../../test/support/adapters.js';
import { $, settle, text, until } from '../../../test/support/dom.js';
import type { BookingStrings } from './booking-strings.js';
import { chooseDay, mount, timeButtons } from './picker-kit.browser.test.js';
import type { SlotPickerStrings } from './strings.js';

// A host page adds a language no package ships: French, registered from the page, for the calendar and for the
// booking steps (which load later, with their own table).
registerStrings<SlotPickerStrings>('fd-slot-picker', 'fr', {
  calendar: 'Choisissez un jour',
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  chooseDay: 'Choisissez un jour pour voir ses horaires.',
  timesOn: (date) => `Horaires du ${date}`,
  dayLabel: (date, count) => (count === 0 ? `${date}, aucun horaire` : `${date}, ${count} horaires`),
});
registerStrings<BookingStrings>('fd-slot-picker/booking', 'fr', { details: 'Vos coordonnées' });

describe('fd-slot-picker in a language the page registers', () => {
  it('shows French words, French dates from Intl, and English for the keys the page left out', async () => {
    const el = await mount(html`<div lang="fr-FR">
      <fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>
    </div>`);
    await until(() => $(el, 'button[aria-label="Mois suivant"]'), 'the French month buttons');
    expect(text($(el, '[part~="month-heading"]'))).to.match(/mars 2026/);
    expect(text(el)).to.contain('Choisissez un jour pour voir ses horaires.');
    // Not in the page's table: English, never a blank.
    expect(text(el)).to.contain('Use the arrow keys');
    await chooseDay(el, $(el, 'td.open')!.dataset.day!);
    timeButtons(el)[0]!.click();
    await settle(el);
    // The booking steps loaded with the page's French table already there: no English first.
    expect(text($(el, '#step-heading'))).to.equal('Vos coordonnées');
  });
});
