export { type ErrorBody, errorResponse, statusForError } from './errors.js';
export { createRestHandler, createRestServer, type RestServerOptions } from './rest-server.js';
export { MAX_SLOT_WINDOW_DAYS } from './routes.js';
