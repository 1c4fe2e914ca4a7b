import type { Location } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import type { BookingRow } from '../visits/bookings.js';
import { formatWhen } from './compose.js';
import type { Language, VisitFacts } from './strings.js';

/** How to reach the patient, and the name to greet them by: read only when a message is sent. */
export interface Contact {
  givenName: string;
  email: string | undefined;
  phone: string;
}

export async function contactOf(db: Queryable, bookingId: string): Promise<Contact | undefined> {
  const rows = await db.query<{ patient: { givenName: string; email?: string; phone: string } }>(
    'select patient from bookings where id = $1',
    [bookingId],
  );
  const patient = rows.rows[0]?.patient;
  return patient && { givenName: patient.givenName, email: patient.email, phone: patient.phone };
}

export function formatPlace(location: Location): string {
  const address = location.address;
  return address ? [location.name, ...address.lines, address.city].join(', ') : location.name;
}

/** The zone a visit's time is told in: its location's, or (a video visit) the zone of the provider's hours. */
export function zoneOf(snapshot: ClinicSnapshot, providerId: string, locationId: string | undefined): string {
  const location = locationId === undefined ? undefined : snapshot.locationsById.get(locationId);
  if (location) return location.timeZone;
  const rules = snapshot.rulesByProvider.get(providerId) ?? [];
  return (rules.find((rule) => rule.locationId === undefined) ?? rules[0])?.timeZone ?? 'UTC';
}

/** What every message about a booking says of it, formatted for the patient's language. */
export function visitFacts(
  snapshot: ClinicSnapshot,
  row: Pick<BookingRow, 'providerId' | 'locationId' | 'visitTypeId' | 'startMs' | 'record'>,
  givenName: string,
  language: Language,
): VisitFacts {
  const provider = snapshot.providers.find((candidate) => candidate.id === row.providerId);
  const visitType = snapshot.visitTypes.get(row.visitTypeId)?.record;
  const location = row.record.location;
  return {
    clinic: snapshot.organization?.name ?? '',
    name: givenName,
    when: formatWhen(row.startMs, zoneOf(snapshot, row.providerId, row.locationId), language),
    provider: provider ? [provider.displayName, ...provider.credentials].join(', ') : '',
    visitType: visitType?.name ?? '',
    where: location ? formatPlace(location) : undefined,
    phone: location?.phone ?? snapshot.organization?.phone,
  };
}
