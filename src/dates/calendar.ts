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

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month) && year >= 1900 && year <= 2999;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

/** The calendar day `days` after `date` (before it when negative); the time of day is dropped. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 for Sunday to 6 for Saturday, as `Date.getDay`. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Whole days from `a` to `b` (negative when `b` comes first); times of day are ignored. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Orders two calendar values; a day without a time counts as its first minute. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  const key = (d: CalendarDate) => ((d.year * 100 + d.month) * 100 + d.day) * 10_000 + (d.hour ?? 0) * 100 + (d.minute ?? 0);
  return key(a) - key(b);
}

/** The wall-clock minute of `now`, as a calendar value. */
export function momentOf(now: Date): CalendarDate {
  return { ...todayOf(now), hour: now.getHours(), minute: now.getMinutes() };
}

/** The day part of a calendar value. */
export function dayOf(date: CalendarDate): CalendarDate {
  return { year: date.year, month: date.month, day: date.day };
}

function checked(year: number, month: number, day: number): CalendarDate | undefined {
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
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

/** Resolves a step default, as the playbook format defines it: `today`, `+N`, `+Nd` or an ISO date. */
export function resolveDateDefault(value: string, now: Date): string | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'today') return toIso(todayOf(now));
  const relative = /^\+(\d{1,3})d?$/.exec(text);
  if (relative) return toIso(addDays(todayOf(now), Number(relative[1])));
  const date = parseIso(text);
  return date && date.hour === undefined ? toIso(date) : undefined;
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
export const WEEKDAYS: Record<Lang, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};
export const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

const AT: Record<Lang, string> = { en: 'at', fr: 'à' };
/** A time of day as each language writes it: `09:30`, and in French `9 h 30` (no-break spaces), `10 h`. */
const TIME_OF_DAY: Record<Lang, (hour: number, minute: number) => string> = {
  en: (hour, minute) => `${pad(hour)}:${pad(minute)}`,
  fr: (hour, minute) => (minute === 0 ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${pad(minute)}`),
};

/** `Tuesday 24 November 2026` / `mardi 24 novembre 2026`, with ` at 14:30` / ` à 14 h 30`. */
export function formatDate(date: CalendarDate, lang: Lang): string {
  const written = `${WEEKDAYS[lang][weekdayOf(date)]} ${date.day} ${MONTHS[lang][date.month - 1]} ${date.year}`;
  return date.hour === undefined ? written : `${written} ${AT[lang]} ${TIME_OF_DAY[lang](date.hour, date.minute ?? 0)}`;
}

/** `14:30`, the way both languages write a time in calmclient's documents. */
export function formatTime(date: Pick<CalendarDate, 'hour' | 'minute'>): string {
  return `${pad(date.hour ?? 0)}:${pad(date.minute ?? 0)}`;
}
