// The all-in-one package for npm users: every element class, the core API, and `loadElement` for on-demand use.

export * from '@frontdesk/booking';
export * from '@frontdesk/core';
export { defineElement, FdClinic, FrontdeskElement } from '@frontdesk/core/element';
export * from '@frontdesk/cost-estimate';
export * from '@frontdesk/provider-card';
export * from '@frontdesk/slot-picker';
export * from '@frontdesk/survey';
export { ELEMENT_LOADERS } from './elements.js';
