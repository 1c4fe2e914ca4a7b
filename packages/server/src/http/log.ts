/**
 * Structured logs: one JSON object per line on stdout. Callers pass only what is safe to keep: ids, methods, route
 * patterns, statuses, durations, error classes. Never a body, a query string, a raw path or anything a patient sent.
 */
export type LogLine = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, string | number | boolean>;

export type Logger = (line: LogLine) => void;

export function jsonLogger(write: (text: string) => void = (text) => process.stdout.write(text)): Logger {
  return (line) => write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
}

export const silentLogger: Logger = () => {};
