import { FrontdeskError } from '../../errors.js';

export interface NdjsonOptions {
  /** Called with each parsed line, numbered from 1. */
  onRecord: (value: unknown, line: number) => void;
  /** Called for a line that is not JSON or is too long; reading goes on. */
  onInvalid?: ((line: number, reason: string) => void) | undefined;
  /** The whole body may not exceed this many bytes. Default 128 MiB. */
  maxBytes?: number | undefined;
  /** A longer line is skipped (and reported): a record is a few hundred bytes. Default 1 MiB. */
  maxLineLength?: number | undefined;
  /** Names the file in error messages. */
  label?: string | undefined;
}

export interface NdjsonStats {
  lines: number;
  bytes: number;
}

export const NDJSON_DEFAULTS = { maxBytes: 128 * 1024 * 1024, maxLineLength: 1024 * 1024 } as const;

/**
 * Read newline-delimited JSON from a byte stream one line at a time: chunks are decoded as they arrive and each line
 * is parsed and handed on, so memory holds one chunk and one partial line, never the whole text. Blank lines and a
 * trailing `\r` are ignored; a line that is not JSON is reported and skipped.
 */
export async function readNdjson(body: ReadableStream<Uint8Array>, options: NdjsonOptions): Promise<NdjsonStats> {
  const maxBytes = options.maxBytes ?? NDJSON_DEFAULTS.maxBytes;
  const maxLine = options.maxLineLength ?? NDJSON_DEFAULTS.maxLineLength;
  const label = options.label ?? 'NDJSON';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let carry = '';
  let bytes = 0;
  let line = 0;
  /** Inside a line that was already too long: drop everything up to its end. */
  let skipping = false;

  const emit = (raw: string) => {
    line++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (text.length > maxLine) {
      options.onInvalid?.(line, `longer than ${maxLine} characters`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      options.onInvalid?.(line, 'not valid JSON');
      return;
    }
    options.onRecord(value, line);
  };

  const take = (text: string) => {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      if (skipping) {
        skipping = false;
        line++;
      } else emit(text.slice(start, newline));
      start = newline + 1;
    }
    if (skipping) return;
    carry = text.slice(start);
    if (carry.length > maxLine) {
      options.onInvalid?.(line + 1, `longer than ${maxLine} characters`);
      carry = '';
      skipping = true;
    }
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        throw new FrontdeskError('invalid-response', `${label}: larger than ${maxBytes} bytes`);
      }
      const text = carry + decoder.decode(value, { stream: true });
      carry = '';
      take(text);
    }
    const rest = carry + decoder.decode();
    carry = '';
    if (!skipping && rest !== '') emit(rest);
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  return { lines: line, bytes };
}
