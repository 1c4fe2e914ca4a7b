export {
  createHttpClient,
  type HeaderSource,
  HTTP_DEFAULTS,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequestOptions,
} from './client.js';
export { kindForStatus, parseRetryAfter } from './status.js';
export { isLoopbackHost, type QueryParams } from './url.js';
