import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { FrontdeskAdapter } from '../packages/core/src/adapter.js';
import { createMemoryAdapter, type MemoryAdapter } from '../packages/core/src/adapters/memory/index.js';
import '../packages/slot-picker/src/define.js';
import type { FdSlotPicker } from '../packages/slot-picker/src/slot-picker.js';
import { withOverrides } from '../test/support/adapters.js';
import { until } from '../test/support/dom.js';
import { demoClinic } from './support/clinic.js';
import { widgetIn } from './support/steps.js';
import { branded, widgetStates } from './support/widget-states.js';

/**
 * `<fd-slot-picker>` on the demo clinic (Cumberland Valley Health Partners: Nashville and Franklin keep Central time,
 * Chattanooga and Knoxville Eastern). Stories after the calendar reach their step with a `play` function that
 * chooses a day and a time and fills the patient's details, as a patient would.
 */

interface PickerArgs {
  provider?: string;
  location?: string;
  'visit-type'?: string;
  timezone?: string;
  start?: string;
  days?: number;
  mode?: 'select' | 'book';
  theme?: 'light' | 'dark' | 'auto';
}

const picker = (args: PickerArgs, adapter?: FrontdeskAdapter) => html`<fd-slot-picker
  provider=${ifDefined(args.provider)}
  location=${ifDefined(args.location)}
  visit-type=${ifDefined(args['visit-type'])}
  timezone=${ifDefined(args.timezone)}
  start=${ifDefined(args.start)}
  days=${ifDefined(args.days)}
  mode=${ifDefined(args.mode)}
  theme=${ifDefined(args.theme)}
  .adapter=${adapter}
></fd-slot-picker>`;

// ---- Driving the picker the way a patient would, for the stories of later steps ----

const pickerIn = (canvas: HTMLElement) => widgetIn<FdSlotPicker>(canvas, 'fd-slot-picker');
const inside = <T extends Element = HTMLElement>(el: FdSlotPicker, selector: string) =>
  el.shadowRoot?.querySelector<T & Element>(selector) as T | null;

/** Choose the first day with at least three times, and show its times. */
async function chooseDay(el: FdSlotPicker): Promise<void> {
  await until(() => inside(el, 'td.open'), 'a day with times', 10_000);
  const cells = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('td.open') ?? [])];
  const busy = cells.find((cell) => Number(/(\d+) (?:times|horarios)/.exec(cell.textContent ?? '')?.[1]) >= 3);
  (busy ?? cells[0])?.click();
  await until(() => inside(el, 'button[data-slot]'), 'the times', 10_000);
}

/** Choose a day and its first time; returns the slot id. */
async function chooseTime(el: FdSlotPicker): Promise<string> {
  await chooseDay(el);
  const button = inside<HTMLButtonElement>(el, 'button[data-slot]')!;
  button.click();
  await el.updateComplete;
  return button.dataset.slot ?? '';
}

const PATIENT = {
  givenName: 'Ana',
  familyName: 'López',
  birthDate: '04/12/1987',
  phone: '(615) 555-0199',
  email: 'ana.lopez@example.com',
  reason: 'Cough for two weeks',
};

async function fillDetails(el: FdSlotPicker, values: Record<string, string> = PATIENT): Promise<void> {
  await until(() => inside(el, '#f-givenName'), 'the details form', 10_000);
  for (const [field, value] of Object.entries(values)) {
    const input = await until(() => inside<HTMLInputElement>(el, `[name="${field}"]`), `the ${field} field`, 10_000);
    input.value = value;
    input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true }));
    await el.updateComplete;
  }
}

/** Continue with what is typed, and wait for the messages. */
async function continueWithErrors(el: FdSlotPicker): Promise<void> {
  inside<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
  await until(() => inside(el, '[part="error-summary"]'), 'the error summary', 10_000);
}

