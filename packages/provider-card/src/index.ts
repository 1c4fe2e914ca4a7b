export type { ProviderSelectDetail } from './events.js';
export type { ProviderFilters, SortOrder } from './filtering.js';
export { FdProviderCard } from './provider-card.js';
export { FdProviderList } from './provider-list.js';
