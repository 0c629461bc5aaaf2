import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  dayOf,
  isRealDate,
  momentOf,
  weekdayOf,
  type CalendarDate,
} from './calendar.js';
import type { DayExpr, Expr, TimeExpr } from './grammar.js';

/**
 * Places what a phrase says (grammar.ts) on the calendar, at a given moment. Pure: the clock and
 * the locale's order of day and month are parameters.
 */

/** How the locale writes a numeric date: `dmy` (12/11 is 12 November), `mdy` (12/11 is December 11). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * Which occurrence a date means when it leaves out its year, its month or its day (`15 janvier`,
 * `le 7`, `14h`): `future`, the next one, today included; `past`, the last one, today included;
 * `nearest`, whichever is closer to today, the next one on a tie.
 */
export type Direction = 'future' | 'past' | 'nearest';

export interface ResolveContext {
  now: Date;
  order: DateOrder;
  direction: Direction;
  /**
   * With `future`: how many days a date given with its month but not its year may lie in the past
   * before it means next year's. `12/11` typed on 20 November is last week's, a mistake to point
   * out, not a date eleven months away; `15 janvier` typed in November is next January.
   */
  recentPastDays?: number;
  /** `now` as a calendar minute, when the caller has it already (reading the clock's fields from a Date is slow). */
  moment?: CalendarDate;
}

export interface Resolved {
  /** The day, with the time when one was said (or when a delay counted hours). */
  date: CalendarDate;
  /** A numeric date that reads the other way round too (`12/11`): the other reading. */
  otherReading?: CalendarDate;
  /** A numeric date read against the locale's order, because only that reading is a date (`25/11` for en_US). */
  swapped?: boolean;
  /** A date said without its year, month or day that went to a later (or earlier) one than this one. */
  rolled?: boolean;
  /** A weekday was named with a date that falls on another day: the weekday named. */
  weekdayMismatch?: number;
  /** A delay counted in hours or minutes (`sous 48 h`): the time is the clock's, not one that was said. */
  fromDelay?: boolean;
}

/** Why a phrase that parsed names no real date or time. */
export type Impossible =
  | { impossible: 'date'; day: number; month: number; year?: number }
  | { impossible: 'time'; hour: number; minute: number };

export function resolve(expr: Expr, context: ResolveContext): Resolved | Impossible {
  const now = context.moment ?? momentOf(context.now);
  const today = dayOf(now);
  let time: { hour: number; minute: number } | undefined;
  if (expr.time) {
    const clock = clockOf(expr.time);
    if (clock.hour > 23 || clock.minute > 59 || clock.hour < 0) return { impossible: 'time', hour: clock.hour, minute: clock.minute };
    time = clock;
  }
  if (!expr.day) {
    // A time alone: today, or the next (last) day it comes round.
    const at: CalendarDate = { ...today, ...(time ?? { hour: 0, minute: 0 }) };
    if (context.direction === 'future' && compareDates(at, now) < 0) return { date: { ...addDays(today, 1), ...time }, rolled: true };
    if (context.direction === 'past' && compareDates(at, now) > 0) return { date: { ...addDays(today, -1), ...time }, rolled: true };
    return { date: at };
  }
  const day = resolveDay(expr.day, today, context);
  if ('impossible' in day) return day;
  if (day.fromDelay) return day;
  return time ? { ...day, date: { ...day.date, ...time } } : day;
}

/** The hour on a 24-hour clock: `4pm` 16, `4h du soir` 16, `at 4` 16 (a call at four is in the afternoon), `minuit` 23:59. */
export function clockOf(time: TimeExpr): { hour: number; minute: number } {
  if (time.midnight) return { hour: 23, minute: 59 };
  let hour = time.hour;
  const minute = time.minute;
  if (hour === 24 && minute === 0) return { hour: 23, minute: 59 };
  if (time.meridiem === 'pm' && hour >= 1 && hour < 12) hour += 12;
  else if (time.meridiem === 'am' && hour === 12) hour = 0;
  else if (time.meridiem === undefined && (time.part === 'afternoon' || time.part === 'evening') && hour >= 1 && hour < 12) hour += 12;
  else if (time.meridiem === undefined && time.part === undefined && time.bare && hour >= 1 && hour <= 6) hour += 12;
  return { hour, minute };
}

function resolveDay(expr: DayExpr, today: CalendarDate, context: ResolveContext): Resolved | Impossible {
  switch (expr.kind) {
    case 'offset':
      return { date: addDays(today, expr.days) };
    case 'delay':
      return resolveDelay(expr, today, context.now);
    case 'weekday':
      return { date: resolveWeekday(expr, today, context.direction) };
    case 'endOfMonth':
      return { date: { year: today.year, month: today.month, day: daysInMonth(today.year, today.month) } };
    case 'date': {
      const resolved = resolveDate(expr.day, expr.month, expr.year, today, context);
      return 'impossible' in resolved ? resolved : withWeekday(resolved, expr.weekday);
    }
    case 'numeric': {
      // Dates written with dots (`25.11.26`) are day first in every locale that writes them so.
      const [day, month] = context.order === 'dmy' || expr.dotted ? [expr.first, expr.second] : [expr.second, expr.first];
      const preferred = resolveDate(day, month, expr.year, today, context);
      const otherOrder = resolveDate(month, day, expr.year, today, context);
      if ('impossible' in preferred) {
        // `25/11` for en_US: only the other reading is a date, so it is the one meant.
        if (!('impossible' in otherOrder) && month > 12) return withWeekday({ ...otherOrder, swapped: true }, expr.weekday);
        return preferred;
      }
      if (day === month || day > 12 || 'impossible' in otherOrder) return withWeekday(preferred, expr.weekday);
      // `lundi 7/12`: a weekday named with the date settles which way round it is.
      if (expr.weekday !== undefined) {
        if (weekdayOf(preferred.date) === expr.weekday) return preferred;
        if (weekdayOf(otherOrder.date) === expr.weekday) return { ...otherOrder, swapped: true };
        return withWeekday(preferred, expr.weekday);
      }
      return { ...preferred, otherReading: otherOrder.date };
    }
  }
}

