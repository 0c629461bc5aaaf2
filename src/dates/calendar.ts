import type { Lang } from '../types.js';

/**
 * Dates are stored as local calendar values, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`: a freelancer
 * promising "Tuesday at 14:30" means their own wall clock, never a UTC instant.
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function todayOf(now: Date): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function toIso(date: CalendarDate): string {
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  return date.hour === undefined ? day : `${day}T${pad(date.hour)}:${pad(date.minute ?? 0)}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last && year >= 1900 && year <= 2999;
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

const TODAY_WORDS = new Set(['today', "aujourd'hui", 'aujourd’hui', 'auj']);
const TOMORROW_WORDS = new Set(['tomorrow', 'demain']);

/** `mercredi`, `Friday`: the next such day, never today (said on a Monday, "Monday" means next week's). */
function nextWeekday(word: string, today: CalendarDate): CalendarDate | undefined {
  for (const names of Object.values(WEEKDAYS)) {
    const target = names.findIndex((name) => name.toLowerCase() === word);
    if (target < 0) continue;
    const current = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    return addDays(today, ((target - current + 6) % 7) + 1);
  }
  return undefined;
}

function parseDay(text: string, today: CalendarDate): CalendarDate | undefined {
  const word = text.toLowerCase();
  if (TODAY_WORDS.has(word)) return today;
  if (TOMORROW_WORDS.has(word)) return addDays(today, 1);
  const weekday = nextWeekday(word, today);
  if (weekday) return weekday;
  const relative = /^\+(\d{1,3})\s*[dj]?$/i.exec(word);
  if (relative) return addDays(today, Number(relative[1]));

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const european = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$/.exec(text);
  if (european) {
    const rawYear = european[3];
    const year = rawYear === undefined ? today.year : rawYear.length === 2 ? 2000 + Number(rawYear) : Number(rawYear);
    return checked(year, Number(european[2]), Number(european[1]));
  }
  return undefined;
}

function checked(year: number, month: number, day: number): CalendarDate | undefined {
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

function parseTime(text: string): { hour: number; minute: number } | undefined {
  const match = /^(?:[àa@]\s*)?(\d{1,2})(?:[:h](\d{2})?)?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.toLowerCase();
  if (match[2] === undefined && meridiem === undefined && !/h$/i.test(text.trim())) return undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * Reads what a person types for a date: `2026-11-25`, `25/11/2026`, `25/11`, `today`, `demain`,
 * `vendredi`, `+3`; with `withTime`, followed by a time: `2026-11-25 14:30`, `demain 9h30`, `+2 2pm`.
 */
export function parseDateInput(raw: string, now: Date, withTime: boolean): CalendarDate | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const today = todayOf(now);
  const isoWithTime = /^(\d{4}-\d{1,2}-\d{1,2})[T ](.+)$/.exec(text);
  const [dayPart, timePart] = isoWithTime
    ? [isoWithTime[1] ?? '', isoWithTime[2]]
    : splitLastWord(text);
  if (!withTime) return timePart === undefined ? parseDay(text, today) : undefined;
  if (timePart === undefined) return undefined;
  const day = parseDay(dayPart, today);
  const time = parseTime(timePart);
  return day && time ? { ...day, ...time } : undefined;
}

function splitLastWord(text: string): [string, string | undefined] {
  const match = /^(.+?)\s+((?:[àa@]\s*)?\d{1,2}(?:[:h]\d{0,2})?\s*(?:am|pm)?)$/i.exec(text);
  return match ? [match[1] ?? text, match[2]] : [text, undefined];
}

/** Parses a stored value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`). */
export function parseIso(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const date = checked(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) return undefined;
  if (match[4] === undefined) return date;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  return hour <= 23 && minute <= 59 ? { ...date, hour, minute } : undefined;
}

/** Resolves a step default: `today`, `+Nd` or an ISO date. */
export function resolveDateDefault(value: string, now: Date): string | undefined {
  const date = parseDay(value.replace(/d$/, ''), todayOf(now));
  return date ? toIso(date) : undefined;
}

export function isBeforeToday(date: CalendarDate, now: Date): boolean {
  const today = todayOf(now);
  return (
    date.year * 10000 + date.month * 100 + date.day <
    today.year * 10000 + today.month * 100 + today.day
  );
}

/**
 * Day and month names as `Intl.DateTimeFormat` writes them for en-GB and fr-FR (a test checks
 * that they agree). Spelt out here because the first `Intl.DateTimeFormat` of a process loads the
 * ICU calendar data, which costs a scripted crisis run a sixth of its time.
 */
const WEEKDAYS: Record<Lang, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};
const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

const AT_TIME: Record<Lang, (date: string, time: string) => string> = {
  en: (date, time) => `${date} at ${time}`,
  fr: (date, time) => `${date} à ${time}`,
};
const EXAMPLE_TIME: Record<Lang, string> = { en: '14:30', fr: '14h30' };

/** `Tuesday 24 November 2026` / `mardi 24 novembre 2026`, with ` at 14:30` / ` à 14:30`. */
export function formatDate(date: CalendarDate, lang: Lang): string {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  const written = `${WEEKDAYS[lang][weekday]} ${date.day} ${MONTHS[lang][date.month - 1]} ${date.year}`;
  if (date.hour === undefined) return written;
  return AT_TIME[lang](written, `${pad(date.hour)}:${pad(date.minute ?? 0)}`);
}

/** An example of the expected input, in the user's language, for prompts and error messages. */
export function dateExample(now: Date, withTime: boolean, lang: Lang): string {
  const example = toIso(addDays(todayOf(now), 2));
  if (!withTime) return example;
  return `${example} ${EXAMPLE_TIME[lang]}`;
}
