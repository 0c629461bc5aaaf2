import { todayOf, toIso } from '../dates/calendar.js';
import type { SessionRecord } from './sessions.js';

/**
 * Sessions in time, wherever they are listed: newest first, each on the day it was created. Apart
 * from session-list.ts, which reads the records (and zod), for `history`'s summaries (session-index.ts).
 */

export type Sortable = Pick<SessionRecord, 'createdAt' | 'id'>;

/** Timestamps and ids compare character by character: ISO timestamps then sort in time order. */
export function newestFirst(a: Sortable, b: Sortable): number {
  return compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/** The local calendar day a session was created on, `YYYY-MM-DD`. */
export function sessionDay(session: Pick<SessionRecord, 'createdAt'>): string {
  return toIso(todayOf(new Date(session.createdAt)));
}
