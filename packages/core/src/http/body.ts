import { FrontdeskError } from '../errors.js';

function tooLarge(label: string, limit: number): FrontdeskError {
  return new FrontdeskError('invalid-response', `${label}: response larger than ${limit} bytes`);
}

/**
 * Read a response body as text, stopping as soon as it passes `limit` bytes: a hostile or broken server must not be
 * able to fill the patient's phone memory.
 */
export async function readBoundedText(response: Response, limit: number, label: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(label, limit);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(label, limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FrontdeskError('invalid-response', `${label}: the response is not valid JSON`);
  }
}
