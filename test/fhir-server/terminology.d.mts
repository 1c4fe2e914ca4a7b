import type { FhirRepository, FhirRequest, FhirResponse } from '@medplum/fhir-router';

export function expandValueSet(req: FhirRequest, repo: FhirRepository): Promise<FhirResponse>;

export function enumeratedValueSet(
  url: string,
  system: string,
  concepts: ReadonlyArray<readonly [code: string, display: string]>,
  extra?: Record<string, unknown>,
): Record<string, unknown> & { resourceType: 'ValueSet' };
