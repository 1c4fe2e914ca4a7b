import { browserTimeZone, type DayKey, dayKeyText, knownDateFormat, timeText } from '@frontdesk/core';
import type { SlotPickerStrings } from './strings.js';
import { ZoneClock } from './zone-clock.js';

/** "Monday, March 9": a day in grid labels, headings and announcements. */
export const dayName = (day: DayKey, lang: string): string =>
  dayKeyText(day, lang, { weekday: 'long', month: 'long', day: 'numeric' });

/** "March 2026": the month heading. */
export const monthTitle = (month: string, lang: string): string =>
  dayKeyText(`${month}-01`, lang, { month: 'long', year: 'numeric' });

/** "Monday, March 9, 2026, 9:30 AM CDT": a chosen appointment, on the day it falls on in `timeZone`. */
export function whenLabel(ms: number, timeZone: string, lang: string): string {
  const day = new ZoneClock(timeZone).wallTime(ms).day;
  const date = dayKeyText(day, lang, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  return `${date}, ${timeText(ms, timeZone, lang, 'short')}`;
}

function zoneNameIn(timeZone: string, lang: string, at: number, style: 'longGeneric' | 'long'): string {
  const parts = knownDateFormat(lang, { timeZone, timeZoneName: style }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Central Time (Chicago)": the zone's everyday name with its city, which tells apart zones sharing a name. */
export function zoneName(timeZone: string, lang: string, at: number): string {
  let name = zoneNameIn(timeZone, lang, at, 'longGeneric');
  // Zones without a generic name come back as an offset ("GMT+00:00"); the long name is friendlier where there is one.
  if (/^(GMT|UTC)/.test(name)) name = zoneNameIn(timeZone, lang, at, 'long');
  const city = timeZone.includes('/') ? timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ') : '';
  return city && !name.includes(city) ? `${name} (${city})` : name;
}

export interface ZoneOption {
  timeZone: string;
  /** "Clinic time: Central Time (Chicago)". */
  label: string;
  /** "Central Time (Chicago)". */
  name: string;
}

/** The zones the patient may see times in: the clinic's, their own, and the one the page asked for. */
export function zoneOptions(t: SlotPickerStrings, lang: string, clinicZone: string, pageZone?: string): ZoneOption[] {
  const now = Date.now();
  const candidates: [string, (name: string) => string][] = [
    [clinicZone, t.zoneClinic],
    [browserTimeZone(), t.zoneYours],
  ];
  if (pageZone) candidates.push([pageZone, t.zoneOther]);
  const options: ZoneOption[] = [];
  for (const [zone, label] of candidates) {
    if (options.some((option) => option.timeZone === zone)) continue;
    const name = zoneName(zone, lang, now);
    options.push({ timeZone: zone, name, label: label(name) });
  }
  return options;
}
