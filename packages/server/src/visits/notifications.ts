import { FrontdeskError, type Notifications, type PatientDetails } from '@frontdesk/core';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channels } from './context.js';

/** The patient's phone as E.164 (`+16155550199`) for a text message, or undefined when it is no mobile-capable number. */
export function smsNumber(phone: string, country: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone, country as CountryCode);
  if (!parsed?.isValid()) return undefined;
  const type = parsed.getType();
  // Landlines cannot take a text; numbers whose type the metadata cannot tell (most of the US) may.
  if (type === 'FIXED_LINE' || type === 'TOLL_FREE' || type === 'PREMIUM_RATE' || type === 'SHARED_COST') {
    return undefined;
  }
  return parsed.number;
}

/**
 * The messages one patient will really get: only with their consent, only by a channel this server sends by, and
 * only to an address they gave. The confirmation shows this, so it never promises a message that will not come.
 */
export function notificationsFor(
  channels: Channels,
  patient: Pick<PatientDetails, 'email' | 'phone'>,
  consent: { contact?: boolean | undefined },
  phoneCountry: string,
): Notifications {
  const agreed = consent.contact === true;
  return {
    email: agreed && channels.email && patient.email !== undefined,
    sms: agreed && channels.sms && smsNumber(patient.phone, phoneCountry) !== undefined,
  };
}

/**
 * Refuses a request whose patient would get no message at all (no consent, no address for any channel the clinic
 * sends by), naming the field to fill in and why it matters.
 */
export function requireReachable(
  channels: Channels,
  request: { consent: { contact?: boolean | undefined }; patient: { email?: string | undefined } },
  notifications: Notifications,
  why: string,
): void {
  if (notifications.email || notifications.sms) return;
  const field = !request.consent.contact
    ? 'request.consent.contact'
    : channels.email && request.patient.email === undefined
      ? 'request.patient.email'
      : 'request.patient.phone';
  const what =
    field === 'request.consent.contact'
      ? 'agree to be contacted'
      : field === 'request.patient.email'
        ? 'give an e-mail address'
        : 'give a mobile number';
  throw new FrontdeskError('invalid-input', `${field}: ${why}: ${what}`, { field });
}
