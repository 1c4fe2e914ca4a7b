// What the browser tests ask of Node (test/support/wtr-servers.mjs): a real FHIR server and the Questionnaire corpus.
import { executeServerCommand } from '@web/test-runner-commands';

/** A real FHIR R4 server on 127.0.0.1 holding `seed` (ValueSets for `$expand`, for example); its base URL. */
export async function fhirServer(seed: unknown[]): Promise<string> {
  const { url } = await executeServerCommand<{ url: string }, { seed: unknown[] }>('fhir-server', { seed });
  return url;
}

/** Every request the FHIR server at `url` received: method, path and query. */
export function fhirRequests(url: string): Promise<Array<{ method: string; path: string; query: string }>> {
  return executeServerCommand('fhir-server-requests', { url });
}

/** The public Questionnaires of test/fixtures/questionnaires (see SOURCES.md there), by file name. */
export function questionnaireCorpus(): Promise<Array<{ file: string; questionnaire: Record<string, unknown> }>> {
  return executeServerCommand('questionnaire-corpus');
}
