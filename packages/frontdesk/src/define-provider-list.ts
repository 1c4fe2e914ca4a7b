// Registers <fd-provider-list> and the <fd-provider-card> it renders (and <fd-clinic>).
import './define-provider-card.js';
import { defineWithClinic } from '@frontdesk/core/element';
import { FdProviderList } from '@frontdesk/provider-card';

defineWithClinic('fd-provider-list', FdProviderList);
