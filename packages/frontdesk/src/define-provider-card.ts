// Registers <fd-provider-card> (and <fd-clinic>) alone: a page with one card does not download the list.
import { defineWithClinic } from '@frontdesk/core/element';
import { FdProviderCard } from '@frontdesk/provider-card';

defineWithClinic('fd-provider-card', FdProviderCard);
