/**
 * `@frontdesk/core/memory`: a deterministic demo clinic held in memory, for Storybook, tests, the demo site and CMS
 * previews. It behaves like a real server (validation, conflicts, idempotent retries, latency, failures) and makes no
 * network requests.
 */
export { createMemoryAdapter, type MemoryAdapter } from './memory-adapter.js';
export type { FailMode, MemoryAdapterOptions } from './options.js';
export { CSAT, PHQ_9, POST_VISIT_NPS } from './surveys.js';
