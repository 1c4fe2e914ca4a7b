import { type PartOfDay, Strings } from '@frontdesk/core';

/**
 * English strings of fd-slot-picker's calendar and times (Spanish in strings.es.ts, loaded on first use). The booking
 * steps have their own table in booking-strings.ts, loaded with them.
 */
export const stringsEn = {
  // Calendar
  calendar: 'Choose a day',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  dayLabel: (date: string, count: number): string =>
    count === 0 ? `${date}, no times` : count === 1 ? `${date}, 1 time` : `${date}, ${count} times`,
  outOfRange: (date: string): string => `${date}, not bookable`,
  nextAvailableOn: (date: string): string => `Next available: ${date}`,
  nextDayWithTimes: (date: string): string => `Next day with times: ${date}`,
  noneLater: 'No later times in this range',
  calendarHelp:
    'Use the arrow keys to move between days, Page Up and Page Down to change the month, and Enter to choose a day.',
  // Times
  chooseDay: 'Choose a day to see its times.',
  timesOn: (date: string): string => `Times on ${date}`,
  part: (part: PartOfDay): string => ({ morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' })[part],
  timesFound: (count: number, date: string): string =>
    count === 1 ? `1 time on ${date}` : `${count} times on ${date}`,
  noTimesOnDay: (date: string): string => `No times on ${date}.`,
  noTimesLeft: 'No times are left on this day.',
  waitlistOffer: 'Tell me if an earlier time opens',
  noAvailability: (days: number): string => `No times are open in the next ${days} days.`,
  noAvailabilityHint: 'Try another visit type, or call the clinic to ask about openings.',
  selected: (when: string): string => `Selected: ${when}`,
  // Time zones
  timeZone: 'Time zone',
  timesShownIn: (zone: string): string => `Times in ${zone}`,
  zoneClinic: (zone: string): string => `Clinic time: ${zone}`,
  zoneYours: (zone: string): string => `Your time: ${zone}`,
  zoneOther: (zone: string): string => zone,
  zoneChanged: (zone: string): string => `Times now shown in ${zone}`,
  // What kind of visit
  seenBefore: 'Have you been seen at this clinic before?',
  newPatient: 'No, I’m a new patient',
  existingPatient: 'Yes, I’ve been seen here',
  visitType: 'Visit type',
  chooseVisitType: 'What kind of visit?',
  answerFirst: 'Answer the question above to see the open times.',
  chooseVisitTypeFirst: 'Choose a kind of visit to see its open times.',
  inPerson: 'In person',
  telehealth: 'Video visit',
  minutes: (n: number): string => `${n} min`,
  withoutInsurance: (amount: string): string => `${amount} without insurance`,
  noVisitTypes: 'This provider offers no visits of this kind.',
  openings: (count: number): string => (count === 1 ? '1 opening' : `${count} openings`),
  // Conflict
  conflictTitle: 'That time was just taken',
  conflictText: (date: string): string =>
    `Someone else booked it a moment ago. Here are the times still open on ${date}. Your details are saved.`,
  // Problems with the setup
  unknownProvider: 'We could not find this provider.',
  unknownVisitType: 'This visit type is not offered.',
  unknownLocation: 'We could not find this location.',
  noLocation: 'This booking widget needs a provider or a location.',
  badAttribute: 'This booking widget is not set up correctly.',
  requiredMessage: 'Choose a time.',
};

export type SlotPickerStrings = typeof stringsEn;

/** The calendar's and the times' words (namespace `fd-slot-picker`); Spanish loads on first use. */
export const pickerStrings = new Strings('fd-slot-picker', stringsEn, { es: () => import('./strings.es.js') });