/** Click the radio of `name` whose value is `value`. */
async function answer(el: FdSlotPicker, name: string, value: string): Promise<void> {
  const radio = await until(
    () => inside<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`),
    `the ${name} ${value} choice`,
    10_000,
  );
  radio.click();
  await el.updateComplete;
}

async function continueToReview(el: FdSlotPicker): Promise<void> {
  inside<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
  await until(() => inside(el, '[part="confirm-button"]'), 'the review', 10_000);
}

async function confirmBooking(el: FdSlotPicker): Promise<void> {
  inside<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
  await until(() => inside(el, '[part="confirmation"]') ?? inside(el, '[part="conflict"]'), 'the outcome', 10_000);
}

/** Choose a day, then "Tell me if an earlier time opens": the waitlist form. */
async function openWaitlist(el: FdSlotPicker): Promise<void> {
  await chooseDay(el);
  (await until(() => inside<HTMLButtonElement>(el, '[part="waitlist-button"]'), 'the waitlist button', 10_000)).click();
  await until(() => inside(el, '[part="waitlist"]'), 'the waitlist form', 10_000);
}

/** What a read-only source can do: book through each slot's link, nothing else. */
const LINK_ONLY = { booking: 'link', prices: false, plans: false, surveys: false } as const;
const bookingLinkOf = (slotId: string) => `https://scheduling.example/book?slot=${encodeURIComponent(slotId)}`;

/** A memory adapter of a read-only source (SMART Scheduling Links): slots carry a deep link, booking is elsewhere. */
function readOnlySource(): FrontdeskAdapter {
  const base = createMemoryAdapter({ latencyMs: 300 });
  return withOverrides(base, {
    capabilities: LINK_ONLY,
    listSlots: async (query, options) => {
      const listing = await base.listSlots(query, options);
      return { ...listing, items: listing.items.map((slot) => ({ ...slot, bookingLink: bookingLinkOf(slot.id) })) };
    },
  });
}

const meta: Meta<PickerArgs> = {
  title: 'Widgets/Slot picker',
  component: 'fd-slot-picker',
  render: (args) => demoClinic(picker(args)),
  args: { provider: 'maria-hernandez', 'visit-type': 'new-patient' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['book', 'select'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    days: { control: { type: 'number', min: 1, max: 366 } },
  },
};
export default meta;

type Story = StoryObj<PickerArgs>;

/** The month calendar: days with times are marked in text and by a box; arrows, Home/End and PageUp/PageDown move. */
export const Calendar: Story = {};

/** No visit type given by the page: "new or existing patient" is asked first, with nothing chosen for the patient. */
export const NewOrExistingFirst: Story = { args: { 'visit-type': undefined } };

/** An existing patient: the visit types open to them, each with its length, price and description; none guessed. */
export const ExistingPatientVisitTypes: Story = {
  args: { 'visit-type': undefined },
  play: async ({ canvasElement }) => answer(await pickerIn(canvasElement), 'patientType', 'existing'),
};

/** Phone numbers that cannot reach anyone are refused with a message that says what is wrong. */
export const PhoneError: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    await fillDetails(el, { ...PATIENT, phone: '615-555-010' });
    await continueWithErrors(el);
  },
};

/** A date of birth that does not exist, and one in the future: each message names what is wrong. */
export const DateOfBirthErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    await fillDetails(el, { ...PATIENT, birthDate: '02/30/1987' });
    await continueWithErrors(el);
  },
};

/** A video visit needs a way to reach the patient: without agreeing to be contacted, it cannot be booked. */
export const VideoVisitWithoutContact: Story = {
  args: { 'visit-type': 'video-visit' },
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    await fillDetails(el);
    await continueWithErrors(el);
  },
};

/** Booking for a child or someone in the patient's care: the patient's names, and who booked. */
export const ForSomeoneInMyCare: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    await answer(el, 'forWhom', 'dependant');
    await fillDetails(el, {
      ...PATIENT,
      givenName: 'Leo',
      birthDate: '06/01/2019',
      bookerGivenName: 'Ana',
      bookerFamilyName: 'López',
      relationship: 'parent',
    });
  },
};

/** The optional insurance question: the clinic's plans, then the member id (the plan also feeds a cost estimate). */
export const Insurance: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    const plans = await until(() => inside<HTMLSelectElement>(el, '#f-planId'), 'the plans', 10_000);
    await fillDetails(el, { ...PATIENT, planId: plans.options[1]?.value ?? '' });
  },
};

