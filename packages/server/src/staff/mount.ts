import type { Context, Hono } from 'hono';
import type { Api } from '../http/api.js';
import { type RateLimit, RateLimiter } from '../http/rate-limit.js';
import { staffRoutes } from './http.js';
import { STAFF_ROUTES } from './routes.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './sessions.js';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './throttle.js';

export interface StaffOptions {
  /** Idle and absolute session timeouts. Default 30 minutes and 12 hours. */
  sessions?: Partial<SessionPolicy> | undefined;
  /** When failed sign-ins are slowed and locked, per account and per client. */
  throttle?: ThrottlePolicy | undefined;
  /** Sign-in attempts per minute and client, before any password is checked. Default 10. */
  signInRateLimit?: RateLimit | undefined;
  /** The console's folder, served at `/staff/`. Default: packages/server/staff-console. */
  consoleDir?: string | undefined;
  /** How often retention runs; 0 never (then run `frontdesk-server retention run` from cron). Default an hour. */
  retentionEveryMs?: number | undefined;
}

export const DEFAULT_SIGN_IN_RATE_LIMIT: RateLimit = { perMinute: 10, burst: 10 };

/** Mounts `/api/staff/*` (before the API's catch-all): the staff operations, behind sign-in or an API token. */
export function mountStaffApi(
  app: { route(path: string, app: Hono): unknown },
  api: Api,
  options: {
    staff?: StaffOptions | undefined;
    trustProxy?: boolean | undefined;
    sameOrigin(c: Context, origin: string): boolean;
  },
): void {
  const staff = options.staff ?? {};
  const routes = staffRoutes(
    {
      db: api.db,
      store: api.store,
      clock: api.clock,
      sessions: { ...DEFAULT_SESSION_POLICY, ...staff.sessions },
      throttle: staff.throttle ?? DEFAULT_THROTTLE,
      signInLimiter: new RateLimiter(staff.signInRateLimit ?? DEFAULT_SIGN_IN_RATE_LIMIT, api.clock),
      secureCookies: (c) => options.trustProxy === true || new URL(c.req.url).protocol === 'https:',
      clientOf: (c) => api.clientOf(c),
      sameOrigin: options.sameOrigin,
      publicUrl: () => api.publicUrl(),
      visits: api.visits,
    },
    STAFF_ROUTES,
  );
  app.route('/api/staff', routes);
}
