import {
  type Booking,
  browserTimeZone,
  type FrontdeskAdapter,
  FrontdeskError,
  knownDateFormat,
  type Location,
  type Organization,
  type Provider,
  type Slot,
  type VisitType,
  type WaitlistOffer,
} from '@frontdesk/core';

/** The booking and what makes it readable: who it is with, what kind of visit, where, and the clinic's zone. */
export interface VisitFacts {
  booking: Booking;
  provider: Provider | undefined;
  visitType: VisitType | undefined;
  location: Location | undefined;
  /** The zone the clinic gives times in for this visit (a video visit's: its provider's office's). */
  timeZone: string;
  organization: Organization | undefined;
  /** The adapter moves bookings (`rescheduleBooking`). */
  canReschedule: boolean;
}

/**
 * The booking a manage token stands for, with its provider, visit type and location looked up. Only the booking is
 * required: a provider or visit type the clinic no longer lists leaves its row out instead of failing the page.
 */
export async function loadVisit(adapter: FrontdeskAdapter, token: string, signal: AbortSignal): Promise<VisitFacts> {
  if (!adapter.capabilities.manage || !adapter.getBooking) {
    throw new FrontdeskError('unsupported', `the ${adapter.name} adapter cannot look up a booking by its token`);
  }
  const booking = await adapter.getBooking(token, { signal });
  return {
    booking,
    ...(await surroundings(adapter, booking.slot, booking.visitTypeId, booking.location, signal)),
    canReschedule: Boolean(adapter.capabilities.reschedule && adapter.rescheduleBooking),
  };
}

/** What makes a slot readable: its provider, visit type and location (each left out when the clinic lists none). */
async function surroundings(
  adapter: FrontdeskAdapter,
  slot: Slot,
  visitTypeId: string,
  known: Location | undefined,
  signal: AbortSignal,
): Promise<Omit<VisitFacts, 'booking' | 'canReschedule'>> {
  const providerId = slot.providerId;
  const optional = <T>(promise: Promise<T>): Promise<T | undefined> => promise.catch(() => undefined);
  const [provider, visitTypes, locations, organization] = await Promise.all([
    providerId ? optional(adapter.getProvider(providerId, { signal })) : undefined,
    optional(adapter.listVisitTypes({ signal })),
    optional(adapter.listLocations({ signal })),
    optional(adapter.getOrganization({ signal })),
  ]);
  signal.throwIfAborted();
  const all = locations?.items ?? [];
  const location = known ?? all.find((candidate) => candidate.id === slot.locationId);
  const office = all.find((candidate) => provider?.locationIds.includes(candidate.id)) ?? all[0];
  return {
    provider,
    visitType: visitTypes?.items.find((type) => type.id === visitTypeId),
    location,
    timeZone: location?.timeZone ?? office?.timeZone ?? browserTimeZone(),
    organization,
  };
}

/** A waitlist offer and what makes its time readable. */
export interface OfferFacts extends Omit<VisitFacts, 'booking' | 'canReschedule'> {
  offer: WaitlistOffer;
}

/** The offer an offer link stands for (`#offer=...`), with the provider, visit type and place of its time. */
export async function loadOffer(adapter: FrontdeskAdapter, token: string, signal: AbortSignal): Promise<OfferFacts> {
  if (!adapter.capabilities.waitlist || !adapter.getWaitlistOffer) {
    throw new FrontdeskError('unsupported', `the ${adapter.name} adapter keeps no waitlist`);
  }
  const offer = await adapter.getWaitlistOffer(token, { signal });
  return { offer, ...(await surroundings(adapter, offer.slot, offer.visitTypeId, undefined, signal)) };
}

/** The clinic's zone for this visit: its location's, else its provider's office's (a video visit). */
export function visitZone(facts: Pick<VisitFacts, 'timeZone'>): string {
  return facts.timeZone;
}

/** "Tuesday, March 10, 2026, 9:00 AM" in the clinic's zone. */
export function visitTime(ms: number, timeZone: string, lang: string): string {
  return knownDateFormat(lang, {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms);
}

/** "Central Standard Time, Chicago": the zone as it is at the visit, with its city so zones sharing a name differ. */
export function visitZoneName(ms: number, timeZone: string, lang: string): string {
  const parts = knownDateFormat(lang, { timeZone, timeZoneName: 'long' }).formatToParts(ms);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ') : '';
  return city && !name.includes(city) ? `${name}, ${city}` : name;
}

/** "Midtown Clinic, 2100 West End Avenue, Nashville, TN 37203". */
export function placeText(location: Location): string {
  const address = location.address;
  if (!address) return location.name;
  const region = [address.state, address.postalCode].filter(Boolean).join(' ');
  return [location.name, ...address.lines, address.city, region].filter(Boolean).join(', ');
}
