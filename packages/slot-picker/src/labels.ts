import { type DayKey, formatDayKey, formatTime, formatTimeZoneName, type Location } from '@frontdesk/core';

/** "Monday, March 9": a day in grid labels, headings and announcements. */
export const dayName = (day: DayKey, lang: string): string =>
  formatDayKey(day, lang, { weekday: 'long', month: 'long', day: 'numeric' });

/** "Monday, March 9, 2026". */
export const fullDayName = (day: DayKey, lang: string): string =>
  formatDayKey(day, lang, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

/** "March 2026": the month heading. */
export const monthTitle = (month: string, lang: string): string =>
  formatDayKey(`${month}-01`, lang, { month: 'long', year: 'numeric' });

/** "9:30 AM": a time button, read on the wall clock of `timeZone`. */
export const timeLabel = (ms: number, timeZone: string, lang: string): string => formatTime(ms, timeZone, lang);

/** "Monday, March 9, 2026, 9:30 AM CDT": an appointment in the review and the confirmation. */
export const whenLabel = (day: DayKey, ms: number, timeZone: string, lang: string): string =>
  `${fullDayName(day, lang)}, ${formatTime(ms, timeZone, lang, { timeZoneName: 'short' })}`;

/** "Central Time (Chicago)": the zone's everyday name with its city, which tells apart zones sharing a name. */
export function zoneName(timeZone: string, lang: string, at: number): string {
  let name = formatTimeZoneName(timeZone, lang, at, 'longGeneric');
  // Zones without a generic name come back as an offset ("GMT+00:00"); the long name is friendlier where there is one.
  if (/^(GMT|UTC)/.test(name)) name = formatTimeZoneName(timeZone, lang, at, 'long');
  const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ') : '';
  return city && !name.includes(city) ? `${name} (${city})` : name;
}

/** "Midtown Clinic, 2100 West End Avenue, Suite 400, Nashville, TN 37203". */
export function locationText(location: Location): string {
  const address = location.address;
  if (!address) return location.name;
  const region = [address.state, address.postalCode].filter(Boolean).join(' ');
  return [location.name, ...address.lines, address.city, region].filter(Boolean).join(', ');
}
