import { defineWithClinic } from '@frontdesk/core/element';
import { FdSlotPicker } from './slot-picker.js';

defineWithClinic('fd-slot-picker', FdSlotPicker);
