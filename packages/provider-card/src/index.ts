export type { FdLocationSelectDetail, FdProviderSelectDetail } from '@frontdesk/core';
export type { BookingMode } from './booking-panel.js';
export type { ProviderFilters, SortOrder } from './filtering.js';
export { FdLocationList } from './location-list.js';
export { FdProviderCard } from './provider-card.js';
export { FdProviderList } from './provider-list.js';
export type { ProviderStrings } from './strings.js';
