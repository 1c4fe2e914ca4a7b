import { defineWithClinic } from '@frontdesk/core/element';
import { FdBooking } from './booking.js';

defineWithClinic('fd-booking', FdBooking);
