/**
 * `value` when it is an absolute http(s) URL, else undefined: a `javascript:` or `data:` URL (or anything else) from
 * an API never reaches an `href` or a `src`.
 */
export function safeWebUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
