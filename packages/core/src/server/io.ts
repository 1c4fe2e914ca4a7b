import type { IncomingMessage, ServerResponse } from 'node:http';
import { FrontdeskError } from '../errors.js';

export const DEFAULT_MAX_BODY_BYTES = 100 * 1024;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function tooLarge(limit: number): FrontdeskError {
  return new FrontdeskError('http', `the request body is larger than ${limit} bytes`, { status: 413 });
}

/**
 * Read a JSON request body of at most `limit` bytes. A declared oversize body is refused before reading; an
 * undeclared one is cut off as soon as it passes the limit.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new FrontdeskError('http', 'the request body must be application/json', { status: 415, field: 'Content-Type' }),
    );
  }
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        cleanup();
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new FrontdeskError('invalid-input', 'the request body is not valid JSON'));
      }
    };
    const onError = () => {
      cleanup();
      reject(new FrontdeskError('aborted', 'the request body was not received'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  // Node leaves the body out by itself for HEAD requests.
  res.end(payload);
}
