/**
 * An appointment as an iCalendar file (RFC 5545) and as "add to calendar" links, shared by the server's messages and
 * the widgets' download. Everything is written in UTC; a change keeps the UID and raises SEQUENCE, a cancellation is
 * `METHOD:CANCEL` with `STATUS:CANCELLED`, so calendars update or remove the one entry they hold.
 */
export interface CalendarEvent {
  /** Globally unique and stable for the booking (its id), so a change updates one calendar entry. */
  uid: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** When the file was made (DTSTAMP). */
  stamp: number;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  /** A page about the visit (its manage page). */
  url?: string | undefined;
  /** Where a video visit is joined: the CONFERENCE property (RFC 7986), and in the description. */
  joinUrl?: string | undefined;
  /** Raised by each change of the booking. Default 0. */
  sequence?: number | undefined;
  /** `PUBLISH` (the default) for a new or changed visit, `CANCEL` for a cancelled one. */
  method?: 'PUBLISH' | 'CANCEL' | undefined;
  /** A reminder in the patient's calendar this many minutes before the start, one VALARM each. */
  alarmMinutesBefore?: readonly number[] | undefined;
  /** The clinic, as the organizer a cancellation comes from (iTIP wants one). */
  organizer?: { name?: string | undefined; email: string } | undefined;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

const pad = (n: number) => String(n).padStart(2, '0');

/** `20260309T143000Z`: the UTC form of DATE-TIME (RFC 5545 section 3.3.5, form 2). */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new RangeError('not a valid instant');
  return (
    `${String(d.getUTCFullYear()).padStart(4, '0')}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/**
 * A TEXT value (section 3.3.11): backslash, semicolon and comma escaped, any line break as `\n`, and other control
 * characters (which the grammar forbids) dropped, so an API string can never start a property of its own.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?|\n/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,\n]/g, (ch) => (ch === '\n' ? '\\n' : `\\${ch}`))
  );
}

/**
 * Fold a content line to at most 75 octets per line (section 3.1): CRLF plus one space before each continuation,
 * never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Continuation lines start with a space, which counts toward their 75.
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A URI value is not escaped: anything but printable ASCII without spaces is left out. */
const isPlainUri = (value: string | undefined): value is string =>
  value !== undefined && /^https?:\/\/[\x21-\x7e]+$/.test(value);
/** A mailto address that cannot break out of its property. */
const isPlainAddress = (value: string) => /^[^\s@<>"\\;:,]+@[^\s@<>"\\;:,]+$/.test(value);

/** A complete VCALENDAR with one VEVENT, CRLF line endings, ready to offer as `text/calendar`. */
export function buildIcs(event: CalendarEvent): string {
  if (!(event.end > event.start)) throw new RangeError('the event must end after it starts');
  const method = event.method ?? 'PUBLISH';
  const cancelled = method === 'CANCEL';
  const sequence = Math.max(0, Math.trunc(event.sequence ?? 0));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Frontdesk//Visit//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  const join = isPlainUri(event.joinUrl) ? event.joinUrl : undefined;
  const description = [event.description, join].filter(Boolean).join('\n\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (isPlainUri(event.url)) lines.push(`URL:${event.url}`);
  if (join) lines.push(`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${join}`);
  if (event.organizer && isPlainAddress(event.organizer.email)) {
    // A quoted parameter value may hold neither a quote nor a control character (section 3.1).
    const name = event.organizer.name ? `;CN="${escapeText(event.organizer.name).replace(/["\\]/g, '')}"` : '';
    lines.push(`ORGANIZER${name}:mailto:${event.organizer.email}`);
  }
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  if (!cancelled) {
    for (const minutes of event.alarmMinutesBefore ?? []) {
      if (!Number.isInteger(minutes) || minutes < 0) continue;
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeText(event.summary)}`,
        `TRIGGER:-PT${minutes}M`,
        'END:VALARM',
      );
    }
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** What an "add to calendar" link carries: the title and the place, nothing else (never the reason for the visit). */
export interface CalendarLinkEvent {
  start: number;
  end: number;
  title: string;
  location?: string | undefined;
}

/** Google Calendar's "create event" page with the title, times and place filled in. */
export function googleCalendarUrl(event: CalendarLinkEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', event.title);
  url.searchParams.set('dates', `${formatUtc(event.start)}/${formatUtc(event.end)}`);
  if (event.location) url.searchParams.set('location', event.location);
  return url.href;
}

/** Outlook on the web's "new event" page with the title, times and place filled in. */
export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', event.title);
  url.searchParams.set('startdt', new Date(event.start).toISOString());
  url.searchParams.set('enddt', new Date(event.end).toISOString());
  if (event.location) url.searchParams.set('location', event.location);
  return url.href;
}
