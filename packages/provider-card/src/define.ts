import { defineWithClinic } from '@frontdesk/core/element';
import { FdLocationList } from './location-list.js';
import { FdProviderCard } from './provider-card.js';
import { FdProviderList } from './provider-list.js';

// Registers <fd-provider-card>, <fd-provider-list>, <fd-location-list> and <fd-clinic>; a tag already taken is left
// alone.
defineWithClinic('fd-provider-card', FdProviderCard);
defineWithClinic('fd-provider-list', FdProviderList);
defineWithClinic('fd-location-list', FdLocationList);
