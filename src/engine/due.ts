import { isBeforeToday, parseIso, todayOf, toIso } from '../dates/calendar.js';

/**
 * Which dates of an open crisis need the user now. Pure: the clock is a parameter, so tests pass
 * any `now` they like.
 */

/** `due`: today; `overdue`: already past. A date later than today is neither. */
export type Due = 'due' | 'overdue';

/**
 * Where a stored date (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, local wall-clock time) stands at `now`.
 * A day alone is overdue from the next day on; a day with a time, as soon as that time has passed.
 */
export function dueState(value: string, now: Date): Due | undefined {
  const date = parseIso(value);
  if (!date) return undefined;
  if (date.hour !== undefined) {
    const at = new Date(date.year, date.month - 1, date.day, date.hour, date.minute ?? 0);
    if (at.getTime() < now.getTime()) return 'overdue';
  } else if (isBeforeToday(date, now)) {
    return 'overdue';
  }
  return toIso({ year: date.year, month: date.month, day: date.day }) === toIso(todayOf(now)) ? 'due' : undefined;
}

/** The fields of a session record the due dates depend on. */
export interface DueInput {
  kind: string;
  status: string;
  promise?: { by: string } | undefined;
  nextContact?: string | undefined;
  followedUpAt?: string | undefined;
}

export interface SessionDue {
  promise?: Due;
  nextContact?: Due;
}

/**
 * The due dates of a session. Only an open crisis has any: it is the one waiting for a follow-up.
 * A promise counts until a follow-up on or after its date has checked whether it was kept.
 */
export function sessionDue(session: DueInput, now: Date): SessionDue {
  if (session.kind !== 'crisis' || session.status !== 'open') return {};
  const result: SessionDue = {};
  if (session.promise && !checkedAfter(session.followedUpAt, session.promise.by)) {
    const state = dueState(session.promise.by, now);
    if (state) result.promise = state;
  }
  if (session.nextContact) {
    const state = dueState(session.nextContact, now);
    if (state) result.nextContact = state;
  }
  return result;
}

export function isOverdue(session: DueInput, now: Date): boolean {
  const due = sessionDue(session, now);
  return due.promise === 'overdue' || due.nextContact === 'overdue';
}

function checkedAfter(followedUpAt: string | undefined, by: string): boolean {
  if (followedUpAt === undefined) return false;
  const checked = new Date(followedUpAt);
  if (Number.isNaN(checked.getTime())) return false;
  return toIso(todayOf(checked)) >= by.slice(0, 10);
}

/** An unfinished session older than this is pointed out by `history`; it is never deleted for the user. */
export const STALE_DRAFT_DAYS = 30;

/** Whole days since an ISO timestamp, at `now`. */
export function ageInDays(isoTimestamp: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(isoTimestamp).getTime()) / 86_400_000);
}

export function isStaleDraft(session: { status: string; updatedAt: string }, now: Date): boolean {
  return session.status === 'draft' && ageInDays(session.updatedAt, now) > STALE_DRAFT_DAYS;
}
