import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CALL_MINUTES, fold, renderIcs, type CalendarEvent } from '../../src/render/ics.js';
import { slugify } from '../../src/text/slug.js';

// 22 November 2026, 12:37:15 on the user's wall clock, in whatever zone the test runs: the file is
// named after the user's day. (Built from UTC fields, it was the 23rd in Pacific/Kiritimati, UTC+14,
// and the test failed there while the code was right.)
const now = new Date(2026, 10, 22, 12, 37, 15);

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: '2026-11-22-dupont-fils-af45@calmclient',
    start: { year: 2026, month: 11, day: 26, hour: 10, minute: 0 },
    summary: 'Call Dupont & Fils back',
    description: 'Promised: fix the payment module\nAfter the call: calmclient followup 2026-11-22-dupont-fils-af45',
    client: 'Dupont & Fils',
    now,
    ...overrides,
  };
}

/** Parses with ical.js, a real iCalendar parser, and returns the one event. */
function parse(contents: string): ICAL.Event {
  const calendar = new ICAL.Component(ICAL.parse(contents));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
}

describe('renderIcs', () => {
  it('writes a timed call as a floating local time that a parser reads back', () => {
    const file = renderIcs(event());
    const parsed = parse(file.contents);
    expect(file.path).toBe(`2026-11-22-${slugify('Dupont & Fils')}-next-contact.ics`);
    expect(parsed.uid).toBe('2026-11-22-dupont-fils-af45@calmclient');
    expect(parsed.summary).toBe('Call Dupont & Fils back');
    expect(parsed.description).toBe('Promised: fix the payment module\nAfter the call: calmclient followup 2026-11-22-dupont-fils-af45');
    expect(parsed.startDate.isDate).toBe(false);
    expect(parsed.startDate.zone?.tzid).toBe('floating');
    expect([parsed.startDate.year, parsed.startDate.month, parsed.startDate.day, parsed.startDate.hour, parsed.startDate.minute]).toEqual([
      2026, 11, 26, 10, 0,
    ]);
    expect(parsed.duration.toSeconds()).toBe(CALL_MINUTES * 60);
    // DTSTAMP is the instant in UTC, whatever the zone.
    const stamp = parsed.component.getFirstPropertyValue('dtstamp');
    expect(stamp instanceof ICAL.Time && stamp.zone === ICAL.Timezone.utcTimezone).toBe(true);
    expect(stamp instanceof ICAL.Time ? stamp.toJSDate().getTime() : NaN).toBe(now.getTime());
  });

  it('writes a day without a time as an all-day event ending the next day', () => {
    const parsed = parse(renderIcs(event({ start: { year: 2026, month: 12, day: 31 } })).contents);
    expect(parsed.startDate.isDate).toBe(true);
    expect(parsed.startDate.toString()).toBe('2026-12-31');
    expect(parsed.endDate.toString()).toBe('2027-01-01');
  });

  it('escapes text so that commas, semicolons, backslashes and line breaks survive the round trip', () => {
    const description = 'Prix : 8 000 €; acompte, 30 %\nC:\\contrats\\dupont.pdf\r\nFin';
    const parsed = parse(renderIcs(event({ summary: 'Rappeler Lefèvre; urgent, vraiment', description })).contents);
    expect(parsed.summary).toBe('Rappeler Lefèvre; urgent, vraiment');
    expect(parsed.description).toBe('Prix : 8 000 €; acompte, 30 %\nC:\\contrats\\dupont.pdf\nFin');
  });

  it('ends every line with CRLF and folds long lines at 75 octets without splitting a character', () => {
    const long = `${'Société Lefèvre — maquettes finalisées, ' .repeat(12)}😀 fin`;
    const { contents } = renderIcs(event({ description: long }));
    expect(contents.endsWith('\r\n')).toBe(true);
    expect(contents.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = contents.slice(0, -2).split('\r\n');
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // A split multi-byte sequence would not decode back to the same text.
      expect(bytes.toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
    expect(parse(contents).description).toBe(long);
  });
});

describe('fold', () => {
  it('leaves a short line alone and continues long ones on lines starting with one space', () => {
    expect(fold('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = fold(`DESCRIPTION:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines[0]).toHaveLength(75);
    expect(lines.slice(1).every((line) => line.startsWith(' ') && line.length <= 75)).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`DESCRIPTION:${'x'.repeat(200)}`);
  });
});
