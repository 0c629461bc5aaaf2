/**
 * calmclient's date parser as it was before issue 15 (src/engine/dates.ts, then
 * src/dates/calendar.ts at 6918d47), unchanged, kept only so that scripts/compare-date-parsers.mjs
 * can say how the phrase table fared before. Nothing in src/ uses it.
 */

export interface LegacyDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};

function todayOf(now: Date): LegacyDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last && year >= 1900 && year <= 2999;
}

function addDays(date: LegacyDate, days: number): LegacyDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

const TODAY_WORDS = new Set(['today', "aujourd'hui", 'aujourd’hui', 'auj']);
const TOMORROW_WORDS = new Set(['tomorrow', 'demain']);

function nextWeekday(word: string, today: LegacyDate): LegacyDate | undefined {
  for (const names of Object.values(WEEKDAYS)) {
    const target = names.findIndex((name) => name.toLowerCase() === word);
    if (target < 0) continue;
    const current = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    return addDays(today, ((target - current + 6) % 7) + 1);
  }
  return undefined;
}

function checked(year: number, month: number, day: number): LegacyDate | undefined {
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

function parseDay(text: string, today: LegacyDate): LegacyDate | undefined {
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

function splitLastWord(text: string): [string, string | undefined] {
  const match = /^(.+?)\s+((?:[àa@]\s*)?\d{1,2}(?:[:h]\d{0,2})?\s*(?:am|pm)?)$/i.exec(text);
  return match ? [match[1] ?? text, match[2]] : [text, undefined];
}

export function legacyParseDateInput(raw: string, now: Date, withTime: boolean): LegacyDate | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const today = todayOf(now);
  const isoWithTime = /^(\d{4}-\d{1,2}-\d{1,2})[T ](.+)$/.exec(text);
  const [dayPart, timePart] = isoWithTime ? [isoWithTime[1] ?? '', isoWithTime[2]] : splitLastWord(text);
  if (!withTime) return timePart === undefined ? parseDay(text, today) : undefined;
  if (timePart === undefined) return undefined;
  const day = parseDay(dayPart, today);
  const time = parseTime(timePart);
  return day && time ? { ...day, ...time } : undefined;
}
