import { type Booking, dayKeyText, type Location, type VisitType } from '@frontdesk/core';
import type { BookingStrings } from './booking-strings.js';
import { buildIcs } from './ics.js';
import { whenLabel } from './labels.js';
import type { Setup } from './loaders.js';
import type { PatientDraft } from './patient-form.js';
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
    [t.provider, [provider.displayName, ...provider.credentials].join(', ')],
    [t.visitType, context.visitType?.name ?? ''],
    [t.where, whereText(context, location ?? setup.locations.find((l) => l.id === entry.slot.locationId))],
  ];
  return rows.filter(([, value]) => value);
}

/** What the patient typed, as the review shows it (empty optional fields left out). */
export function patientRows(t: BookingStrings, lang: string, draft: PatientDraft): Row[] {
  const rows: Row[] = [
    [t.patient, `${draft.givenName.trim()} ${draft.familyName.trim()}`],
    [t.fieldName('birthDate'), draft.birthDate ? dayKeyText(draft.birthDate, lang, { dateStyle: 'long' }) : ''],
    [t.fieldName('phone'), draft.phone.trim()],
    [t.fieldName('email'), draft.email.trim()],
    [t.fieldName('reason'), draft.reason.trim()],
    [t.fieldName('patientType'), draft.patientType === 'existing' ? t.patientExisting : t.patientNew],
    [t.contactShort, draft.contact ? t.yes : ''],
  ];
  return rows.filter(([, value]) => value.trim());
}

/** A `blob:` URL of the booking as an .ics file; the caller revokes it when it is no longer shown. */
export function calendarFileUrl(context: AppointmentContext, booking: Booking): string | undefined {
  const start = Date.parse(booking.slot.start);
  const end = Date.parse(booking.slot.end);
  if (!(end > start)) return undefined;
  const location = booking.location ?? context.setup.locations.find((l) => l.id === booking.slot.locationId);
  const ics = buildIcs({
    uid: `${booking.id}@frontdesk`,
    start,
    end,
    stamp: Date.now(),
    summary: context.t.calendarSummary(context.setup.provider.displayName),
    location: whereText(context, location) || undefined,
    description: booking.instructions,
    url: safeWebUrl(booking.manageUrl),
  });
  return URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
}
