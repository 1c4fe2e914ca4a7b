export { backoffDelay, sleep } from './backoff.js';
export {
  createHttpClient,
  type ErrorBodyReader,
  type HeaderSource,
  HTTP_DEFAULTS,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequestOptions,
  type HttpSendRequest,
  type HttpSendResult,
  type RetryPolicy,
} from './client.js';
export { NetworkError } from './failures.js';
export { type NetworkFailure, networkFailure } from './network-failure.js';
export { kindForStatus, parseRetryAfter } from './status.js';
export { isLoopbackHost, type QueryParams } from './url.js';
