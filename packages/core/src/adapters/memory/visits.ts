import { FrontdeskError } from '../../errors.js';
import type {
  Booking,
  CancelRequest,
  ClaimRequest,
  Hold,
  HoldRequest,
  RescheduleRequest,
  Slot,
  WaitlistEntry,
  WaitlistOffer,
  WaitlistRequest,
} from '../../schemas/scheduling.js';
import { isBookable, type SlotCalendar } from './slots.js';

/** How long the demo holds a time, and how long a waitlist offer stays open: the server's defaults. */
export const HOLD_MS = 5 * 60_000;
export const OFFER_MS = 30 * 60_000;
/** How many waitlisted patients are offered a freed time at once (the server's default). */
const OFFER_BATCH = 3;

/** 256 random bits in base64url, as the server makes its tokens (Web Crypto: browsers and Node alike). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

interface Place {
  request: WaitlistRequest;
  entry: WaitlistEntry;
  offered: Set<string>;
}

interface Offer {
  token: string;
  place: Place;
  slotId: string;
  expiresAt: number;
  status: 'open' | 'claimed' | 'gone';
}

/** What the desk needs of the clinic: its slots, its clock, and a booking built the way `book()` builds one. */
export interface DeskClinic {
  slots(): SlotCalendar;
  now(): number;
  /** A new booking of `slot` (already checked free), for a waitlist claim. */
  newBooking(slot: Slot, visitTypeId: string, givenName: string): Booking;
}

const gone = () => new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
const noBooking = () => new FrontdeskError('not-found', 'no booking with this token', { field: 'manageToken' });

/**
 * The demo clinic's visit desk: bookings by manage token, holds, the waitlist and its offers, kept in memory with
 * the server's rules (a held time is busy to others, a move is all or nothing, the first claim of an offer wins).
 */
export class VisitDesk {
  readonly #clinic: DeskClinic;
  readonly #bookings: Booking[] = [];
  readonly #byToken = new Map<string, Booking>();
  readonly #holds = new Map<string, { slotId: string; expiresAt: number }>();
  readonly #places = new Map<string, Place>();
  readonly #offers = new Map<string, Offer>();
  readonly #answers = new Map<string, { fingerprint: string; answer: unknown }>();

  constructor(clinic: DeskClinic) {
    this.#clinic = clinic;
  }

  get count(): number {
    return this.#bookings.length;
  }

