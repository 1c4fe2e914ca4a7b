import { createHttpClient, type HeaderSource, type HttpClient } from '../../http/index.js';
import { operationOutcomeTextOf } from './outcome.js';

export const FHIR_JSON = 'application/fhir+json';

/** The transport settings both FHIR-speaking adapters share; see `HttpClientOptions` for each. */
export interface ExchangeSettings {
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  maxResponseBytes?: number | undefined;
  getHeaders?: HeaderSource | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  maxRetryAfterMs?: number | undefined;
}

/**
 * The one HTTP client of a FHIR-speaking adapter: the core client (timeouts, retries of reads, abort, the https
 * rule, bounded bodies, no redirects across origins or for writes), reading an OperationOutcome's text into error
 * messages. FHIR servers get no `Idempotency-Key` (they do not know it, and its CORS preflight fails on most of them):
 * conditional creates (`If-None-Exist`) deduplicate instead.
 */
export function fhirHttpClient(settings: ExchangeSettings, baseUrl: string): HttpClient {
  return createHttpClient({
    ...settings,
    baseUrl,
    errorBody: (text) => ({ message: operationOutcomeTextOf(text) }),
  });
}
