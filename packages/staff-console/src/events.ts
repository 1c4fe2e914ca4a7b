import type { Attendance } from './types.js';

/** What the console's parts ask of the console (which talks to the API): typed, bubbling and composed. */
export interface ConsoleEventDetails {
  'fd-staff-sign-in': { email: string; password: string };
  'fd-staff-day': { date: string; providerId: string };
  'fd-staff-open-booking': { bookingId: string };
  'fd-staff-close-booking': Record<string, never>;
  'fd-staff-attendance': { bookingId: string; attendance: Attendance };
  'fd-staff-cancel': { bookingId: string };
  'fd-staff-reschedule': { bookingId: string; slotId: string };
  'fd-staff-free-times': { bookingId: string; day: string };
  'fd-staff-handle-flag': { responseId: string; note: string };
}

export type ConsoleEventName = keyof ConsoleEventDetails;

export function consoleEvent<N extends ConsoleEventName>(name: N, detail: ConsoleEventDetails[N]): CustomEvent {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'fd-staff-sign-in': CustomEvent<ConsoleEventDetails['fd-staff-sign-in']>;
    'fd-staff-day': CustomEvent<ConsoleEventDetails['fd-staff-day']>;
    'fd-staff-open-booking': CustomEvent<ConsoleEventDetails['fd-staff-open-booking']>;
    'fd-staff-close-booking': CustomEvent<ConsoleEventDetails['fd-staff-close-booking']>;
    'fd-staff-attendance': CustomEvent<ConsoleEventDetails['fd-staff-attendance']>;
    'fd-staff-cancel': CustomEvent<ConsoleEventDetails['fd-staff-cancel']>;
    'fd-staff-reschedule': CustomEvent<ConsoleEventDetails['fd-staff-reschedule']>;
    'fd-staff-free-times': CustomEvent<ConsoleEventDetails['fd-staff-free-times']>;
    'fd-staff-handle-flag': CustomEvent<ConsoleEventDetails['fd-staff-handle-flag']>;
  }
}
