// The REST adapter a live page loads on first use.
export { createRestAdapter } from '@frontdesk/core/rest';
