export type { FdProviderSelectDetail } from '@frontdesk/core';
export type { ProviderFilters, SortOrder } from './filtering.js';
export { FdProviderCard } from './provider-card.js';
export { FdProviderList } from './provider-list.js';
export type { ProviderStrings } from './strings.js';
