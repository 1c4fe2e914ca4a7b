import { buildIcs, googleCalendarUrl, outlookCalendarUrl } from '@frontdesk/core';
import { html } from 'hono/html';
import { type Language, type Strings, stringsFor, type VisitFacts } from './strings.js';

/** The messages a patient can get. */
export type MessageKind = 'confirmation' | 'changed' | 'cancelled' | 'reminder' | 'survey' | 'offer';

export interface MessageInput {
  kind: MessageKind;
  language: Language;
  facts: VisitFacts;
  /** The visit's time, for the calendar. */
  startMs: number;
  endMs: number;
  /** The calendar entry's UID (the booking id) and SEQUENCE (its changes). */
  uid: string;
  sequence: number;
  nowMs: number;
  /** Who cancelled: the patient hears "as you asked", otherwise an apology. */
  cancelledByPatient?: boolean | undefined;
  instructions?: string | undefined;
  joinUrl?: string | undefined;
  manageUrl?: string | undefined;
  forms?: readonly { title: string; url: string }[] | undefined;
  surveyUrl?: string | undefined;
  offerUrl?: string | undefined;
  /** When a waitlist offer runs out, formatted. */
  offerExpires?: string | undefined;
  /** The calendar entry's reminders, in minutes before the visit. */
  alarmMinutesBefore: readonly number[];
  /** The clinic's sending address, the organizer of the calendar entry. */
  organizer?: { name: string; email: string } | undefined;
}

export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
  /** The `.ics` of a confirmation, change or cancellation. */
  ics?: { content: string; method: 'PUBLISH' | 'CANCEL' } | undefined;
}

/** `Tuesday, March 3, 2026 at 9:00 AM CST`, in the visit's zone and the patient's language. */
export function formatWhen(ms: number, zone: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(ms);
}

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'rows'; rows: [string, string][] }
  | { kind: 'link'; label: string; url: string; before?: string | undefined };

function lead(input: MessageInput, t: Strings): string {
  switch (input.kind) {
    case 'cancelled':
      return input.cancelledByPatient ? t.lead.cancelledByPatient : t.lead.cancelledByClinic;
    case 'survey':
      return t.lead.survey(input.facts.clinic);
    case 'offer':
      return t.lead.offer(input.offerExpires ?? '');
    default:
      return t.lead[input.kind];
  }
}

/** The message as blocks, once for both the text and the HTML part. */
function blocks(input: MessageInput, t: Strings): Block[] {
  const { facts, kind } = input;
  const out: Block[] = [
    { kind: 'p', text: t.hello(facts.name) },
    { kind: 'p', text: lead(input, t) },
  ];
  out.push({
    kind: 'rows',
    rows: [
      [t.when, facts.when],
      [t.with, facts.provider],
      [t.visit, facts.visitType],
      [t.where, facts.where ?? t.video],
    ],
  });
  const ahead = kind === 'confirmation' || kind === 'changed' || kind === 'reminder';
  if (kind === 'offer' && input.offerUrl) out.push({ kind: 'link', label: t.claim, url: input.offerUrl });
  if (kind === 'survey' && input.surveyUrl) out.push({ kind: 'link', label: t.survey, url: input.surveyUrl });
  if (ahead && input.joinUrl) out.push({ kind: 'link', label: t.join, url: input.joinUrl });
  if (ahead && input.instructions) out.push({ kind: 'p', text: input.instructions });
  if (ahead) {
    for (const form of input.forms ?? []) out.push({ kind: 'link', label: t.form(form.title), url: form.url });
  }
  if (kind === 'cancelled') out.push({ kind: 'p', text: t.bookAgain });
  if (input.manageUrl) out.push({ kind: 'link', label: t.manage, url: input.manageUrl });
  else if (kind !== 'cancelled' && kind !== 'offer') out.push({ kind: 'p', text: t.manageMissing });
  if (kind === 'confirmation' || kind === 'changed') {
    const event = {
      start: input.startMs,
      end: input.endMs,
      title: calendarTitle(input),
      location: facts.where ?? t.video,
    };
    out.push({ kind: 'p', text: `${t.calendar}: ${t.google}, ${t.outlook}, ${t.attached}` });
    out.push({ kind: 'link', label: t.google, url: googleCalendarUrl(event) });
    out.push({ kind: 'link', label: t.outlook, url: outlookCalendarUrl(event) });
  }
  if (facts.phone) out.push({ kind: 'p', text: t.call(facts.phone) });
  return out;
}

