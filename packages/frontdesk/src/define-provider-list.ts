// Registers <fd-provider-list> and the <fd-provider-card> it renders (and <fd-clinic>).
import { defineWithClinic } from '@frontdesk/core/element';
import { FdProviderCard, FdProviderList } from '@frontdesk/provider-card';

defineWithClinic('fd-provider-card', FdProviderCard);
defineWithClinic('fd-provider-list', FdProviderList);