  /** Copies of the bookings made, oldest first. */
  bookings(): Booking[] {
    return structuredClone(this.#bookings);
  }

  /** The open waitlist offers (what the server would send by message), for stories and tests. */
  offers(): { offerToken: string; slotId: string; waitlistToken: string | undefined }[] {
    return [...this.#offers.values()]
      .filter((offer) => offer.status === 'open')
      .map((offer) => ({ offerToken: offer.token, slotId: offer.slotId, waitlistToken: offer.place.entry.token }));
  }

  /** Keeps a new booking; returns its manage token. */
  add(booking: Booking): string {
    const token = randomToken();
    this.#bookings.push(booking);
    this.#byToken.set(token, booking);
    return token;
  }

  /** Whether another patient holds `slotId` now. */
  heldByOther(slotId: string, ownHoldId?: string): boolean {
    const now = this.#clinic.now();
    for (const [id, hold] of this.#holds) {
      if (hold.slotId === slotId && hold.expiresAt > now && id !== ownHoldId) return true;
    }
    return false;
  }

  /** The slot as others see it: busy while held. */
  shown(slot: Slot): Slot {
    return slot.status === 'free' && this.heldByOther(slot.id) ? { ...slot, status: 'busy' } : slot;
  }

  /** A booking consumed the patient's hold (or the slot is now booked, so every hold on it is moot). */
  releaseSlot(slotId: string): void {
    for (const [id, hold] of this.#holds) if (hold.slotId === slotId) this.#holds.delete(id);
  }

  get(token: string): Booking {
    const booking = this.#byToken.get(token);
    if (!booking) throw noBooking();
    return structuredClone(booking);
  }

  cancel(request: CancelRequest): Booking {
    return this.#once('cancel', request, () => {
      const booking = this.#byToken.get(request.manageToken);
      if (!booking) throw noBooking();
      if (booking.status === 'cancelled') return booking;
      this.#requireAhead(booking);
      booking.status = 'cancelled';
      booking.sequence = (booking.sequence ?? 0) + 1;
      this.#free(booking.slot.id);
      return booking;
    });
  }

  reschedule(request: RescheduleRequest): Booking {
    return this.#once('reschedule', request, () => {
      const booking = this.#byToken.get(request.manageToken);
      if (!booking) throw noBooking();
      if (booking.status === 'cancelled') {
        throw new FrontdeskError('conflict', 'the booking is cancelled: book a new visit', { field: 'manageToken' });
      }
      this.#requireAhead(booking);
      if (request.slotId === booking.slot.id) return booking;
      const slot = this.#claimable(request.slotId, request.holdId);
      if (!slot.visitTypeIds.includes(booking.visitTypeId)) {
        throw new FrontdeskError('conflict', 'this visit type is not offered in the slot', { field: 'request.slotId' });
      }
      this.#move(booking, slot);
      return booking;
    });
  }

  hold(request: HoldRequest): Hold {
    return this.#once('hold', request, () => {
      const slot = this.#claimable(request.slotId, undefined);
      const id = randomToken();
      const expiresAt = this.#clinic.now() + HOLD_MS;
      this.#holds.set(id, { slotId: slot.id, expiresAt });
      return { id, slotId: slot.id, expiresAt: new Date(expiresAt).toISOString() };
    });
  }

  release(holdId: string): void {
    this.#holds.delete(holdId);
  }

  join(request: WaitlistRequest): WaitlistEntry {
    return this.#once('waitlist', request, () => {
      if (!request.consent.terms || !request.consent.contact) {
        const field = request.consent.terms ? 'request.consent.contact' : 'request.consent.terms';
        throw new FrontdeskError('invalid-input', `${field}: required for the waitlist`, { field });
      }
      if (request.manageToken !== undefined && !this.#byToken.has(request.manageToken)) throw noBooking();
      const token = randomToken();
      const entry: WaitlistEntry = {
        token,
        status: 'waiting',
        providerId: request.providerId,
        visitTypeId: request.visitTypeId,
        from: request.from,
        to: request.to,
        notifications: { email: false, sms: false },
      };
      this.#places.set(token, { request, entry, offered: new Set() });
      return entry;
    });
  }

  leave(token: string): void {
    const place = this.#places.get(token);
    if (!place) throw new FrontdeskError('not-found', 'no waitlist place with this token', { field: 'waitlistToken' });
    if (place.entry.status === 'waiting') place.entry.status = 'left';
  }

  offer(token: string): WaitlistOffer {
    const offer = this.#offers.get(token);
    if (!offer) throw new FrontdeskError('not-found', 'no offer with this token', { field: 'offerToken' });
    const slot = this.#clinic.slots().get(offer.slotId)!;
    const expired = offer.status === 'open' && offer.expiresAt <= this.#clinic.now();
    const taken = offer.status === 'open' && !isBookable(slot);
    return {
      status: expired ? 'expired' : taken ? 'gone' : offer.status,
      slot: { ...slot, visitTypeIds: [...slot.visitTypeIds] },
      visitTypeId: offer.place.request.visitTypeId,
      expiresAt: new Date(offer.expiresAt).toISOString(),
      movesBooking: offer.place.request.manageToken !== undefined,
    };
  }

  claim(request: ClaimRequest): Booking & { manageToken: string } {
    return this.#once('claim', request, () => {
      const offer = this.#offers.get(request.offerToken);
      if (!offer) throw new FrontdeskError('not-found', 'no offer with this token', { field: 'offerToken' });
      if (offer.status !== 'open') throw new FrontdeskError('conflict', 'this time is gone', { field: 'offerToken' });
      if (offer.expiresAt <= this.#clinic.now()) {
        throw new FrontdeskError('conflict', 'this offer has expired', { field: 'offerToken' });
      }
      const slot = this.#claimable(offer.slotId, undefined);
      const { request: wanted, entry } = offer.place;
      const existing = wanted.manageToken === undefined ? undefined : this.#byToken.get(wanted.manageToken);
      let booking: Booking;
      let token: string;
      if (existing && existing.status === 'booked') {
        this.#move(existing, slot);
        booking = existing;
        token = randomToken();
        this.#byToken.set(token, existing);
      } else {
        booking = this.#clinic.newBooking(slot, wanted.visitTypeId, wanted.patient.givenName);
        this.releaseSlot(slot.id);
        token = this.add(booking);
      }
      offer.status = 'claimed';
      entry.status = 'booked';
      for (const other of this.#offers.values()) if (other.slotId === slot.id && other !== offer) other.status = 'gone';
      return { ...booking, manageToken: token };
    });
  }

  /** The slot, if nobody has booked or (besides `ownHoldId`) held it. */
  #claimable(slotId: string, ownHoldId: string | undefined): Slot {
    const slot = this.#clinic.slots().get(slotId);
    if (!slot) throw new FrontdeskError('not-found', 'no slot with this id', { field: 'request.slotId' });
    if (!isBookable(slot) || this.heldByOther(slotId, ownHoldId)) throw gone();
    return slot;
  }

  #requireAhead(booking: Booking): void {
    if (Date.parse(booking.slot.start) < this.#clinic.now()) {
      throw new FrontdeskError('conflict', 'the visit has already started: call the clinic', { field: 'manageToken' });
    }
  }

  #move(booking: Booking, slot: Slot): void {
    const old = booking.slot.id;
    slot.status = 'busy';
    this.releaseSlot(slot.id);
    booking.slot = { ...slot, visitTypeIds: [...slot.visitTypeIds] };
    booking.sequence = (booking.sequence ?? 0) + 1;
    this.#free(old);
  }

  /** A time is free again: waitlisted patients it fits are offered it, first come first. */
  #free(slotId: string): void {
    const slot = this.#clinic.slots().get(slotId);
    if (!slot) return;
    slot.status = 'free';
    const day = slot.start.slice(0, 10);
    const fits = [...this.#places.values()].filter((place) => {
      const { request, entry } = place;
      if (entry.status !== 'waiting' || place.offered.has(slotId)) return false;
      if (request.providerId !== slot.providerId || !slot.visitTypeIds.includes(request.visitTypeId)) return false;
      if (day < request.from || day > request.to) return false;
      const current = request.manageToken === undefined ? undefined : this.#byToken.get(request.manageToken);
      return current?.status !== 'booked' || Date.parse(slot.start) < Date.parse(current.slot.start);
    });
    for (const place of fits.slice(0, OFFER_BATCH)) {
      place.offered.add(slotId);
      const token = randomToken();
      this.#offers.set(token, {
        token,
        place,
        slotId,
        expiresAt: this.#clinic.now() + OFFER_MS,
        status: 'open',
      });
    }
  }

  /** One answer per idempotency key, as the server gives; the same key with another request is refused. */
  #once<T>(scope: string, request: { idempotencyKey: string }, work: () => T): T {
    const key = `${scope}:${request.idempotencyKey}`;
    const fingerprint = JSON.stringify(request);
    const previous = this.#answers.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new FrontdeskError('invalid-input', 'Idempotency-Key: already used for a different request', {
          field: 'Idempotency-Key',
        });
      }
      return structuredClone(previous.answer) as T;
    }
    const answer = work();
    this.#answers.set(key, { fingerprint, answer: structuredClone(answer) });
    return structuredClone(answer);
  }
}