/** The calendar entry's title: the clinic and the provider, never the reason for the visit. */
function calendarTitle(input: MessageInput): string {
  return `${input.facts.clinic}: ${input.facts.visitType}, ${input.facts.provider}`;
}

function toText(parts: readonly Block[]): string {
  return `${parts
    .map((block) => {
      if (block.kind === 'p') return block.text;
      if (block.kind === 'rows') return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
      return `${block.label}:\n${block.url}`;
    })
    .join('\n\n')}\n`;
}

/** HTML from escaped strings only (hono's `html` escapes every value): nothing a record holds becomes markup. */
function toHtml(subject: string, language: Language, parts: readonly Block[]): string {
  const body = parts.map((block) => {
    if (block.kind === 'p') return html`<p>${block.text}</p>`;
    if (block.kind === 'rows') {
      return html`<table role="presentation" style="border-collapse:collapse">${block.rows.map(
        ([label, value]) =>
          html`<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0">${label}</th><td style="padding:4px 0">${value}</td></tr>`,
      )}</table>`;
    }
    return html`<p><a href="${block.url}" style="color:#0b57d0">${block.label}</a></p>`;
  });
  return html`<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${subject}</title></head><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1f1f1f">${body}</body></html>`.toString();
}

function sms(input: MessageInput, t: Strings): string {
  const { facts } = input;
  const lines: string[] = [];
  switch (input.kind) {
    case 'offer':
      lines.push(t.sms.offer(facts, input.offerExpires ?? ''), input.offerUrl ?? '');
      break;
    case 'survey':
      lines.push(t.sms.survey(facts), input.surveyUrl ?? '');
      break;
    default:
      lines.push(t.sms[input.kind](facts));
  }
  const ahead = input.kind === 'confirmation' || input.kind === 'changed' || input.kind === 'reminder';
  if (ahead && input.joinUrl) lines.push(`${t.sms.join} ${input.joinUrl}`);
  if (ahead && input.forms?.[0]) lines.push(`${t.sms.form} ${input.forms[0].url}`);
  if (input.manageUrl) lines.push(`${t.sms.manage} ${input.manageUrl}`);
  return lines.filter(Boolean).join('\n');
}

/** One message about a visit: subject, text and HTML parts, the text message, and the calendar file when it changes. */
export function composeMessage(input: MessageInput): ComposedMessage {
  const t = stringsFor(input.language);
  const subject = t.subject[input.kind](input.facts);
  const parts = blocks(input, t);
  const calendar = input.kind === 'confirmation' || input.kind === 'changed' || input.kind === 'cancelled';
  const method = input.kind === 'cancelled' ? 'CANCEL' : 'PUBLISH';
  return {
    subject,
    text: toText(parts),
    html: toHtml(subject, input.language, parts),
    sms: sms(input, t),
    ...(calendar
      ? {
          ics: {
            method,
            content: buildIcs({
              uid: input.uid,
              start: input.startMs,
              end: input.endMs,
              stamp: input.nowMs,
              summary: calendarTitle(input),
              location: input.facts.where ?? t.video,
              joinUrl: input.joinUrl,
              sequence: input.sequence,
              method,
              alarmMinutesBefore: input.alarmMinutesBefore,
              organizer: input.organizer,
            }),
          },
        }
      : {}),
  };
}
