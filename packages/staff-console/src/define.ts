import { defineElement } from '@frontdesk/core/element';
import { FdStaffBooking } from './booking-view.js';
import { FdStaffChart } from './chart.js';
import { FdStaffFailedMessages } from './failed-messages-view.js';
import { FdStaffFeedback } from './feedback-view.js';
import { FdStaffFlags } from './flags-view.js';
import { FdStaffSchedule } from './schedule-view.js';
import { FdStaffSignIn } from './sign-in-view.js';
import { FdStaffConsole } from './staff-console.js';
import { FdStaffWaitlist } from './waitlist-view.js';

defineElement('fd-staff-chart', FdStaffChart);
defineElement('fd-staff-feedback', FdStaffFeedback);
defineElement('fd-staff-schedule', FdStaffSchedule);
defineElement('fd-staff-booking', FdStaffBooking);
defineElement('fd-staff-flags', FdStaffFlags);
defineElement('fd-staff-failed-messages', FdStaffFailedMessages);
defineElement('fd-staff-sign-in', FdStaffSignIn);
defineElement('fd-staff-waitlist', FdStaffWaitlist);
defineElement('fd-staff-console', FdStaffConsole);

declare global {
  interface HTMLElementTagNameMap {
    'fd-staff-chart': FdStaffChart;
    'fd-staff-feedback': FdStaffFeedback;
    'fd-staff-schedule': FdStaffSchedule;
    'fd-staff-booking': FdStaffBooking;
    'fd-staff-flags': FdStaffFlags;
    'fd-staff-failed-messages': FdStaffFailedMessages;
    'fd-staff-sign-in': FdStaffSignIn;
    'fd-staff-waitlist': FdStaffWaitlist;
    'fd-staff-console': FdStaffConsole;
  }
}
