/**
 * Development-mode warnings for misuse. Bundlers that define `import.meta.env.DEV` (Vite, the CDN build) drop them
 * from production output; everywhere else they stay on, since a silent misconfiguration costs more than a warning.
 */
const env = (import.meta as ImportMeta & { env?: { DEV?: boolean } }).env;
export const DEV: boolean = env?.DEV ?? true;

export function devWarn(message: string): void {
  if (DEV) console.warn(`[frontdesk] ${message}`);
}

/** The version of this copy of Frontdesk, compared when two copies meet on one page. */
export const VERSION = '0.1.0';
