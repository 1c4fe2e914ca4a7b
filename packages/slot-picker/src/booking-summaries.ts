import {
  type Booking,
  buildIcs,
  type CalendarLinkEvent,
  dayKeyText,
  type Location,
  type PatientDetails,
  type Plan,
  type VisitType,
} from '@frontdesk/core';
import type { BookingStrings } from './booking-strings.js';
import { whenLabel } from './labels.js';
import type { Setup } from './loaders.js';
import type { PatientDraft, PatientRules } from './patient-form.js';
import type { CleanSlot } from './slot-cleaning.js';

/** What a summary of an appointment needs to know beyond the slot. */
export interface AppointmentContext {
  t: BookingStrings;
  lang: string;
  /** The zone the patient sees times in. */
  zone: string;
  setup: Setup;
  visitType: VisitType | undefined;
}

export type Row = readonly [label: string, value: string];

/** Only http(s) links reach an `href`: a `javascript:` URL from a backend must never become clickable. */
export function safeWebUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "Midtown Clinic, 2100 West End Avenue, Suite 400, Nashville, TN 37203". */
export function locationText(location: Location): string {
  const address = location.address;
  if (!address) return location.name;
  const region = [address.state, address.postalCode].filter(Boolean).join(' ');
  return [location.name, ...address.lines, address.city, region].filter(Boolean).join(', ');
}

function whereText(context: AppointmentContext, location: Location | undefined): string {
  if (context.visitType?.modality === 'telehealth') return context.t.videoVisit;
  return location ? locationText(location) : '';
}

/** When, with whom, what and where: the rows every step after the calendar repeats. */
export function appointmentRows(context: AppointmentContext, entry: CleanSlot, location?: Location): Row[] {
  const { t, setup } = context;
  const provider = setup.provider;
  const rows: Row[] = [
    [t.when, whenLabel(entry.startMs, context.zone, context.lang)],
    [t.provider, provider ? [provider.displayName, ...provider.credentials].join(', ') : ''],
    [t.visitType, context.visitType?.name ?? ''],
    [t.where, whereText(context, location ?? setup.locations.find((l) => l.id === entry.slot.locationId))],
  ];
  return rows.filter(([, value]) => value);
}

/** What will be sent about the patient, as the review shows it (empty optional fields left out). */
export function patientRows(
  t: BookingStrings,
  rules: PatientRules,
  details: PatientDetails,
  draft: PatientDraft,
  plans: readonly Plan[] | undefined,
): Row[] {
  const bookedBy = details.bookedBy;
  const plan = details.insurance && plans?.find((candidate) => candidate.id === details.insurance?.planId);
  const rows: Row[] = [
    [t.patient, `${details.givenName} ${details.familyName}`],
    [t.fieldName('birthDate'), dayKeyText(details.birthDate, rules.lang, { dateStyle: 'long' })],
    [
      t.fieldName('bookerGivenName'),
      bookedBy ? t.bookedBy(`${bookedBy.givenName} ${bookedBy.familyName}`, t.relationship(bookedBy.relationship)) : '',
    ],
    [t.fieldName('phone'), details.phone],
    [t.fieldName('email'), details.email ?? ''],
    [t.fieldName('reason'), details.reason ?? ''],
    [t.fieldName('patientType'), details.patientType === 'existing' ? t.patientExisting : t.patientNew],
    [t.fieldName('contact'), draft.contact ? t.yes : ''],
    [t.fieldName('planId'), plan ? plan.name : ''],
    [t.fieldName('memberId'), details.insurance?.memberId ?? ''],
  ];
  return rows.filter(([, value]) => value.trim());
}

/** The visit's length: the visit type's minutes within the slot (a 20-minute visit in a 30-minute slot). */
function visitEnd(context: AppointmentContext, start: number, slotEnd: number): number {
  const minutes = context.visitType?.durationMinutes;
  return minutes ? Math.min(slotEnd, start + minutes * 60_000) : slotEnd;
}

/**
 * What "add to Google Calendar / Outlook" links carry: the title, the times and the place (or the join link), never
 * the reason for the visit or anything else the patient typed.
 */
export function calendarLinkEvent(
  context: AppointmentContext,
  booking: Booking,
  joinUrl?: string,
): CalendarLinkEvent | undefined {
  const start = Date.parse(booking.slot.start);
  const end = visitEnd(context, start, Date.parse(booking.slot.end));
  if (!(end > start)) return undefined;
  const location = booking.location ?? context.setup.locations.find((l) => l.id === booking.slot.locationId);
  const { t, setup } = context;
  return {
    start,
    end,
    title: t.calendarSummary(setup.provider?.displayName ?? location?.name ?? t.theClinic),
    location: joinUrl ?? (whereText(context, location) || undefined),
  };
}

/**
 * A `blob:` URL of the booking as an .ics file; the caller revokes it when it is no longer shown. It blocks the visit
 * type's length (a 20-minute visit in a 30-minute slot takes 20 minutes of the patient's day), and a video visit's
 * join link when the backend gave one.
 */
export function calendarFileUrl(context: AppointmentContext, booking: Booking, joinUrl?: string): string | undefined {
  const start = Date.parse(booking.slot.start);
  const slotEnd = Date.parse(booking.slot.end);
  const end = visitEnd(context, start, slotEnd);
  if (!(end > start)) return undefined;
  const location = booking.location ?? context.setup.locations.find((l) => l.id === booking.slot.locationId);
  const { t, setup } = context;
  const description = [joinUrl ? t.calendarJoin(joinUrl) : '', booking.instructions ?? ''].filter(Boolean).join('\n\n');
  const ics = buildIcs({
    uid: `${booking.id}@frontdesk`,
    sequence: booking.sequence,
    start,
    end,
    stamp: Date.now(),
    summary: t.calendarSummary(setup.provider?.displayName ?? location?.name ?? t.theClinic),
    location: joinUrl ?? (whereText(context, location) || undefined),
    description: description || undefined,
    url: safeWebUrl(booking.manageUrl),
    joinUrl,
  });
  return URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
}
