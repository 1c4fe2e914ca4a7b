import type { Provider } from '@frontdesk/core';
import { fold } from './display.js';

/** What the patient filters the provider list by. Empty strings and `false` mean "any". */
export interface ProviderFilters {
  query: string;
  specialty: string;
  language: string;
  location: string;
  telehealth: boolean;
  accepting: boolean;
}

export type FilterKey = keyof ProviderFilters;

export const NO_FILTERS: ProviderFilters = {
  query: '',
  specialty: '',
  language: '',
  location: '',
  telehealth: false,
  accepting: false,
};

export type SortOrder = 'name' | 'next';

export interface Option {
  value: string;
  label: string;
}

/** "Family medicine", "family-medicine" and "FAMILY_MEDICINE" are the same thing to a CMS user. */
const slug = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, '-');

/**
 * The option a preset means: an exact value (a code or an id), or a label written any way
 * (`specialty="cardiology"`). Unknown presets stay as they are, so the empty state can name them.
 */
export function resolveOption(preset: string, options: readonly Option[]): string {
  if (!preset) return '';
  const wanted = slug(preset);
  return (
    options.find((o) => o.value === preset || slug(o.value) === wanted || slug(o.label) === wanted)?.value ?? preset
  );
}

/** `es-MX` and `es` are both Spanish to a patient looking for a Spanish speaker. */
export const baseLanguage = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;

/** True when every word of the query is in the provider's name, ignoring case and accents. */
export function nameMatches(provider: Provider, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { given = [], family = '', prefix = '' } = provider.name ?? {};
  const haystack = fold([provider.displayName, prefix, ...given, family].join(' '));
  return words.every((word) => haystack.includes(word));
}

/** One filter applied; an empty value lets every provider through. */
export function passes(provider: Provider, key: FilterKey, filters: ProviderFilters): boolean {
  switch (key) {
    case 'query':
      return nameMatches(provider, filters.query);
    case 'specialty':
      return !filters.specialty || provider.specialties.some((s) => s.code === filters.specialty);
    case 'language':
      return !filters.language || provider.languages.some((tag) => baseLanguage(tag) === filters.language);
    case 'location':
      return !filters.location || provider.locationIds.includes(filters.location);
    case 'telehealth':
      return !filters.telehealth || provider.telehealth;
    case 'accepting':
      return !filters.accepting || provider.acceptingNewPatients === 'yes';
  }
}

const KEYS = Object.keys(NO_FILTERS) as FilterKey[];

export function activeFilters(filters: ProviderFilters): FilterKey[] {
  return KEYS.filter((key) =>
    typeof filters[key] === 'string' ? (filters[key] as string).trim() !== '' : filters[key],
  );
}

export function filterProviders(providers: readonly Provider[], filters: ProviderFilters): Provider[] {
  const keys = activeFilters(filters);
  return providers.filter((p) => keys.every((key) => passes(p, key, filters)));
}

/**
 * When nothing matches, the one active filter whose removal brings back the most providers: the empty state names
 * it. Undefined when no single filter would help.
 */
export function filterToRelax(providers: readonly Provider[], filters: ProviderFilters): FilterKey | undefined {
  let best: FilterKey | undefined;
  let bestCount = 0;
  for (const key of activeFilters(filters)) {
    const count = filterProviders(providers, { ...filters, [key]: NO_FILTERS[key] }).length;
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** Family name first ("Hernández"), as a directory sorts; the display name breaks ties. */
function sortName(provider: Provider): string {
  const words = (provider.displayName.split(',')[0] ?? '').split(/\s+/).filter((w) => w && !w.endsWith('.'));
  return provider.name?.family ?? words.at(-1) ?? provider.displayName;
}

/** By name in the page's language, or soonest next available first (none known goes last). */
export function sortProviders(providers: readonly Provider[], order: SortOrder, locale: string): Provider[] {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
  } catch {
    collator = new Intl.Collator('en', { sensitivity: 'base' });
  }
  const byName = (a: Provider, b: Provider) =>
    collator.compare(sortName(a), sortName(b)) || collator.compare(a.displayName, b.displayName);
  const next = (p: Provider) => (p.nextAvailable ? Date.parse(p.nextAvailable) : Number.POSITIVE_INFINITY);
  return [...providers].sort(order === 'next' ? (a, b) => next(a) - next(b) || byName(a, b) : byName);
}
