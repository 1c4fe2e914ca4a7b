/** Times and days as staff read them, always in the time zone the API named. */
export function timeOf(lang: string, zone: string, instant: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(instant),
  );
}

export function dateTimeOf(lang: string, zone: string, instant: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A calendar date (YYYY-MM-DD) in words, without any time zone shifting it. */
export function dayOf(lang: string, key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}
