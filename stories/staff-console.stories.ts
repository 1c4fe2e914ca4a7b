import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/staff-console/src/define.js';
import type { FreeTimes } from '../packages/staff-console/src/types.js';
import {
  STAFF_BOOKING,
  STAFF_DAY,
  STAFF_EMPTY_DAY,
  STAFF_FAILED,
  STAFF_FLAGS,
  STAFF_FREE_SLOTS,
  STAFF_WAITLIST,
} from './support/staff-data.js';

/**
 * The parts of the staff console (`@frontdesk/staff-console`, served by the server at `/staff/`), each with fixed
 * data as the staff API answers it: the console itself talks to the API; its parts only show and ask.
 */
const meta: Meta = {
  title: 'Staff console/Parts',
  component: 'fd-staff-schedule',
};
export default meta;

type Story = StoryObj;

export const SignIn: Story = { render: () => html`<fd-staff-sign-in></fd-staff-sign-in>` };

export const SignInRefused: Story = {
  render: () =>
    html`<fd-staff-sign-in error="That e-mail address and password do not match an account."></fd-staff-sign-in>`,
};

export const Schedule: Story = {
  render: () => html`<fd-staff-schedule
    .day=${STAFF_DAY}
    .providers=${[{ id: 'rosa-delgado', name: 'Rosa Delgado, MD' }, { id: 'wei-chen', name: 'Wei Chen, DO' }]}
  ></fd-staff-schedule>`,
};

export const ScheduleEmpty: Story = {
  render: () => html`<fd-staff-schedule .day=${STAFF_EMPTY_DAY}></fd-staff-schedule>`,
};

export const ScheduleInSpanish: Story = {
  render: () => html`<div lang="es"><fd-staff-schedule .day=${STAFF_DAY}></fd-staff-schedule></div>`,
};

/** The booking with what its move form is given: the free times of a day (by default its own, loaded). */
const bookingWith = (freeTimes: Partial<FreeTimes> = {}) =>
  html`<fd-staff-booking
    .booking=${STAFF_BOOKING}
    .freeTimes=${{ day: '2026-03-02', state: 'ready', slots: STAFF_FREE_SLOTS, problem: '', ...freeTimes }}
    can-write
  ></fd-staff-booking>`;

export const Booking: Story = { render: () => bookingWith() };

export const BookingCancelConfirm: Story = {
  render: Booking.render,
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('fd-staff-booking')!;
    await element.updateComplete;
    const cancel = [...element.shadowRoot!.querySelectorAll('button')].find((b) => /Cancel/.test(b.textContent!));
    cancel!.click();
    await element.updateComplete;
    if (!element.shadowRoot!.querySelector('.confirm')) throw new Error('the confirmation is not shown');
  },
};

/** The move form while the chosen day's free times load. */
export const BookingTimesLoading: Story = { render: () => bookingWith({ state: 'loading', slots: [] }) };

/** A day with no free time for this provider and visit type. */
export const BookingNoFreeTimes: Story = { render: () => bookingWith({ day: '2026-03-08', slots: [] }) };

/** The day's free times could not be loaded: the problem where the times go, and a retry. */
export const BookingTimesError: Story = {
  render: () =>
    bookingWith({
      state: 'error',
      slots: [],
      problem: 'The server could not be reached. Check the connection and try again.',
    }),
};

export const BookingReadOnly: Story = {
  render: () => html`<fd-staff-booking .booking=${STAFF_DAY.data[2]}></fd-staff-booking>`,
};

export const Flags: Story = {
  render: () => html`<fd-staff-flags .flags=${STAFF_FLAGS} time-zone="America/Chicago" can-handle></fd-staff-flags>`,
};

export const FailedMessages: Story = {
  render: () =>
    html`<fd-staff-failed-messages .messages=${STAFF_FAILED} time-zone="America/Chicago"></fd-staff-failed-messages>`,
};

export const NoFailedMessages: Story = {
  render: () => html`<fd-staff-failed-messages .messages=${[]}></fd-staff-failed-messages>`,
};

export const Waitlist: Story = {
  render: () => html`<fd-staff-waitlist
    .entries=${STAFF_WAITLIST}
    .providers=${[{ id: 'rosa-delgado', name: 'Rosa Delgado, MD' }]}
  ></fd-staff-waitlist>`,
};
