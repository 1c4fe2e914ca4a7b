import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMemoryAdapter, type MemoryAdapter } from '../packages/core/src/adapters/memory/index.js';
import { newIdempotencyKey } from '../packages/core/src/ids.js';
import '../packages/booking/src/define.js';
import type { FdBooking } from '../packages/booking/src/booking.js';
import { until } from '../test/support/dom.js';
import { widgetIn } from './support/steps.js';

/**
 * `<fd-booking>`, the page a patient's manage link opens, on the demo clinic in memory (a visit is booked for each
 * story first, as the slot picker would book it). The steps after the visit (cancel, change the time, the outcomes)
 * are reached with a `play` function.
 */

interface BookingArgs {
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
  width?: string;
  token?: string;
}

interface Loaded {
  adapter: MemoryAdapter;
  token: string | undefined;
  /** A waitlist offer's token: the story opens the offer link instead of the manage link. */
  offer?: string | undefined;
}

/** A memory clinic with one visit booked (of `visitTypeId`), and its manage token. */
async function bookedVisit(
  visitTypeId = 'new-patient',
  patientType: 'new' | 'existing' = 'new',
  options: Record<string, unknown> = {},
): Promise<Loaded> {
  const adapter = createMemoryAdapter({ latencyMs: 300, ...options });
  const start = new Date();
  const end = new Date(start.getTime() + 30 * 86_400_000);
  const slots = await adapter.listSlots({ start: start.toISOString(), end: end.toISOString(), visitTypeId });
  const slot = slots.items.find((candidate) => candidate.status === 'free')!;
  const booking = await adapter.book({
    slotId: slot.id,
    visitTypeId,
    patient: {
      givenName: 'Ana',
      familyName: 'Reyes',
      birthDate: '1948-04-12',
      phone: '+1 615 555 0199',
      email: 'ana.reyes@example.com',
      patientType,
    },
    consent: { terms: true, contact: true },
    idempotencyKey: newIdempotencyKey(),
  });
  return { adapter, token: booking.manageToken };
}

/**
 * A visit booked, two patients on the waitlist, the visit cancelled: each is offered its time. With `claimedBy`, the
 * other patient claims first; the story opens the first patient's offer.
 */
async function offeredTime(claimedByOther = false): Promise<Loaded> {
  const { adapter, token } = await bookedVisit();
  const booked = await adapter.getBooking!(token!);
  const today = new Date().toISOString().slice(0, 10);
  const last = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  for (const givenName of ['Ana', 'Bea']) {
    await adapter.joinWaitlist!({
      providerId: booked.slot.providerId!,
      visitTypeId: 'new-patient',
      from: today,
      to: last,
      patient: {
        givenName,
        familyName: 'Reyes',
        birthDate: '1948-04-12',
        phone: '+1 615 555 0199',
        patientType: 'new',
      },
      consent: { terms: true, contact: true },
      idempotencyKey: newIdempotencyKey(),
    });
  }
  await adapter.cancelBooking!({ manageToken: token!, idempotencyKey: newIdempotencyKey() });
  const [mine, theirs] = adapter.waitlistOffers();
  if (claimedByOther)
    await adapter.claimWaitlistOffer!({ offerToken: theirs!.offerToken, idempotencyKey: newIdempotencyKey() });
  return { adapter, token: undefined, offer: mine!.offerToken };
}

const render = (args: BookingArgs, { loaded }: { loaded: Record<string, unknown> }) => {
  const visit = loaded.visit as Loaded | undefined;
  return html`<div lang=${ifDefined(args.lang)} style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    <fd-booking .adapter=${visit?.adapter} token=${ifDefined(args.token ?? visit?.token)} offer=${ifDefined(visit?.offer)}
      theme=${ifDefined(args.theme)}></fd-booking>
  </div>`;
};

const inside = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

async function widget(canvas: HTMLElement): Promise<FdBooking> {
  const el = await widgetIn<FdBooking>(canvas, 'fd-booking');
  await until(() => inside(el, '[part="status"]'), 'the visit', 10_000);
  return el;
}

async function press(el: FdBooking, part: string): Promise<void> {
  (await until(() => inside<HTMLButtonElement>(el, `[part="${part}"]`), part, 10_000)).click();
  await el.updateComplete;
}

