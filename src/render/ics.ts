import type { CalendarDate } from '../dates/calendar.js';
import { toIso, todayOf } from '../dates/calendar.js';
import type { RenderedFile } from '../types.js';
import { slugify } from '../text/slug.js';

/**
 * An iCalendar file (RFC 5545) holding one event: the next contact with a client, so that it lands
 * in the user's calendar. Pure: the caller writes the file.
 */

export interface CalendarEvent {
  /** Globally unique and stable for this event: importing the file twice updates, never duplicates. */
  uid: string;
  /** With a time: a floating local time (the user's wall clock, like every stored date); without: an all-day event. */
  start: CalendarDate;
  summary: string;
  description?: string;
  client: string;
  /** The person to reach, with their phone when known (RFC 5545 CONTACT). */
  contact?: string | undefined;
  /** The file name's last word: `next-contact` (default), `open-points`… */
  name?: string | undefined;
  /** The moment the file is written: it gives DTSTAMP and the file's date. */
  now: Date;
}

/** How long a call back is planned for, when the contact has a time. */
export const CALL_MINUTES = 30;
/** The reminder: this long before a call; for a whole day, at 9:00 the day before (15 hours before midnight). */
export const ALARM_BEFORE_CALL = '-PT15M';
export const ALARM_BEFORE_DAY = '-PT15H';

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines are folded at 75 octets, continuation lines start with one space. */
const MAX_OCTETS = 75;

export function renderIcs(event: CalendarEvent): RenderedFile {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//calmclient//calmclient//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(event.now)}`,
    ...startAndEnd(event.start),
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description === undefined ? [] : [`DESCRIPTION:${escapeText(event.description)}`]),
    ...(event.contact === undefined ? [] : [`CONTACT:${escapeText(event.contact)}`]),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.summary)}`,
    `TRIGGER:${event.start.hour === undefined ? ALARM_BEFORE_DAY : ALARM_BEFORE_CALL}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return {
    path: `${toIso(todayOf(event.now))}-${slugify(event.client)}-${event.name ?? 'next-contact'}.ics`,
    contents: lines.map(fold).join(CRLF) + CRLF,
  };
}

function startAndEnd(start: CalendarDate): string[] {
  if (start.hour === undefined) {
    const next = new Date(Date.UTC(start.year, start.month - 1, start.day + 1));
    const end = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
    return [`DTSTART;VALUE=DATE:${basicDate(start)}`, `DTEND;VALUE=DATE:${basicDate(end)}`];
  }
  const time = `${pad(start.hour)}${pad(start.minute ?? 0)}00`;
  return [`DTSTART:${basicDate(start)}T${time}`, `DURATION:PT${CALL_MINUTES}M`];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function basicDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}${pad(date.month)}${pad(date.day)}`;
}

function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values (§3.3.11): `\`, `;`, `,` and line breaks are escaped; other control characters are dropped. */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
