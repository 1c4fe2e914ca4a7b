import type { StaffRoute } from './http.js';
import {
  createAccount,
  createToken,
  exportAuditEvents,
  getSettings,
  listAccounts,
  listAuditEvents,
  listTokens,
  putSettings,
  revokeToken,
  runRetentionNow,
  updateAccount,
} from './routes-admin.js';
import { getBooking, listBookings, setAttendance } from './routes-bookings.js';
import { exportBookingsCsv, exportFhir, exportResponsesCsv } from './routes-exports.js';
import { getFeedback, getResponse, handleFlag, listFlags, listResponses } from './routes-feedback.js';
import { cancelBooking, listFailedMessages, listWaitlist, rescheduleBooking } from './routes-visits.js';
import { currentSession, signIn, signOut } from './sign-in.js';

/**
 * The staff API under `/api/staff`, exactly as documented in docs/openapi.yaml (paths, operationIds and each
 * operation's `x-permission`; a test holds them together and walks every one without and with the wrong credentials).
 */
export const STAFF_ROUTES: readonly StaffRoute[] = [
  { method: 'POST', path: '/session', operationId: 'staffSignIn', permission: 'public', handle: signIn },
  { method: 'GET', path: '/session', operationId: 'staffSession', permission: 'signed-in', handle: currentSession },
  { method: 'DELETE', path: '/session', operationId: 'staffSignOut', permission: 'signed-in', handle: signOut },

  {
    method: 'GET',
    path: '/bookings',
    operationId: 'staffListBookings',
    permission: 'bookings:read',
    handle: listBookings,
  },
  {
    method: 'GET',
    path: '/bookings/:bookingId',
    operationId: 'staffGetBooking',
    permission: 'bookings:read',
    handle: getBooking,
  },
  {
    method: 'POST',
    path: '/bookings/:bookingId/attendance',
    operationId: 'staffSetAttendance',
    permission: 'bookings:write',
    handle: setAttendance,
  },
  {
    method: 'POST',
    path: '/bookings/:bookingId/reschedule',
    operationId: 'staffRescheduleBooking',
    permission: 'bookings:write',
    handle: rescheduleBooking,
  },
  {
    method: 'POST',
    path: '/bookings/:bookingId/cancel',
    operationId: 'staffCancelBooking',
    permission: 'bookings:write',
    handle: cancelBooking,
  },
  {
    method: 'GET',
    path: '/messages/failed',
    operationId: 'staffListFailedMessages',
    permission: 'bookings:read',
    handle: listFailedMessages,
  },
  {
    method: 'GET',
    path: '/waitlist',
    operationId: 'staffListWaitlist',
    permission: 'bookings:read',
    handle: listWaitlist,
  },

  {
    method: 'GET',
    path: '/survey-responses',
    operationId: 'staffListSurveyResponses',
    permission: 'responses:read',
    handle: listResponses,
  },
  {
    method: 'GET',
    path: '/survey-responses/:responseId',
    operationId: 'staffGetSurveyResponse',
    permission: 'responses:read',
    handle: getResponse,
  },
  { method: 'GET', path: '/feedback', operationId: 'staffFeedback', permission: 'feedback:read', handle: getFeedback },
  { method: 'GET', path: '/flags', operationId: 'staffListFlags', permission: 'flags:read', handle: listFlags },
  {
    method: 'POST',
    path: '/flags/:responseId/handled',
    operationId: 'staffHandleFlag',
    permission: 'flags:handle',
    handle: handleFlag,
  },

  {
    method: 'GET',
    path: '/exports/bookings.csv',
    operationId: 'staffExportBookingsCsv',
    permission: 'exports:read',
    handle: exportBookingsCsv,
  },
  {
    method: 'GET',
    path: '/exports/survey-responses.csv',
    operationId: 'staffExportSurveyResponsesCsv',
    permission: 'exports:read',
    handle: exportResponsesCsv,
  },
  {
    method: 'GET',
    path: '/exports/fhir',
    operationId: 'staffExportFhir',
    permission: 'exports:read',
    handle: exportFhir,
  },

  { method: 'GET', path: '/audit', operationId: 'staffListAudit', permission: 'audit:read', handle: listAuditEvents },
  {
    method: 'GET',
    path: '/audit/fhir',
    operationId: 'staffExportAudit',
    permission: 'audit:read',
    handle: exportAuditEvents,
  },

  {
    method: 'GET',
    path: '/settings',
    operationId: 'staffGetSettings',
    permission: 'settings:manage',
    handle: getSettings,
  },
  {
    method: 'PUT',
    path: '/settings',
    operationId: 'staffPutSettings',
    permission: 'settings:manage',
    handle: putSettings,
  },
  {
    method: 'POST',
    path: '/retention/run',
    operationId: 'staffRunRetention',
    permission: 'settings:manage',
    handle: runRetentionNow,
  },

  {
    method: 'GET',
    path: '/accounts',
    operationId: 'staffListAccounts',
    permission: 'staff:manage',
    handle: listAccounts,
  },
  {
    method: 'POST',
    path: '/accounts',
    operationId: 'staffCreateAccount',
    permission: 'staff:manage',
    handle: createAccount,
  },
  {
    method: 'PATCH',
    path: '/accounts/:staffId',
    operationId: 'staffUpdateAccount',
    permission: 'staff:manage',
    handle: updateAccount,
  },
  { method: 'GET', path: '/tokens', operationId: 'staffListTokens', permission: 'tokens:manage', handle: listTokens },
  {
    method: 'POST',
    path: '/tokens',
    operationId: 'staffCreateToken',
    permission: 'tokens:manage',
    handle: createToken,
  },
  {
    method: 'DELETE',
    path: '/tokens/:tokenId',
    operationId: 'staffRevokeToken',
    permission: 'tokens:manage',
    handle: revokeToken,
  },
];
