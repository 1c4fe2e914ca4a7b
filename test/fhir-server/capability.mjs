// What the test server supports, said the standard way. It describes Medplum's in-memory router (4.5) as measured:
// reads, versioned updates with If-Match, conditional create with If-None-Exist, searches with _count paging, and no
// _include, _revinclude or chained parameters (Medplum ignores those rather than refusing them); and ValueSet/$expand,
// added in terminology.mjs.
const TYPES = [
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
  'HealthcareService',
  'Schedule',
  'Slot',
  'Appointment',
  'Patient',
  'Questionnaire',
  'QuestionnaireResponse',
  'ValueSet',
];

export function capabilityStatement(baseUrl) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2025-01-01',
    kind: 'instance',
    software: { name: 'Frontdesk test server on @medplum/fhir-router (MemoryRepository)', version: '4.5.2' },
    implementation: { description: 'In-memory FHIR R4 server for Frontdesk tests and demo', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        resource: TYPES.map((type) => ({
          type,
          interaction: ['read', 'vread', 'update', 'create', 'delete', 'search-type', 'history-instance'].map(
            (code) => ({ code }),
          ),
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalCreate: true,
          conditionalUpdate: true,
          searchInclude: [],
          searchRevInclude: [],
          ...(type === 'ValueSet'
            ? { operation: [{ name: 'expand', definition: 'http://hl7.org/fhir/OperationDefinition/ValueSet-expand' }] }
            : {}),
        })),
      },
    ],
  };
}
