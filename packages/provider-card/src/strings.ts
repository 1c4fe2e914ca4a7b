import { type AcceptingNewPatients, Strings } from '@frontdesk/core';

/** English strings of fd-provider-card and fd-provider-list (Spanish in strings.es.ts, loaded on first use). */
export const stringsEn = {
  accepting: (value: AcceptingNewPatients): string =>
    ({ yes: 'Accepting new patients', 'existing-only': 'Existing patients only', no: 'Not accepting new patients' })[
      value
    ],
  telehealth: 'Video visits',
  inPerson: 'In-person visits',
  specialties: 'Specialties',
  languages: 'Languages',
  locations: 'Locations',
  phone: 'Phone',
  map: 'Map',
  mapOf: (place: string): string => `Map of ${place} (opens in a new tab)`,
  nextAvailable: 'Next available',
  book: 'Book',
  bookWith: (name: string): string => `with ${name}`,
  booking: (name: string): string => `Book with ${name}`,
  readMore: 'Read more',
  readLess: 'Show less',
  about: (name: string): string => `About ${name}`,
  notFound: 'We could not find this provider.',
  filters: 'Filter providers',
  search: 'Search by name',
  specialty: 'Specialty',
  language: 'Language',
  location: 'Location',
  any: 'Any',
  telehealthOnly: 'Offers video visits',
  acceptingOnly: 'Accepting new patients',
  sort: 'Sort by',
  sortName: 'Name',
  sortNext: 'Next available',
  count: (n: number): string => (n === 1 ? '1 provider' : `${n} providers`),
  results: 'Providers',
  noProviders: 'No providers are listed yet.',
  noMatch: 'No providers match your filters.',
  relax: (filter: string): string => `Try removing the “${filter}” filter.`,
  clear: (filter: string): string => `Clear “${filter}”`,
  clearAll: 'Clear all filters',
};

export type ProviderStrings = typeof stringsEn;

/** The words of both elements (namespace `fd-provider-card`); Spanish loads on first use. */
export const providerStrings = new Strings('fd-provider-card', stringsEn, { es: () => import('./strings.es.js') });
