import { formatDate, parseIso } from '../dates/calendar.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang, PlaybookKind, RenderedFile } from '../types.js';
import { renderIcs } from './ics.js';
import { typography } from './typography.js';

/**
 * The `.ics` file a walked session writes beside its documents, for its `next_contact` date: the
 * call back after a crisis or a follow-up, the day by which a mission's open points must be
 * settled after a checklist. It names who is called (the contact, with their phone) and who calls
 * (the colleague or mediator who took over, when one did), and rings before.
 */

const m = catalogue({
  summary: { en: 'Call {who} back', fr: 'Rappeler {who}' },
  summaryBy: { en: '{caller} calls {who} back', fr: '{caller} rappelle {who}' },
  summaryFraming: { en: 'Settle the open points with {who}', fr: 'Régler les points ouverts avec {who}' },
  contactOf: { en: '{contact} ({client})', fr: '{contact} ({client})' },
  phone: { en: 'Phone: {phone}', fr: 'Téléphone : {phone}' },
  caller: { en: 'Who calls: {caller}', fr: 'Qui appelle : {caller}' },
  promise: { en: 'Promised: {what}', fr: 'Promis : {what}' },
  by: { en: 'By: {date}', fr: 'Pour le : {date}' },
  after: { en: 'After the call: calmclient followup {id}', fr: 'Après l\'appel : calmclient followup {id}' },
  mission: { en: 'Mission: {mission}', fr: 'Mission : {mission}' },
  openPoints: { en: 'Open points: {points}', fr: 'Points ouverts : {points}' },
});

/** What the event needs of a session: the one whose next contact it is. */
export interface ContactSession {
  id: string;
  kind?: PlaybookKind | undefined;
  client: string;
  lang: Lang;
  nextContact?: string | undefined;
}

/** What the event needs of the crisis the call is about: its promise, and how to record the call. */
export interface PromisingSession {
  id: string;
  promise?: { what: string; by: string } | undefined;
}

/** The people and the subject of the event, when known. */
export interface EventDetails {
  contact?: { name?: string | undefined; phone?: string | undefined } | undefined;
  /** Who calls back when someone else took over: their name (in the summary) and role (in the description). */
  caller?: { name: string; role?: string | undefined } | undefined;
  mission?: string | undefined;
  /** A checklist's points not settled yet, by their titles. */
  openPoints?: readonly string[] | undefined;
}

/**
 * `session.nextContact` as a calendar event, or undefined when the session has no next contact.
 * `crisis` is the session the call is about (for a follow-up, the crisis it follows up): the event
 * reminds its promise and how to record the call.
 */
export function nextContactEvent(
  session: ContactSession,
  now: Date,
  crisis: PromisingSession = session,
  details: EventDetails = {},
): RenderedFile | undefined {
  const start = session.nextContact === undefined ? undefined : parseIso(session.nextContact);
  if (!start) return undefined;
  const lang = session.lang;
  const name = details.contact?.name?.trim();
  const who = name ? t(m.contactOf, lang, { contact: name, client: session.client }) : session.client;
  const phone = details.contact?.phone?.trim();
  const framing = session.kind === 'prevention';
  const lines: string[] = [];
  if (phone) lines.push(t(m.phone, lang, { phone }));
  const caller = details.caller;
  if (caller && !framing) lines.push(t(m.caller, lang, { caller: caller.role ? `${caller.name}, ${caller.role}` : caller.name }));
  if (framing) {
    if (details.mission) lines.push(t(m.mission, lang, { mission: details.mission }));
    if (details.openPoints && details.openPoints.length > 0) lines.push(t(m.openPoints, lang, { points: details.openPoints.join(', ') }));
  } else {
    const promiseDate = crisis.promise ? parseIso(crisis.promise.by) : undefined;
    if (crisis.promise) lines.push(t(m.promise, lang, { what: crisis.promise.what }));
    if (promiseDate) lines.push(t(m.by, lang, { date: formatDate(promiseDate, lang) }));
    lines.push(t(m.after, lang, { id: crisis.id }));
  }
  const summary = framing
    ? t(m.summaryFraming, lang, { who })
    : caller
      ? t(m.summaryBy, lang, { caller: caller.name, who })
      : t(m.summary, lang, { who });
  return renderIcs({
    uid: `${session.id}@calmclient`,
    start,
    summary: typography(summary, lang),
    description: typography(lines.join('\n'), lang),
    client: session.client,
    ...(name || phone ? { contact: [name ?? session.client, phone].filter(Boolean).join(', ') } : {}),
    ...(framing ? { name: 'open-points' } : {}),
    now,
  });
}
