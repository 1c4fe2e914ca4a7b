/** What went wrong, in terms a widget can act on (docs/design.md section 4). */
export type FrontdeskErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unauthorized'
  | 'unsupported'
  | 'aborted';

export interface FrontdeskErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number | undefined;
  /** Dotted path of the offending field, for `invalid-response` and `invalid-input`. */
  field?: string | undefined;
  cause?: unknown;
}

/**
 * The one error type adapters throw. Messages are written for developers and never contain patient data;
 * widgets show their own localized text chosen by `kind`.
 */
export class FrontdeskError extends Error {
  override readonly name = 'FrontdeskError';
  readonly kind: FrontdeskErrorKind;
  readonly status: number | undefined;
  readonly field: string | undefined;

  constructor(kind: FrontdeskErrorKind, message: string, options: FrontdeskErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.field = options.field;
  }

  /** Worth trying again as it is: the network or the server may recover. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }

  toJSON(): { kind: FrontdeskErrorKind; message: string; status?: number; field?: string } {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.field === undefined ? {} : { field: this.field }),
    };
  }
}

export function isFrontdeskError(value: unknown): value is FrontdeskError {
  return (
    value instanceof FrontdeskError || (value instanceof Error && value.name === 'FrontdeskError' && 'kind' in value)
  );
}

/** Any thrown value as a FrontdeskError, so callers handle one shape. */
export function toFrontdeskError(value: unknown): FrontdeskError {
  if (isFrontdeskError(value)) return value;
  if (value instanceof DOMException && value.name === 'AbortError') return new FrontdeskError('aborted', 'aborted');
  const message = value instanceof Error ? value.message : String(value);
  return new FrontdeskError('network', message.slice(0, 300), { cause: value });
}
