/** One appointment as an iCalendar event. Instants are epoch milliseconds; everything is written in UTC. */
export interface CalendarEvent {
  /** Globally unique and stable, so adding the same booking twice updates one calendar entry. */
  uid: string;
  start: number;
  end: number;
  /** When the file was made (DTSTAMP). */
  stamp: number;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
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

/** A complete VCALENDAR with one VEVENT, CRLF line endings, ready to offer as `text/calendar`. */
export function buildIcs(event: CalendarEvent): string {
  if (!(event.end > event.start)) throw new RangeError('the event must end after it starts');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Frontdesk//Slot picker//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  // URL is a URI value, not TEXT: it is not escaped, so anything but printable ASCII without spaces is left out.
  if (event.url && /^https?:\/\/[\x21-\x7e]+$/.test(event.url)) lines.push(`URL:${event.url}`);
  lines.push('STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
