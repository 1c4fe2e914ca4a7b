import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, formatUtc, googleCalendarUrl, outlookCalendarUrl } from './ics.js';

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
    url: 'https://clinic.example/manage#token=abc',
  };

  it('writes a VCALENDAR with CRLF line endings, times in UTC, its UID and SEQUENCE', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Frontdesk//Visit//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(lines).toContain('UID:bk-123@frontdesk');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('DTSTAMP:20260301T120005Z');
    expect(lines).toContain('DTSTART:20260309T133000Z');
    expect(lines).toContain('DTEND:20260309T140000Z');
    expect(lines).toContain('SUMMARY:Visit with Dr. Hernández\\, MD\\; follow-up');
    expect(lines).toContain('LOCATION:Midtown Clinic\\, 2100 West End Ave\\nSuite 400\\, Nashville');
    expect(lines).toContain(
      'DESCRIPTION:Arrive 15 minutes early. Bring your insurance card\\; a photo ID\\\\passport.',
    );
    expect(lines).toContain('URL:https://clinic.example/manage#token=abc');
    expect(lines.slice(-4)).toEqual(['STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR', '']);
  });

  it('adds a VALARM per reminder, the join link of a video visit, and the organizer', () => {
    const lines = unfold(
      buildIcs({
        ...event,
        sequence: 3,
        alarmMinutesBefore: [2880, 120],
        joinUrl: 'https://video.example/room/7',
        organizer: { name: 'Lakeside "Clinic"', email: 'visits@clinic.example' },
      }),
    );
    expect(lines).toContain('SEQUENCE:3');
    expect(lines.filter((line) => line === 'BEGIN:VALARM')).toHaveLength(2);
    expect(lines).toContain('TRIGGER:-PT2880M');
    expect(lines).toContain('TRIGGER:-PT120M');
    expect(lines).toContain('CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://video.example/room/7');
    expect(lines.find((line) => line.startsWith('DESCRIPTION:'))).toContain('https://video.example/room/7');
    expect(lines).toContain('ORGANIZER;CN="Lakeside Clinic":mailto:visits@clinic.example');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and no alarm', () => {
    const lines = unfold(buildIcs({ ...event, method: 'CANCEL', sequence: 2, alarmMinutesBefore: [60] }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).not.toContain('BEGIN:VALARM');
  });

  it('escapes text so an API string cannot add properties', () => {
    expect(escapeText('a,b;c\\d\r\ne\rf\ng')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    expect(escapeText('x\u0000\u0007y\tz')).toBe('xy\tz');
    const ics = buildIcs({ ...event, summary: 'Hi\r\nATTENDEE:mailto:evil@example.com' });
    expect(unfold(ics).some((line) => line.startsWith('ATTENDEE'))).toBe(false);
    const organizer = buildIcs({ ...event, organizer: { email: 'a@b.example\r\nATTENDEE:x' } });
    expect(unfold(organizer).some((line) => line.startsWith('ORGANIZER') || line.startsWith('ATTENDEE'))).toBe(false);
  });

  it('folds lines longer than 75 octets without splitting a UTF-8 character', () => {
    const long = `DESCRIPTION:${'ñ'.repeat(100)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of physical.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
  });

  it('leaves out empty optional properties and unsafe URLs, and refuses an event that ends before it starts', () => {
    const lines = unfold(
      buildIcs({ ...event, location: undefined, description: '', url: 'javascript:alert(1)', joinUrl: 'data:x' }),
    );
    expect(lines.some((l) => /^(LOCATION|DESCRIPTION|URL|CONFERENCE)/.test(l))).toBe(false);
    expect(() => buildIcs({ ...event, end: event.start })).toThrow(RangeError);
    expect(formatUtc(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('20260102T030405Z');
  });
});

describe('add to calendar links', () => {
  const visit = {
    start: Date.parse('2026-03-09T13:30:00Z'),
    end: Date.parse('2026-03-09T14:00:00Z'),
    title: 'Visit with Dr. Rosa Delgado',
    location: 'Midtown Clinic, 2100 West End Ave, Nashville',
  };

  it('fill in Google Calendar with the title, times and place', () => {
    const url = new URL(googleCalendarUrl(visit));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: visit.title,
      dates: '20260309T133000Z/20260309T140000Z',
      location: visit.location,
    });
  });

  it('fill in Outlook with the title, times and place', () => {
    const url = new URL(outlookCalendarUrl(visit));
    expect(url.origin).toBe('https://outlook.live.com');
    expect(url.searchParams.get('subject')).toBe(visit.title);
    expect(url.searchParams.get('startdt')).toBe('2026-03-09T13:30:00.000Z');
    expect(url.searchParams.get('enddt')).toBe('2026-03-09T14:00:00.000Z');
    expect(url.searchParams.get('location')).toBe(visit.location);
  });
});
