import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, formatUtc } from './ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Undo folding (RFC 5545 section 3.1) to read logical lines back. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('ics', () => {
  const event = {
    uid: 'bk-123@frontdesk',
    start: Date.parse('2026-03-09T09:30:00-04:00'),
    end: Date.parse('2026-03-09T10:00:00-04:00'),
    stamp: Date.parse('2026-03-01T12:00:05Z'),
    summary: 'Visit with Dr. Hernández, MD; follow-up',
    location: 'Midtown Clinic, 2100 West End Ave\nSuite 400, Nashville',
    description: 'Arrive 15 minutes early. Bring your insurance card; a photo ID\\passport.',
    url: 'https://clinic.example/manage/bk-123',
  };

  it('writes a VCALENDAR with CRLF line endings and times in UTC', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Frontdesk//Slot picker//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(lines).toContain('UID:bk-123@frontdesk');
    expect(lines).toContain('DTSTAMP:20260301T120005Z');
    expect(lines).toContain('DTSTART:20260309T133000Z');
    expect(lines).toContain('DTEND:20260309T140000Z');
    expect(lines).toContain('SUMMARY:Visit with Dr. Hernández\\, MD\\; follow-up');
    expect(lines).toContain('LOCATION:Midtown Clinic\\, 2100 West End Ave\\nSuite 400\\, Nashville');
    expect(lines).toContain(
      'DESCRIPTION:Arrive 15 minutes early. Bring your insurance card\\; a photo ID\\\\passport.',
    );
    expect(lines).toContain('URL:https://clinic.example/manage/bk-123');
    expect(lines.slice(-4)).toEqual(['STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR', '']);
  });

  it('escapes text so an API string cannot add properties', () => {
    expect(escapeText('a,b;c\\d\r\ne\rf\ng')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    expect(escapeText('x\u0000\u0007y\tz')).toBe('xy\tz');
    const ics = buildIcs({ ...event, summary: 'Hi\r\nATTENDEE:mailto:evil@example.com' });
    expect(unfold(ics).some((line) => line.startsWith('ATTENDEE'))).toBe(false);
  });

  it('folds lines longer than 75 octets without splitting a UTF-8 character', () => {
    const long = `DESCRIPTION:${'ñ'.repeat(100)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of physical.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(physical.join('')).not.toContain('\uFFFD');
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    // Exactly 75 octets stays on one line.
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
    for (const line of buildIcs({ ...event, description: 'word '.repeat(80) }).split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
  });

  it('leaves out empty optional properties and unsafe URLs, and refuses an event that ends before it starts', () => {
    const lines = unfold(buildIcs({ ...event, location: undefined, description: '', url: 'javascript:alert(1)' }));
    expect(lines.some((l) => l.startsWith('LOCATION') || l.startsWith('DESCRIPTION') || l.startsWith('URL'))).toBe(
      false,
    );
    expect(() => buildIcs({ ...event, end: event.start })).toThrow(RangeError);
    expect(formatUtc(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('20260102T030405Z');
  });
});