function withWeekday(resolved: Resolved, weekday: number | undefined): Resolved {
  if (weekday === undefined || weekdayOf(resolved.date) === weekday) return resolved;
  return { ...resolved, weekdayMismatch: weekday };
}

function resolveDelay(expr: Extract<DayExpr, { kind: 'delay' }>, today: CalendarDate, now: Date): Resolved {
  const amount = expr.amount * expr.sign;
  switch (expr.unit) {
    case 'minute':
    case 'hour': {
      const ms = amount * (expr.unit === 'hour' ? 3_600_000 : 60_000);
      return { date: momentOf(new Date(now.getTime() + ms)), fromDelay: true };
    }
    case 'day':
      return { date: addDays(today, amount) };
    case 'week':
      return { date: addDays(today, amount * 7) };
    case 'workday': {
      let date = today;
      for (let left = Math.abs(amount); left > 0; ) {
        date = addDays(date, expr.sign);
        const weekday = weekdayOf(date);
        if (weekday !== 0 && weekday !== 6) left--;
      }
      return { date };
    }
    case 'month': {
      const index = today.year * 12 + today.month - 1 + amount;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      return { date: { year, month, day: Math.min(today.day, daysInMonth(year, month)) } };
    }
  }
}

function resolveWeekday(expr: Extract<DayExpr, { kind: 'weekday' }>, today: CalendarDate, direction: Direction): CalendarDate {
  const current = weekdayOf(today);
  const ahead = ((expr.weekday - current + 6) % 7) + 1; // 1…7: the next one, never today
  const behind = ((current - expr.weekday + 6) % 7) + 1; // 1…7: the last one, never today
  switch (expr.mode) {
    case 'bare':
      return direction === 'past' ? addDays(today, -behind) : addDays(today, ahead);
    case 'this':
      // This week's: today or later this week (`ce vendredi` on a Wednesday is in two days).
      return direction === 'past' ? addDays(today, -((current - expr.weekday + 7) % 7)) : addDays(today, (expr.weekday - current + 7) % 7);
    case 'next':
      return addDays(today, ahead);
    case 'nextWeek': {
      const toMonday = ((1 - current + 7) % 7) || 7;
      return addDays(today, toMonday + ((expr.weekday + 6) % 7));
    }
    case 'last':
      return addDays(today, -behind);
    case 'weeksAfter':
      return addDays(today, ahead + 7 * expr.weeks);
  }
}

/**
 * A date from what was said of it: the day, and maybe its month and year. What is missing is
 * taken from the occurrence `direction` asks for, counting from today.
 */
function resolveDate(day: number, month: number | undefined, year: number | undefined, today: CalendarDate, context: ResolveContext): Resolved | Impossible {
  const direction = context.direction;
  if (year !== undefined) {
    if (month === undefined || !isRealDate(year, month, day)) return { impossible: 'date', day, month: month ?? 0, year };
    return { date: { year, month, day } };
  }
  if (month !== undefined) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return { impossible: 'date', day, month };
    // 29 February comes round in leap years only: look a few years either way.
    // 29 February comes round in leap years only: look further either way for it.
    const reach = month === 2 && day === 29 ? 8 : 1;
    const candidates: CalendarDate[] = [];
    for (let offset = -reach; offset <= reach; offset++)
      if (isRealDate(today.year + offset, month, day)) candidates.push({ year: today.year + offset, month, day });
    return pick(candidates, today, direction, (date) => date.year !== today.year, context.recentPastDays ?? 0);
  }
  if (day < 1 || day > 31) return { impossible: 'date', day, month: 0 };
  // The 31st is missing from some months: look as far as the next and last months that have it.
  const reach = day > 28 ? 12 : 1;
  const candidates: CalendarDate[] = [];
  for (let offset = -reach; offset <= reach; offset++) {
    const index = today.year * 12 + today.month - 1 + offset;
    const candidate = { year: Math.floor(index / 12), month: (index % 12) + 1, day };
    if (isRealDate(candidate.year, candidate.month, day)) candidates.push(candidate);
  }
  return pick(candidates, today, direction, (date) => date.month !== today.month || date.year !== today.year, 0);
}

function pick(
  candidates: readonly CalendarDate[],
  today: CalendarDate,
  direction: Direction,
  moved: (date: CalendarDate) => boolean,
  recentPastDays: number,
): Resolved | Impossible {
  const future = candidates.find((date) => compareDates(date, today) >= 0);
  let past: CalendarDate | undefined;
  for (const date of candidates) if (compareDates(date, today) <= 0) past = date;
  let chosen: CalendarDate | undefined;
  if (direction === 'future') chosen = past && daysBetween(past, today) <= recentPastDays ? past : future;
  else if (direction === 'past') chosen = past;
  else if (future && past) chosen = daysBetween(today, future) <= daysBetween(past, today) ? future : past;
  else chosen = future ?? past;
  if (!chosen) return { impossible: 'date', day: candidates[0]?.day ?? 0, month: candidates[0]?.month ?? 0 };
  return moved(chosen) ? { date: dayOf(chosen), rolled: true } : { date: dayOf(chosen) };
}
