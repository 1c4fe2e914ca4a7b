/**
 * Development-mode warnings for misuse. Bundlers that define `import.meta.env.DEV` (Vite, the CDN build) drop them
 * from production output; everywhere else they stay on, since a silent misconfiguration costs more than a warning.
 */
type WithEnv = ImportMeta & { env?: { DEV?: boolean } };
// Read as `import.meta.env.DEV` in one expression, so a bundler that defines it folds DEV to a constant and drops every
// warning, message and all; `typeof` keeps it safe where `import.meta.env` does not exist (Node, unbundled ESM).
export const DEV: boolean =
  typeof (import.meta as WithEnv).env === 'undefined' || (import.meta as WithEnv).env?.DEV !== false;

export function devWarn(message: string): void {
  if (DEV) console.warn(`[frontdesk] ${message}`);
}

/** The version of this copy of Frontdesk, compared when two copies meet on one page. */
export const VERSION = '0.1.0';
