import { formatDate, parseIso } from '../dates/calendar.js';
import { defineMessages } from '../i18n.js';
import { renderIcs } from '../render/ics.js';
import type { RenderedFile } from '../render/documents.js';
import type { SessionRecord } from '../store/sessions.js';

/** The `.ics` file `start` and `followup` write beside the recap for the next contact date. */

const m = defineMessages(
  {
    label: 'calendar',
    summary: 'Call {client} back',
    promise: 'Promised: {what}',
    by: 'By: {date}',
    after: 'After the call: calmclient followup {id}',
  },
  {
    label: 'agenda',
    summary: 'Rappeler {client}',
    promise: 'Promis : {what}',
    by: 'Pour le : {date}',
    after: 'Après l\'appel : calmclient followup {id}',
  },
);

/** The label `start` and `followup` print in front of the file's path. */
export const calendarLabel = (): string => m('label');

/**
 * `session.nextContact` as a calendar event, or undefined when the session has no next contact.
 * `crisis` is the session the call is about (for a follow-up, the crisis it follows up): the event
 * reminds its promise and how to record the call.
 */
export function nextContactEvent(session: SessionRecord, now: Date, crisis: SessionRecord = session): RenderedFile | undefined {
  const start = session.nextContact === undefined ? undefined : parseIso(session.nextContact);
  if (!start) return undefined;
  const lang = session.lang;
  const promiseDate = crisis.promise ? parseIso(crisis.promise.by) : undefined;
  const description = [
    ...(crisis.promise ? [m('promise', { what: crisis.promise.what }, lang)] : []),
    ...(promiseDate ? [m('by', { date: formatDate(promiseDate, lang) }, lang)] : []),
    m('after', { id: crisis.id }, lang),
  ].join('\n');
  return renderIcs({
    uid: `${session.id}@calmclient`,
    start,
    summary: m('summary', { client: session.client }, lang),
    description,
    client: session.client,
    now,
  });
}