/** A source without providers (SMART Scheduling Links): a location's times, each with its openings, booked by link. */
export const LocationWithCapacity: Story = {
  args: { provider: undefined, location: 'franklin', 'visit-type': undefined },
  render: (args) => picker(args, locationFeed()),
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/**
 * A host page whose theme shrinks the root font (`html { font-size: 62.5% }`, so 1rem is 10 px): the picker's text
 * stays at 16 px, weekday names and hints included. Shown here with the base size token at 10 px, which is what
 * that rule gives a widget.
 */
export const SmallHostRootFont: Story = {
  render: (args) => html`<div style=${styleMap({ '--fd-font-size': '10px' })}>${demoClinic(picker(args))}</div>`,
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/** A day chosen: its times, grouped into morning, afternoon and evening, each group one tab stop. */
export const Times: Story = {
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/** A clinic in Eastern time seen by a patient in Pacific time; the zone menu switches every label. */
export const TwoTimeZones: Story = {
  args: {
    provider: 'james-okafor',
    'visit-type': 'follow-up',
    location: 'chattanooga-riverfront',
    timezone: 'America/Los_Angeles',
  },
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/** The patient-details step: native inputs with labels and autocomplete. */
export const Details: Story = {
  play: async ({ canvasElement }) => {
    await chooseTime(await pickerIn(canvasElement));
  },
};

/** Continue with nothing typed: the error summary and each field's message. */
export const DetailsWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    const button = await until(() => inside<HTMLButtonElement>(el, '[part="continue-button"]'), 'the form', 10_000);
    button.click();
  },
};

export const Review: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    await fillDetails(el);
    await continueToReview(el);
  },
};

/** Booked: the details, the clinic's instructions and "Add to calendar" (.ics). */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await chooseTime(el);
    await fillDetails(el);
    await continueToReview(el);
    await confirmBooking(el);
  },
};

/** Someone else took the time between choosing and confirming: said plainly, details kept, fresh times shown. */
export const Conflict: Story = {
  render: (args) => {
    const adapter = createMemoryAdapter({ latencyMs: 300 });
    return picker(args, adapter);
  },
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    const slotId = await chooseTime(el);
    await fillDetails(el);
    await continueToReview(el);
    (el.adapter as MemoryAdapter).takeSlot(slotId);
    await confirmBooking(el);
  },
};

/** A read-only source (SMART Scheduling Links): the slot's booking link instead of the form. */
export const ReadOnlyLink: Story = {
  render: (args) => picker(args, readOnlySource()),
  play: async ({ canvasElement }) => {
    await chooseTime(await pickerIn(canvasElement));
  },
};

/** `mode="select"` inside a form: the chosen slot id is the form value, and `required` is enforced. */
export const SelectInForm: Story = {
  render: (args) =>
    demoClinic(html`<form @submit=${(event: Event) => event.preventDefault()}>
      <fd-slot-picker
        provider=${ifDefined(args.provider)}
        visit-type=${ifDefined(args['visit-type'])}
        mode="select"
        name="slot"
        required
      ></fd-slot-picker>
      <p><button type="submit">Request this time</button></p>
    </form>`),
};

/** "Tell me if an earlier time opens" under the times: the waitlist form (loaded when asked), its days preset. */
export const Waitlist: Story = {
  play: async ({ canvasElement }) => {
    await openWaitlist(await pickerIn(canvasElement));
  },
};

/** Joining with nothing typed: each problem in place, consent to be contacted among them. */
export const WaitlistErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await openWaitlist(el);
    (await until(() => inside<HTMLButtonElement>(el, '[part="waitlist-submit"]'), 'the waitlist form', 10_000)).click();
    await until(() => inside(el, '[part="error-summary"]'), 'the error summary', 10_000);
  },
};

/** On the waitlist: what happens next, said and focused, with a way to leave. */
export const WaitlistJoined: Story = {
  play: async ({ canvasElement }) => {
    const el = await pickerIn(canvasElement);
    await openWaitlist(el);
    const { reason: _reason, ...details } = PATIENT;
    await fillDetails(el, details);
    inside<HTMLInputElement>(el, '#f-contact')!.click();
    await el.updateComplete;
    inside<HTMLButtonElement>(el, '[part="waitlist-submit"]')!.click();
    await until(() => inside(el, '[part="waitlist-outcome"]'), 'the outcome', 10_000);
  },
};

/** Booked out for the whole range: says so, and the visit type question stays available. */
export const NoAvailability: Story = {
  args: { provider: 'aisha-rahman', 'visit-type': 'specialist-consult', days: 14 },
};

