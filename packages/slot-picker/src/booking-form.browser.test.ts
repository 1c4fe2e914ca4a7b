import type { Booking, BookingRequest, FdErrorDetail, FdPlanSelectDetail } from '@frontdesk/core';
import { expect, html } from '@open-wc/testing';
import { memory, START, withOverrides } from '../../../test/support/adapters.js';
import { $, $$, cleanup, collect, focused, liveText, settle, text, until } from '../../../test/support/dom.js';
import { press, typeText } from '../../../test/support/keys.js';
import { ANA, chooseDay, dayWithTimes, fill, mount, mountClinic, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

/** Type into a field as a patient would (input events on the native field). */
async function toDetails(el: FdSlotPicker): Promise<string> {
  await chooseDay(el, dayWithTimes(el));
  const id = timeButtons(el)[0]!.dataset.slot!;
  timeButtons(el)[0]!.click();
  await settle(el);
  await until(() => $(el, 'form'), 'the details form');
  return id;
}

async function continueToReview(el: FdSlotPicker): Promise<void> {
  await settle(el);
  $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
  await settle(el);
}

async function confirm(el: FdSlotPicker): Promise<void> {
  $<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
  await until(() => $(el, '[part="confirm-button"]')?.getAttribute('aria-disabled') !== 'true', 'the booking');
  await settle(el);
}

/** The memory clinic, recording each booking request it was sent. */
function recordingBookings(extra: Partial<Booking> = {}) {
  const base = memory();
  const requests: BookingRequest[] = [];
  const adapter = withOverrides(base, {
    book: async (request: BookingRequest) => {
      requests.push(request);
      return { ...(await base.book(request)), ...extra };
    },
  });
  return { base, adapter, requests };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('fd-slot-picker: what kind of visit', () => {
  it('asks new or existing first, choosing nothing for the patient, then shows each visit type with its price', async () => {
    const el = await mount(
      html`<fd-slot-picker provider="maria-hernandez" start=${START} .adapter=${memory()}></fd-slot-picker>`,
    );
    const answers = $$<HTMLInputElement>(el, 'input[name="patientType"]');
    expect(answers.map((radio) => radio.checked)).to.deep.equal([false, false]);
    expect(text($(el, '[part~="patient-type"] legend'))).to.equal('Have you been seen at this clinic before?');
    expect($(el, 'table')).to.equal(null);
    expect(text($(el, '[part~="filters"]') ?? null)).to.not.contain('Follow-up');
    await expect(el).shadowDom.to.be.accessible();
    // focus() lands on the question: the next decision.
    el.focus();
    await settle(el);
    expect(focused(el)).to.equal(answers[0]);

    answers[1]!.click();
    await settle(el);
    const choices = $$<HTMLInputElement>(el, 'input[name="visitType"]');
    expect(choices.map((radio) => radio.value)).to.deep.equal(['follow-up', 'annual-physical', 'video-visit']);
    expect(choices.some((radio) => radio.checked)).to.equal(false);
    expect(text(el)).to.contain('Choose a kind of visit to see its open times.');
    const followUp = text($(el, '#vt-follow-up'));
    expect(followUp).to.match(/^20 min · In person · \$\d+\.\d\d without insurance/);
    expect(followUp).to.contain('Check in on an ongoing condition');
    expect(text($(el, '#vt-video-visit'))).to.contain('Video visit');
    await expect(el).shadowDom.to.be.accessible();

    choices[0]!.click();
    await settle(el);
    expect($(el, 'table')).to.exist;
    // New patients have one visit type: it is said, not asked.
    $$<HTMLInputElement>(el, 'input[name="patientType"]')[0]!.click();
    await settle(el);
    expect($$(el, 'input[name="visitType"]')).to.have.length(0);
    expect(text($(el, '[part~="visit-type"]'))).to.contain('New patient visit');
    expect(text($(el, '[part~="visit-type"]'))).to.match(/\$150\.00 without insurance/);
  });
});

describe('fd-slot-picker: the booking form', () => {
  it('goes from the calendar to "You’re booked" in 8 key presses besides typing, focus always on the next decision', async function () {
    this.timeout(30_000);
    const { adapter, requests } = recordingBookings();
    const el = await mountClinic(adapter);
    let presses = 0;
    const key = async (name: string) => {
      presses++;
      await press(name);
      await settle(el);
    };
    el.focus(); // what a provider card does when it opens this picker
    await settle(el);
    expect(focused(el)?.getAttribute('role')).to.equal('gridcell');
    await key('Enter'); // the day: its first time takes focus
    expect(focused(el)?.dataset.slot).to.be.a('string');
    await key('Enter'); // the time: the details, focus on who the visit is for ("Me")
    await until(() => focused(el)?.getAttribute('name') === 'forWhom', 'focus on the first question');
    await key('Tab');
    await typeText('Ana');
    await key('Tab');
    await typeText('López');
    await key('Tab');
    await typeText('05/17/1990');
    await key('Tab');
    await typeText('615 555 0199');
    await key('Enter'); // Enter in a field continues to the review, focus on Confirm
    expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');
    await key('Enter');
    await until(() => text(focused(el)) === 'You’re booked', 'the confirmation');
    expect(presses).to.equal(8);
    expect(requests[0]?.patient).to.deep.equal({
      givenName: 'Ana',
      familyName: 'López',
      birthDate: '1990-05-17',
      phone: '+1 615 555 0199',
      patientType: 'new',
    });
    // "Booking your appointment…" does not linger in the live region once the outcome is shown.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(liveText(el)).to.not.contain('Booking your appointment');
  });

  it('refuses phone numbers no one can call, saying what is wrong, and reads digits of any script', async () => {
    const { adapter, requests } = recordingBookings();
    const el = await mountClinic(adapter);
    await toDetails(el);
    const cases: [string, RegExp][] = [
      ['1234', /too short\. Enter all 10 digits/],
      ['---', /^Enter the phone number with digits/],
      ['615-555-010', /too short/],
      ['615-555-01999', /too many digits/],
      ['call me', /^Enter the phone number with digits/],
      ['123-456-7890', /not one that can be called/],
      ['+44 20 7946 0958', /United States or Canada/],
    ];
    for (const [typed, message] of cases) {
      fill(el, { ...ANA, phone: typed });
      await continueToReview(el);
      expect(text($(el, '#e-phone')), typed).to.match(message);
      expect($(el, '#f-phone')!.getAttribute('aria-describedby')).to.equal('h-phone e-phone');
    }
    await expect(el).shadowDom.to.be.accessible();
    fill(el, { phone: '٦١٥ ٥٥٥ ٠١٩٩' });
    await continueToReview(el);
    expect(text($(el, '[part="review"]'))).to.contain('+1 615 555 0199');
    await confirm(el);
    expect(requests[0]?.patient.phone).to.equal('+1 615 555 0199');
  });

  it('says which part of a date of birth is wrong', async () => {
    const el = await mountClinic(memory());
    await toDetails(el);
    expect(text($(el, '#h-birthDate'))).to.equal('Type it as MM/DD/YYYY, like 05/17/1990');
    const cases: [string, string][] = [
      ['02/30/1990', 'February has no day 30.'],
      ['02/29/2023', 'February 2023 has no day 29.'],
      ['13/01/1990', 'There is no month 13. Enter the month as 1 to 12.'],
      ['05/17/90', 'Enter the year of birth with 4 digits, like 1990.'],
      ['May 17', 'Enter the date of birth in numbers, in the order shown under its label.'],
      ['05/17/2090', 'The date of birth cannot be in the future.'],
    ];
    for (const [typed, message] of cases) {
      fill(el, { ...ANA, birthDate: typed });
      await continueToReview(el);
      expect(text($(el, '#e-birthDate')), typed).to.equal(message);
    }
    expect(focused(el)?.id).to.equal('summary-heading');
    await expect(el).shadowDom.to.be.accessible();
    // A name too long says the limit.
    fill(el, { ...ANA, givenName: 'A'.repeat(101) });
    await continueToReview(el);
    expect(text($(el, '#e-givenName'))).to.equal('Shorten your first name to 100 characters or fewer.');
  });

  it('needs a way to reach the patient of a video visit, and promises only the messages the server will send', async () => {
    const joinUrl = 'https://video.example/join/abc';
    const { adapter } = recordingBookings({
      notifications: { email: true, sms: false },
      joinUrl,
    } as Partial<Booking>);
    const el = await mountClinic(adapter, 'video-visit');
    await toDetails(el);
    expect(text($(el, '#h-contact'))).to.contain('A video visit needs this');
    fill(el, ANA);
    await continueToReview(el);
    expect(text($(el, '#e-contact'))).to.equal(
      'A video visit needs a way to reach you: tick the box so the clinic may text or email you.',
    );
    expect($(el, '#f-contact')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
    $<HTMLInputElement>(el, '#f-contact')!.click();
    await continueToReview(el);
    await confirm(el);
    const confirmation = $(el, '[part="confirmation"]')!;
    expect(text($(el, '[part="notifications"]'))).to.equal('We will send the confirmation by email.');
    expect(text(confirmation)).to.not.contain('text message');
    expect($<HTMLAnchorElement>(el, '[part="join-link"]')!.href).to.equal(joinUrl);
    const ics = await (await fetch($<HTMLAnchorElement>(el, '[part="calendar-link"]')!.href)).text();
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).to.contain(`LOCATION:${joinUrl}`);
    expect(unfolded).to.contain(`DESCRIPTION:Join the video visit: ${joinUrl}`);
    // A 20-minute visit blocks 20 minutes, whatever the slot's length.
    const start = /DTSTART:(\d{8}T\d{4})/.exec(unfolded)![1]!;
    const end = /DTEND:(\d{8}T\d{4})/.exec(unfolded)![1]!;
    const minutes = (value: string) => Number(value.slice(9, 11)) * 60 + Number(value.slice(11, 13));
    expect(minutes(end) - minutes(start)).to.equal(20);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('promises no message when the server does not say which it will send', async () => {
    const el = await mountClinic(memory());
    await toDetails(el);
    fill(el, ANA);
    await continueToReview(el);
    await confirm(el);
    expect($(el, '[part="notifications"]')).to.equal(null);
    expect($(el, '[part="join-link"]')).to.equal(null);
  });

  it('keeps the draft through a reload, per picker, and forgets it once booked', async () => {
    const template = () => html`<fd-slot-picker
      id="book-carter"
      provider="maria-hernandez"
      visit-type="new-patient"
      start=${START}
      .adapter=${memory()}
    ></fd-slot-picker>`;
    const first = await mount(template());
    await toDetails(first);
    fill(first, { givenName: 'Ana', phone: '615 555 0199' });
    first.remove(); // the page goes away

    const again = await mount(template());
    await toDetails(again);
    expect($<HTMLInputElement>(again, '#f-givenName')!.value).to.equal('Ana');
    expect($<HTMLInputElement>(again, '#f-phone')!.value).to.equal('615 555 0199');
    // Another picker on the page has a draft of its own.
    const other = await mount(
      html`<fd-slot-picker id="book-okafor" provider="james-okafor" visit-type="follow-up" start=${START} .adapter=${memory()}></fd-slot-picker>`,
    );
    await toDetails(other);
    expect($<HTMLInputElement>(other, '#f-givenName')!.value).to.equal('');

    fill(again, { familyName: 'López', birthDate: '05/17/1990' });
    await continueToReview(again);
    await confirm(again);
    expect(text($(again, '[part="confirmation"]'))).to.contain('You’re booked');
    expect(sessionStorage.getItem('fd-slot-picker:draft:book-carter')).to.equal(null);
  });

  it('books for someone in the patient’s care, in the patient’s name, with who booked', async () => {
    const { adapter, requests } = recordingBookings();
    const el = await mountClinic(adapter);
    await toDetails(el);
    $$<HTMLInputElement>(el, 'input[name="forWhom"]')[1]!.click();
    await settle(el);
    expect(text($(el, 'label[for="f-givenName"]'))).to.equal('Patient’s first name');
    expect(text($(el, 'label[for="f-phone"]'))).to.equal('Your phone');
    fill(el, { ...ANA, givenName: 'Leo', birthDate: '06/01/2019' });
    await continueToReview(el);
    expect(text($(el, '#e-relationship'))).to.equal('Choose how you are related to the patient.');
    await expect(el).shadowDom.to.be.accessible();
    fill(el, { bookerGivenName: 'Ana', bookerFamilyName: 'López', relationship: 'parent' });
    await continueToReview(el);
    const review = text($(el, '[part="review"]'));
    expect(review).to.contain('Leo López');
    expect(review).to.contain('Ana López (parent)');
    await confirm(el);
    expect(requests[0]?.patient).to.deep.include({
      givenName: 'Leo',
      familyName: 'López',
      birthDate: '2019-06-01',
      bookedBy: { givenName: 'Ana', familyName: 'López', relationship: 'parent' },
    });
  });

  it('asks for insurance when the clinic lists plans, and tells the page which plan was chosen', async () => {
    const { adapter, requests } = recordingBookings();
    const plans = collect<FdPlanSelectDetail>('fd-plan-select');
    const el = await mountClinic(adapter);
    await toDetails(el);
    const select = await until(() => $<HTMLSelectElement>(el, '#f-planId'), 'the insurance plans');
    const options = [...select.options].map((option) => option.value);
    expect(options[0]).to.equal('');
    const planId = options[1]!;
    fill(el, { ...ANA, planId });
    await settle(el);
    expect(plans).to.deep.equal([{ planId }]);
    await continueToReview(el);
    expect(text($(el, '#e-memberId'))).to.equal('Enter the member ID.');
    await expect(el).shadowDom.to.be.accessible();
    fill(el, { memberId: 'XQZ123456' });
    await continueToReview(el);
    await confirm(el);
    expect(requests[0]?.patient.insurance).to.deep.equal({ planId, memberId: 'XQZ123456' });
  });
});

describe('fd-slot-picker: text and targets for older eyes', () => {
  const rootSize = document.documentElement.style.fontSize;
  afterEach(() => {
    document.documentElement.style.fontSize = rootSize;
  });

  it('never shows text under 16 px on a host with html { font-size: 62.5% }, and radios are 24 px', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const errors: FdErrorDetail[] = [];
    const el = await mount(html`<fd-slot-picker
      provider="maria-hernandez"
      start=${START}
      .adapter=${memory()}
      @fd-error=${(e: CustomEvent<FdErrorDetail>) => errors.push(e.detail)}
    ></fd-slot-picker>`);
    $$<HTMLInputElement>(el, 'input[name="patientType"]')[1]!.click();
    await settle(el);
    $$<HTMLInputElement>(el, 'input[name="visitType"]')[0]!.click();
    await settle(el);
    await chooseDay(el, dayWithTimes(el));
    const smallest = () => {
      let min = Number.POSITIVE_INFINITY;
      let where = '';
      const walk = (root: ShadowRoot | Element) => {
        for (const node of root.querySelectorAll('*')) {
          const own = [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent!.trim());
          // Text a patient sees: not the screen-reader-only words, not a closed menu.
          if (!own || node.closest('.fd-visually-hidden') || node.getClientRects().length === 0) continue;
          const size = Number.parseFloat(getComputedStyle(node).fontSize);
          if (size < min) [min, where] = [size, node.outerHTML.slice(0, 60)];
        }
      };
      walk(el.shadowRoot!);
      return [min, where] as const;
    };
    const [onCalendar, where] = smallest();
    expect(onCalendar, where).to.be.at.least(16);
    for (const th of $$(el, 'th')) expect(getComputedStyle(th).fontSize).to.equal('16px');
    const radio = $(el, 'input[type="radio"]')!.getBoundingClientRect();
    expect(Math.min(radio.width, radio.height)).to.be.at.least(24);

    timeButtons(el)[0]!.click();
    await settle(el);
    await until(() => $(el, 'form'), 'the details form');
    const [onForm, formWhere] = smallest();
    expect(onForm, formWhere).to.be.at.least(16);
    const box = $(el, 'input[type="checkbox"]')!.getBoundingClientRect();
    expect(Math.min(box.width, box.height)).to.be.at.least(24);
    expect(errors).to.deep.equal([]);
  });
});
