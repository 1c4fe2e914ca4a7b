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
  about: (name: string): string => `about ${name}`,
  close: 'Close',
  notFound: 'We could not find this provider.',
  filters: 'Filter providers',
  /** The button that shows the filters on a narrow screen, with how many are on. */
  filterButton: 'Filter',
  filtersOn: (n: number): string => (n === 1 ? '1 on' : `${n} on`),
  skipToResults: (n: number): string => (n === 1 ? 'Skip to the provider' : `Skip to the ${n} providers`),
  skipPastList: 'Skip past the list',
  endOfList: 'End of the list',
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
  locationResults: 'Locations',
  locationCount: (n: number): string => (n === 1 ? '1 location' : `${n} locations`),
  noLocations: 'No locations are listed yet.',
  bookAt: (place: string): string => `at ${place}`,
  bookingAt: (place: string): string => `Book at ${place}`,
  skipToLocations: (n: number): string => (n === 1 ? 'Skip to the location' : `Skip to the ${n} locations`),
};

export type ProviderStrings = typeof stringsEn;

/** The words of both elements (namespace `fd-provider-card`); Spanish loads on first use. */
export const providerStrings = new Strings('fd-provider-card', stringsEn, { es: () => import('./strings.es.js') });