/** Video visits only: no office, so times start in the patient's own zone. */
export const VideoOnly: Story = { args: { provider: 'priya-raman', 'visit-type': 'therapy-video' } };

const states = widgetStates(picker);

export const Loading: Story = {
  render: (args) => demoClinic(picker(args), { latencyMs: 600_000 }),
};

/** The clinic's system cannot be reached: a readable error with a retry. */
export const BackendError: Story = { ...states.AdapterError, name: 'Error' };

export const UnknownProvider: Story = { args: { provider: 'no-such-provider' } };

export const UnknownVisitType: Story = { args: { 'visit-type': 'no-such-visit' } };

/** A misconfigured attribute names itself. */
export const BadAttribute: Story = { args: { start: '2026-02-30' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

export const RightToLeft: Story = {
  render: (args) => demoClinic(html`<div dir="rtl">${picker(args)}</div>`),
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

export const Spanish: Story = {
  render: (args) => demoClinic(html`<div lang="es">${picker(args)}</div>`),
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/** 320 px wide: the calendar above the times, everything wraps. */
export const Narrow320: Story = {
  render: (args) => demoClinic(html`<div style=${styleMap({ maxInlineSize: '320px' })}>${picker(args)}</div>`),
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/** Text at 200%: the calendar and the times scale from the base font size and wrap. */
export const Zoom200: Story = {
  ...states.Zoom200,
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/**
 * The demo clinic as a location feed without providers, as SMART Scheduling Links publishers write them: the slots
 * name no provider, carry how many openings are left, and book through a link; one visit type, for everyone.
 */
function locationFeed(): FrontdeskAdapter {
  const base = createMemoryAdapter({ latencyMs: 300 });
  return withOverrides(base, {
    capabilities: LINK_ONLY,
    listVisitTypes: async (options) => {
      const listing = await base.listVisitTypes(options);
      const shot = listing.items.find((type) => type.id === 'pt-evaluation')!;
      return { ...listing, items: [{ ...shot, id: 'flu-shot', name: 'Flu shot', patientType: 'any' as const }] };
    },
    listSlots: async (query, options) => {
      const listing = await base.listSlots(query, options);
      const items = listing.items.map((slot, i) => ({
        ...slot,
        providerId: undefined,
        visitTypeIds: ['flu-shot'],
        capacity: (i * 7) % 13,
        bookingLink: bookingLinkOf(slot.id),
      }));
      return { ...listing, items };
    },
  });
}

/** The demo clinic with visit type names as long as a clinic might write them. */
function longVisitNames(): FrontdeskAdapter {
  const base = createMemoryAdapter({ latencyMs: 300 });
  const suffix = ' (including a review of your medicines, recent test results and any referral letters you bring)';
  return withOverrides(base, {
    listVisitTypes: async (options) => {
      const listing = await base.listVisitTypes(options);
      return { ...listing, items: listing.items.map((type) => ({ ...type, name: `${type.name}${suffix}` })) };
    },
  });
}

/** A long provider name and long visit type names: the menu and the times wrap instead of overflowing. */
export const LongText: Story = {
  args: { provider: 'alexandra-papadopoulos-whitmore', 'visit-type': 'specialist-follow-up' },
  render: (args) => picker(args, longVisitNames()),
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};

/** A clinic's brand through custom properties and the picker's parts. */
export const CustomTheme: Story = {
  render: (args) =>
    branded(
      `.branded fd-slot-picker::part(month-heading) {
        color: #1b1f24;
        letter-spacing: 0.02em;
      }
      .branded fd-slot-picker::part(time-button) {
        border-radius: 999px;
      }
      .branded fd-slot-picker::part(next-available) {
        border-radius: 999px;
        font-weight: 700;
      }`,
      {
        '--fd-color-accent': '#6b2c91',
        '--fd-color-text': '#1b1f24',
        '--fd-slot-picker-accent': '#6b2c91',
        '--fd-slot-picker-on-accent': '#ffffff',
        '--fd-slot-picker-available': '#f3ecf7',
        '--fd-slot-picker-radius': '12px',
      },
      demoClinic(picker(args)),
    ),
  play: async ({ canvasElement }) => chooseDay(await pickerIn(canvasElement)),
};
