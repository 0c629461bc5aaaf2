import { formatDate, parseIso } from '../dates/calendar.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang, RenderedFile } from '../types.js';
import { renderIcs } from './ics.js';

/** The `.ics` file `start` and `followup` write beside the recap for the next contact date. */

const m = catalogue({
  summary: { en: 'Call {client} back', fr: 'Rappeler {client}' },
  promise: { en: 'Promised: {what}', fr: 'Promis : {what}' },
  by: { en: 'By: {date}', fr: 'Pour le : {date}' },
  after: { en: 'After the call: calmclient followup {id}', fr: 'Après l\'appel : calmclient followup {id}' },
});

/** What the event needs of a session: the one whose next contact it is. */
export interface ContactSession {
  id: string;
  client: string;
  lang: Lang;
  nextContact?: string | undefined;
}

/** What the event needs of the crisis the call is about: its promise, and how to record the call. */
export interface PromisingSession {
  id: string;
  promise?: { what: string; by: string } | undefined;
}

/**
 * `session.nextContact` as a calendar event, or undefined when the session has no next contact.
 * `crisis` is the session the call is about (for a follow-up, the crisis it follows up): the event
 * reminds its promise and how to record the call.
 */
export function nextContactEvent(session: ContactSession, now: Date, crisis: PromisingSession = session): RenderedFile | undefined {
  const start = session.nextContact === undefined ? undefined : parseIso(session.nextContact);
  if (!start) return undefined;
  const lang = session.lang;
  const promiseDate = crisis.promise ? parseIso(crisis.promise.by) : undefined;
  const description = [
    ...(crisis.promise ? [t(m.promise, lang, { what: crisis.promise.what })] : []),
    ...(promiseDate ? [t(m.by, lang, { date: formatDate(promiseDate, lang) })] : []),
    t(m.after, lang, { id: crisis.id }),
  ].join('\n');
  return renderIcs({
    uid: `${session.id}@calmclient`,
    start,
    summary: t(m.summary, lang, { client: session.client }),
    description,
    client: session.client,
    now,
  });
}
