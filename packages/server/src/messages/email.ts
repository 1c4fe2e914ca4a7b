import nodemailer from 'nodemailer';
import type { ComposedMessage } from './compose.js';

export interface EmailSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://...:465`. */
  smtpUrl: string;
  /** `Lakeside Clinic <visits@lakeside.example>`. */
  from: string;
}

export interface Mailer {
  send(to: string, message: ComposedMessage): Promise<void>;
  close(): void;
}

/** The address part of `Name <address>` (or the address itself). */
export function addressOf(from: string): string {
  return /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * E-mail through the clinic's SMTP server (nodemailer): a text and an HTML part, and the `.ics` attached when the
 * visit is made, moved or cancelled (`method=CANCEL` in its content type for a cancellation). A refusal or a
 * timeout throws, and the job is tried again later.
 */
export function createMailer(settings: EmailSettings): Mailer {
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(to, message) {
      await transport.sendMail({
        from: settings.from,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'Auto-Submitted': 'auto-generated' },
        attachments: message.ics
          ? [
              {
                filename: message.ics.method === 'CANCEL' ? 'cancelled-visit.ics' : 'visit.ics',
                content: message.ics.content,
                contentType: `text/calendar; charset=utf-8; method=${message.ics.method}`,
              },
            ]
          : [],
      });
    },
    close: () => transport.close(),
  };
}
