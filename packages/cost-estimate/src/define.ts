import { defineWithClinic } from '@frontdesk/core/element';
import { FdCostEstimate } from './cost-estimate.js';

defineWithClinic('fd-cost-estimate', FdCostEstimate);
