import { type FrontdeskError, isFrontdeskError } from '@frontdesk/core';

/** The body of every error response: what `@frontdesk/core/http` reads back into a `FrontdeskError`. */
export interface ErrorBody {
  error: { kind: string; message: string; field?: string };
}

/** The HTTP status that makes the REST client rebuild the same error kind (the inverse of `kindForStatus`). */
export function statusForError(error: FrontdeskError): number {
  switch (error.kind) {
    case 'invalid-input':
      return error.status === 422 ? 422 : 400;
    case 'unauthorized':
      return error.status === 403 ? 403 : 401;
    case 'not-found':
      return 404;
    case 'conflict':
      return error.status === 412 ? 412 : 409;
    case 'unsupported':
      return 501;
    case 'timeout':
      return 504;
    case 'network':
    case 'invalid-response':
      // Our backend failed us: a bad gateway from the caller's point of view.
      return 502;
    case 'aborted':
      return 503;
    case 'http': {
      const status = error.status ?? 502;
      return status >= 400 && status <= 599 ? status : 502;
    }
  }
}

/**
 * Status and body for anything thrown while serving a request. FrontdeskError messages are written without patient
 * data and are passed on; any other error may quote anything (a database error quotes the row), so it becomes a bare
 * "internal error".
 */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (!isFrontdeskError(error)) {
    return { status: 500, body: { error: { kind: 'http', message: 'internal error' } } };
  }
  return {
    status: statusForError(error),
    body: {
      error: {
        kind: error.kind,
        message: error.message.slice(0, 300),
        ...(error.field === undefined ? {} : { field: error.field.slice(0, 200) }),
      },
    },
  };
}
