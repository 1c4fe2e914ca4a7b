/**
 * `@frontdesk/server`: Frontdesk's REST contract (docs/openapi.yaml) served from PostgreSQL, or from PGlite (the same
 * PostgreSQL, embedded) in a data folder. Run it with the `frontdesk-server` command, or embed it with `startServer`.
 */
export { demoClinic } from './clinic/demo.js';
export { type ClinicFile, parseClinicFile } from './clinic/file.js';
export { type ImportSummary, importClinic } from './clinic/import.js';
export { parseClinicText, readClinicFile } from './clinic/read-file.js';
export { ClinicStore } from './clinic/store.js';
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock.js';
export { type Database, type DatabaseOptions, openDatabase, type Queryable } from './db/database.js';
export { migrate, readMigrations } from './db/migrate.js';
export { API_ROUTES, type ApiRoute, MAX_SLOT_WINDOW_DAYS } from './http/api.js';
export { type AppOptions, createApp, DEFAULT_RATE_LIMITS, requestListener } from './http/app.js';
export { type ErrorBody, errorResponse, statusForError } from './http/errors.js';
export { jsonLogger, type Logger, type LogLine, silentLogger } from './http/log.js';
export type { RateLimit } from './http/rate-limit.js';
export { PAGE_POLICY, type SiteOptions, siteRoutes } from './http/site.js';
export { type RunningServer, type ServerOptions, seedDemo, startServer } from './server.js';
export type { FeedbackGroup, FeedbackSummary, NpsCounts } from './staff/feedback.js';
