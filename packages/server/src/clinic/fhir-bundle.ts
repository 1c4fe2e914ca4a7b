import { FrontdeskError } from '@frontdesk/core';

/** Placeholder until the FHIR Bundle import lands (next step). */
export function clinicFromFhirBundle(_bundle: unknown): unknown {
  throw new FrontdeskError('unsupported', 'FHIR Bundles cannot be imported yet');
}
