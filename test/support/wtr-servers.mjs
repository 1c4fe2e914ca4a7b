// Server commands for the browser tests (@web/test-runner plugins run in Node, beside the browser):
// `fhir-server` starts a real FHIR R4 server (test/fhir-server, Medplum with ValueSet/$expand) on 127.0.0.1 with the
// resources given (`fhir-server-requests` lists what it was asked), and `questionnaire-corpus` reads the public Questionnaires of test/fixtures/questionnaires. The
// servers stop with the test run. Called from the browser with `executeServerCommand` (test/support/servers.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CORPUS = resolve(import.meta.dirname, '../fixtures/questionnaires');

export function testServersPlugin() {
  const servers = [];
  return {
    name: 'frontdesk-test-servers',
    async executeCommand({ command, payload }) {
      if (command === 'fhir-server') {
        const { startFhirServer } = await import('../fhir-server/server.mjs');
        const server = await startFhirServer({ seed: payload?.seed ?? [] });
        servers.push(server);
        return { url: server.url };
      }
      if (command === 'fhir-server-requests') {
        const server = servers.find((candidate) => candidate.url === payload?.url);
        return (server?.requests ?? []).map(({ method, path, query }) => ({ method, path, query }));
      }
      if (command === 'questionnaire-corpus') {
        return readdirSync(CORPUS)
          .filter((name) => name.endsWith('.json') && !name.includes('QuestionnaireResponse'))
          .sort()
          .map((file) => ({ file, questionnaire: JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) }));
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all(servers.splice(0).map((server) => server.close()));
    },
  };
}
