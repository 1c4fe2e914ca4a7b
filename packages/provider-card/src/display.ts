import { type Address, knownDateFormat, type Location, type Provider } from '@frontdesk/core';

/** Only http(s) photos are ever loaded: a `javascript:` or `data:` URL from an API never reaches `src`. */
export function safePhotoUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const firstLetter = (word: string | undefined) => (word ? ([...word][0] ?? '') : '');

/** "AG" for Dr. Ana García, MD: from the name parts when there are any, else the display name without titles. */
export function initials(provider: Pick<Provider, 'displayName' | 'name'>): string {
  const { given, family } = provider.name ?? {};
  if (given?.length || family) return (firstLetter(given?.[0]) + firstLetter(family)).toUpperCase();
  // Titles ("Dr.") end with a dot and credentials follow a comma: neither belongs in the initials.
  const words = (provider.displayName.split(',')[0] ?? '').split(/\s+/).filter((w) => w && !w.endsWith('.'));
  return (firstLetter(words[0]) + (words.length > 1 ? firstLetter(words.at(-1)) : '')).toUpperCase();
}

/** "Ana García, MD, FACP": the name with its credentials, unless the display name already carries them. */
export function nameWithCredentials(provider: Pick<Provider, 'displayName' | 'credentials'>): string {
  const extra = provider.credentials.filter((c) => !provider.displayName.includes(c));
  return [provider.displayName, ...extra].join(', ');
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** "Spanish" (or "español" in a Spanish page) for `es`; the tag itself when the browser cannot name it. */
export function languageName(tag: string, locale: string): string {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  try {
    const name = names?.of(tag) ?? tag;
    // Capitalized for a list item: Intl gives "español" in Spanish.
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return tag;
  }
}

/** The street lines, then "City, ST 12345". */
export function addressLines(address: Address | undefined): string[] {
  if (!address) return [];
  const region = [address.state, address.postalCode].filter(Boolean).join(' ');
  return [...address.lines, [address.city, region].filter(Boolean).join(', ')];
}

export const DEFAULT_MAP_URL = 'https://www.google.com/maps/search/?api=1&query={query}';

/**
 * A link to a maps search for the location: nothing is requested from the maps site until the patient follows it.
 * `template` must be https and contain `{query}`; anything else falls back to the default.
 */
export function mapHref(location: Location, template = DEFAULT_MAP_URL): string {
  const { position } = location;
  const query = location.address
    ? [location.name, ...addressLines(location.address)].join(', ')
    : position
      ? `${position.latitude},${position.longitude}`
      : location.name;
  const safe = template.startsWith('https://') && template.includes('{query}') ? template : DEFAULT_MAP_URL;
  return safe.replace('{query}', encodeURIComponent(query));
}

/** Lowercase, accents removed: "José" matches "jose", "MÜLLER" matches "muller". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Provider objects that already passed the schema (an adapter's output, handed on by the list): not checked twice. */
export const validated = new WeakSet<object>();

/** "Tue, Mar 10, 9:30 AM Central Time": in the given zone, named, since the patient may be in another. */
export function formatInstant(instant: string, timeZone: string, locale: string): string | undefined {
  try {
    const date = new Date(instant);
    return Number.isNaN(date.getTime()) ? undefined : knownDateFormat(locale, { ...WHEN, timeZone }).format(date);
  } catch {
    return undefined; // an unknown zone or language tag: better no time than a wrong one
  }
}

export const WHEN: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'longGeneric',
};
