import type { StaffSession } from './types.js';

/** A refusal or failure of the staff API, with what the console needs to say it (never the body's patient data). */
export class StaffApiError extends Error {
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  constructor(status: number, message: string, retryAfterSeconds?: number) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type Query = Record<string, string | undefined>;

/**
 * The console's way to the staff API: same-origin requests with the session cookie, and the session's CSRF token on
 * every change (the API refuses a change without it). Patient data only ever travels in bodies, never in the URL.
 */
export class StaffClient {
  readonly base: string;
  private csrfToken: string | undefined;

  constructor(base = '/api') {
    this.base = base;
  }

  private async send<T>(
    method: string,
    path: string,
    query: Query = {},
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, value);
    const url = `${this.base}${path}${params.size > 0 ? `?${params}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      // A request the console called off is not a network failure: the caller drops it.
      if (signal?.aborted) throw error;
      throw new StaffApiError(0, 'network');
    }
    if (response.status === 204) return undefined as T;
    const json = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    if (!response.ok) {
      const retry = Number(response.headers.get('Retry-After') ?? Number.NaN);
      throw new StaffApiError(
        response.status,
        json?.error?.message ?? response.statusText,
        Number.isFinite(retry) ? retry : undefined,
      );
    }
    return json as T;
  }

  /** `signal` calls the request off (a newer one took its place). */
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.send<T>('GET', path, query, undefined, signal);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.send<T>('POST', path, {}, body);
  }

  /** Who is signed in (and the CSRF token again), or undefined. */
  async session(): Promise<StaffSession | undefined> {
    try {
      const session = await this.get<StaffSession & { kind: string }>('/staff/session');
      if (session.kind !== 'staff') return undefined;
      this.csrfToken = session.csrfToken;
      return session;
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  async signIn(email: string, password: string): Promise<StaffSession> {
    const session = await this.send<StaffSession>('POST', '/staff/session', {}, { email, password });
    this.csrfToken = session.csrfToken;
    return session;
  }

  async signOut(): Promise<void> {
    await this.send('DELETE', '/staff/session');
    this.csrfToken = undefined;
  }
}
