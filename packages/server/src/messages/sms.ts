import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.js';

export interface SmsSettings {
  /** The clinic's endpoint that hands text messages to its SMS provider. */
  webhookUrl: string;
  /** Shared with that endpoint: it checks each request's signature with it. */
  secret: string;
}

/** What the webhook receives (JSON). */
export interface SmsPayload {
  /** E.164: `+16155550199`. */
  to: string;
  text: string;
  language: string;
  /** `confirmation`, `reminder`, ...: for the clinic's own logs. */
  kind: string;
  /** The same for every retry of one message: the receiver can drop repeats by it. */
  reference: string;
}

/** The header a request is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'Frontdesk-Signature';

export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface SmsSender {
  send(payload: SmsPayload): Promise<void>;
}

/**
 * Text messages through an outbound webhook the clinic points at its SMS provider: a JSON body, signed with
 * HMAC-SHA256 over the timestamp and the body, so the receiver can tell it came from this server and is fresh. An
 * answer other than 2xx (or none within 10 s) throws, and the job is tried again later.
 */
export function createSmsSender(settings: SmsSettings, clock: Clock): SmsSender {
  return {
    async send(payload) {
      const body = JSON.stringify(payload);
      const timestamp = Math.floor(clock.now() / 1000);
      const answer = await fetch(settings.webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: `t=${timestamp},v1=${signature(settings.secret, timestamp, body)}`,
          'Idempotency-Key': payload.reference,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      await answer.body?.cancel();
      if (!answer.ok) throw Object.assign(new Error('the SMS webhook refused the message'), { status: answer.status });
    },
  };
}