/** Opens "Change the time" and chooses the first time of the first day with times; returns the picker. */
async function chooseNewTime(el: FdBooking): Promise<HTMLElement> {
  await press(el, 'reschedule-button');
  const picker = await until(() => inside(el, 'fd-slot-picker'), 'the picker', 10_000);
  (await until(() => inside<HTMLElement>(picker, 'td.open'), 'a day with times', 10_000)).click();
  const time = await until(() => inside<HTMLButtonElement>(picker, 'button[data-slot]'), 'a time', 10_000);
  time.click();
  return time;
}

const meta: Meta<BookingArgs> = {
  title: 'Widgets/Booking (manage a visit)',
  component: 'fd-booking',
  render,
  loaders: [async () => ({ visit: await bookedVisit() })],
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
};
export default meta;

type Story = StoryObj<BookingArgs>;

/** The visit as the manage link opens it: when (the clinic's zone, named), with whom, what, where. */
export const Booked: Story = {};

/** A video visit: "Video visit" instead of an address. */
export const VideoVisit: Story = { loaders: [async () => ({ visit: await bookedVisit('video-visit', 'existing') })] };

/** The confirmation step before cancelling, with the optional reason. */
export const CancelStep: Story = {
  play: async ({ canvasElement }) => press(await widget(canvasElement), 'cancel-button'),
};

/** After cancelling: the outcome is announced and focused; the visit shows as cancelled. */
export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await press(el, 'cancel-button');
    await press(el, 'confirm-cancel-button');
    await until(() => inside(el, '[part="outcome"]'), 'the outcome', 10_000);
  },
};

/** Changing the time: the slot picker for the same provider and visit type, in select mode. */
export const ChooseNewTime: Story = {
  play: async ({ canvasElement }) => {
    await chooseNewTime(await widget(canvasElement));
  },
};

/** After moving: the new time, announced. */
export const Moved: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await chooseNewTime(el);
    await press(el, 'move-button');
    await until(() => inside(el, '[part="outcome"]'), 'the outcome', 10_000);
  },
};

/** The chosen time was taken by someone else meanwhile: said plainly, the visit stays where it was. */
export const TimeTaken: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    const time = await chooseNewTime(el);
    (loaded.visit as Loaded).adapter.takeSlot(time.dataset.slot!);
    await press(el, 'move-button');
    await until(() => inside(el, '[part="outcome"]'), 'the outcome', 10_000);
  },
};

/** A waitlist offer link: the earlier time that opened, until when it is offered, and "Claim this time". */
export const Offer: Story = { loaders: [async () => ({ visit: await offeredTime() })] };

/** The offer claimed: the visit booked, shown as the manage page shows it. */
export const OfferClaimed: Story = {
  loaders: [async () => ({ visit: await offeredTime() })],
  play: async ({ canvasElement }) => {
    const el = await widgetIn<FdBooking>(canvasElement, 'fd-booking');
    await press(el, 'claim-button');
    await until(() => inside(el, '[part="outcome"]'), 'the outcome', 10_000);
  },
};

/** Another patient claimed the time first: said plainly, and that the patient is still on the waitlist. */
export const OfferGone: Story = { loaders: [async () => ({ visit: await offeredTime(true) })] };

/** The offer in Spanish. */
export const OfferSpanish: Story = { args: { lang: 'es' }, loaders: [async () => ({ visit: await offeredTime() })] };

/** Opened without a token (a link cut short). */
export const NoToken: Story = {
  loaders: [async () => ({ visit: { adapter: createMemoryAdapter(), token: undefined } })],
};

/** A token the clinic does not know (old or mistyped). */
export const UnknownToken: Story = { args: { token: 'Zm9yZ290dGVuLXRva2VuLTAxMjM0NTY3' } };

/** The clinic's system cannot be reached: the error with a retry. */
export const Outage: Story = {
  loaders: [
    async () => {
      const visit = await bookedVisit();
      visit.adapter.setFail(true);
      return { visit };
    },
  ],
};

/** Still loading (a slow connection). */
export const Loading: Story = {
  loaders: [
    async () => {
      const visit = await bookedVisit();
      visit.adapter.setLatency(60_000);
      return { visit };
    },
  ],
};

/** In Spanish. */
export const Spanish: Story = { args: { lang: 'es' } };

/** Dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** On a 320 px phone, the cancel step open. */
export const Narrow320: Story = {
  args: { width: '320px' },
  play: async ({ canvasElement }) => press(await widget(canvasElement), 'cancel-button'),
};

/** Text at 200%: everything scales from the base font size and wraps. */
export const Zoom200: Story = {
  args: { width: '640px' },
  decorators: [(story) => html`<div style="--fd-font-size: 2rem">${story()}</div>`],
};
