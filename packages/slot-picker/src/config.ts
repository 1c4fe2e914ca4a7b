import { FrontdeskError, isDayKey, isTimeZone } from '@frontdesk/core';

export const DEFAULT_DAYS = 90;
const MAX_DAYS = 366;

export interface PickerConfig {
  start: string | undefined;
  days: number | undefined;
  timezone: string | undefined;
}

/**
 * Attributes a CMS user types by hand, checked before any request: a typo gives a message naming the attribute
 * instead of an empty calendar.
 */
export function configProblem(config: PickerConfig): FrontdeskError | undefined {
  const bad = (field: string, problem: string) =>
    new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
  if (config.start !== undefined && !isDayKey(config.start)) {
    return bad('start', 'expected a date as YYYY-MM-DD');
  }
  const days = config.days;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
    return bad('days', `expected a whole number of days from 1 to ${MAX_DAYS}`);
  }
  if (config.timezone !== undefined && !isTimeZone(config.timezone)) {
    return bad('timezone', 'expected an IANA time zone such as America/New_York');
  }
  return undefined;
}
