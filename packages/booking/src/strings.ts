import { Strings } from '@frontdesk/core';

/** English words of fd-booking; `strings.es.ts` has the same keys. Times and names arrive already formatted. */
export const stringsEn = {
  heading: 'Your visit',
  loading: 'Loading your visit…',
  noToken: 'This link is not complete',
  noTokenHint: 'Open the link from your confirmation message again, or call the clinic.',
  notFound: 'We could not find this visit',
  notFoundHint: 'The link may be old or cut short. Open it again from your latest message, or call the clinic.',
  unsupported: 'Visits cannot be changed online here',
  unsupportedHint: 'Call the clinic to change or cancel your visit.',
  when: 'When',
  provider: 'With',
  visitType: 'Visit type',
  where: 'Where',
  videoVisit: 'Video visit',
  joinVideo: 'Join the video visit (opens in a new tab)',
  /** "Tuesday, March 10, 2026, 9:00 AM" and its zone, named. */
  timeInZone: (when: string, zone: string): string => `${when} (${zone})`,
  statusCancelled: 'This visit is cancelled.',
  statusBooked: 'This visit is booked.',
  callToChange: (phone: string): string => `To change it, call ${phone}.`,
  // Cancelling
  cancel: 'Cancel this visit',
  cancelHeading: 'Cancel this visit?',
  cancelText: 'The time is given back, so another patient can book it. You can book again at any time.',
  reasonLabel: 'Reason (optional)',
  reasonHint: 'Only the clinic reads it.',
  reasonTooLong: (limit: number): string => `Shorten the reason to ${limit} characters or fewer.`,
  confirmCancel: 'Yes, cancel the visit',
  keep: 'No, keep the visit',
  cancelling: 'Cancelling…',
  cancelled: 'Your visit is cancelled',
  cancelledText: 'We have given the time back. If you asked for messages, a cancellation notice is on its way.',
  cancelledAnnouncement: (when: string): string => `Your visit on ${when} is cancelled.`,
  startedConflict: 'This visit has already started or is over, so it cannot be changed online. Call the clinic.',
  // Rescheduling
  reschedule: 'Change the time',
  rescheduleHeading: 'Choose a new time',
  rescheduleText: (provider: string): string =>
    `Times with ${provider} for the same kind of visit. Your visit keeps its current time until you confirm the new one.`,
  chooseTime: 'Choose a time in the calendar first.',
  move: (when: string): string => `Move my visit to ${when}`,
  moving: 'Moving your visit…',
  keepTime: 'Keep the current time',
  moved: 'Your visit is moved',
  movedText: 'If you asked for messages, a notice with the new time and a calendar update is on its way.',
  movedAnnouncement: (when: string): string => `Your visit is moved to ${when}.`,
  takenConflict: (when: string): string =>
    `That time was just taken by someone else. Your visit is still on ${when}. Choose another time.`,
  failed: 'That did not work. Your visit has not changed.',
  manageAnother: 'Back to your visit',
  // A waitlist offer
  offerLoading: 'Loading the time offered…',
  offerHeading: 'An earlier time has opened',
  offerOpenUntil: (until: string): string =>
    `It is offered to a few patients on the waitlist: the first to claim it gets it. Claim it before ${until}.`,
  offerMoves: 'Claiming it moves your current visit to this time.',
  claim: 'Claim this time',
  claiming: 'Claiming the time…',
  claimed: 'The time is yours',
  claimedText: 'Your visit is booked. If you asked for messages, a confirmation is on its way.',
  claimedAnnouncement: (when: string): string => `The time is yours: your visit is on ${when}.`,
  offerGone: 'This time is gone: another patient claimed it first',
  offerExpired: 'This offer has run out',
  offerStillWaiting: 'You are still on the waitlist: we will write to you if another time opens.',
  offerClaimed: 'This time has been claimed with this link',
  offerClaimedHint: 'Open the confirmation message to see or change the visit.',
  offerNotFound: 'We could not find this offer',
  offerNotFoundHint: 'The link may be old or cut short. Open it again from your latest message, or call the clinic.',
};

export type FdBookingStrings = typeof stringsEn;

/** fd-booking's words (namespace `fd-booking`). */
export const bookingStrings = new Strings('fd-booking', stringsEn, { es: () => import('./strings.es.js') });
