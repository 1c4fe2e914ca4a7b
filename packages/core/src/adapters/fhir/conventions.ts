/**
 * The FHIR extensions, code systems and naming systems the `fhir` adapter reads and writes. Published profiles come
 * first (FHIR core, Da Vinci Plan-Net); Frontdesk defines its own only for facts no published profile carries
 * (a visit's length, whether it is for new or existing patients, a provider's biography, a survey's layout).
 */

/** Base of Frontdesk's own FHIR definitions. */
export const FRONTDESK_FHIR = 'https://frontdesk.example/fhir';

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';

export const FHIR_EXTENSIONS = {
  /** IANA time zone of a Location (FHIR extensions pack), `valueCode`. */
  timeZone: 'http://hl7.org/fhir/StructureDefinition/timezone',
  /** The older R4 core spelling, `valueCode`. */
  tzCode: 'http://hl7.org/fhir/StructureDefinition/tz-code',
  /** Plan-Net: whether a PractitionerRole, HealthcareService or Location accepts new patients. */
  newPatients: `${PLAN_NET}/StructureDefinition/newpatients`,
  /** Plan-Net: a HealthcareService delivered `virtual` or `physical`. */
  deliveryMethod: `${PLAN_NET}/StructureDefinition/delivery-method`,
  /** Plan-Net: accessibility of a Location or HealthcareService, `valueCodeableConcept`. */
  accessibility: `${PLAN_NET}/StructureDefinition/accessibility`,
  /** Frontdesk: length of a visit of this HealthcareService, `valueDuration` (or `valueInteger` minutes). */
  visitDuration: `${FRONTDESK_FHIR}/StructureDefinition/visit-duration`,
  /** Frontdesk: a Practitioner's biography for patients, `valueMarkdown` or `valueString`. */
  biography: `${FRONTDESK_FHIR}/StructureDefinition/practitioner-biography`,
  /** Frontdesk: how a Questionnaire is laid out (`nps`, `csat`, `likert`, `form`), `valueCode`. */
  surveyKind: `${FRONTDESK_FHIR}/StructureDefinition/survey-kind`,
  /** SMART Scheduling Links: capacity of an aggregated Slot, `valueInteger`. */
  slotCapacity: 'http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity',
} as const;

export const FHIR_SYSTEMS = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  bcp47: 'urn:ietf:bcp:47',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  degree: 'http://terminology.hl7.org/CodeSystem/v2-0360',
  acceptingPatients: `${PLAN_NET}/CodeSystem/AcceptingPatientsCS`,
  deliveryMethod: `${PLAN_NET}/CodeSystem/DeliveryMethodCS`,
  /** Frontdesk: visit types, for `Slot.serviceType` and `HealthcareService.type`. */
  visitType: `${FRONTDESK_FHIR}/CodeSystem/visit-type`,
  /** Frontdesk: `new` or `existing`, in `HealthcareService.characteristic`. */
  patientType: `${FRONTDESK_FHIR}/CodeSystem/patient-type`,
  /** Frontdesk: the idempotency key of a booking or survey submission, as an `identifier`. */
  idempotencyKey: `${FRONTDESK_FHIR}/NamingSystem/idempotency-key`,
} as const;

/** Code systems whose codes are billable service codes (CPT, HCPCS), by URL and by OID. */
export const SERVICE_CODE_SYSTEMS: ReadonlySet<string> = new Set([
  FHIR_SYSTEMS.cpt,
  FHIR_SYSTEMS.hcpcs,
  'urn:oid:2.16.840.1.113883.6.12',
  'urn:oid:2.16.840.1.113883.6.285',
]);
