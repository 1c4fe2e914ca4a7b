// Registers <fd-location-list> (and <fd-clinic>) alone: a page of locations does not download the provider cards.
import { defineWithClinic } from '@frontdesk/core/element';
import { FdLocationList } from '@frontdesk/provider-card';

defineWithClinic('fd-location-list', FdLocationList);
