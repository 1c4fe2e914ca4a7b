/**
 * `@frontdesk/core/fhir`: any FHIR R4 server as the clinic's backend. Providers come from Practitioner and
 * PractitionerRole, locations from Location, visit types from HealthcareService, slots from Schedule and Slot;
 * booking creates an Appointment, surveys are Questionnaires.
 */
export { createFhirAdapter } from './adapter.js';
export { FHIR_EXTENSIONS, FHIR_SYSTEMS, FRONTDESK_FHIR } from './conventions.js';
// The same element readers and FHIR-to-Frontdesk mapping for a server that imports a clinic from a FHIR Bundle
// (@frontdesk/server).
export { extensionOf, isObject, type Json, objects, referencesTo, referenceTo } from './elements.js';
export {
  isActive,
  locationFromFhir,
  locationTimeZone,
  organizationFromFhir,
  providerFromFhir,
  providersByService,
  visitTypeFromFhir,
} from './map-clinic.js';
export { slotsFromBundle } from './map-slot.js';
export type { FhirAdapterOptions } from './options.js';
export { operationOutcomeText } from './outcome.js';
