import { ageInDays, isStaleDraft, sessionDue, STALE_DRAFT_DAYS, type SessionDue } from '../engine/due.js';
import { ExitCode, UsageError } from '../errors.js';
import { defineMessages } from '../i18n.js';
import { printInfo, printResult, printTable, style } from '../output.js';
import { SESSION_STATUSES } from '../types.js';
import { dataDir } from '../store/paths.js';
import type { SessionRecord } from '../store/sessions.js';
import { loadSessions, sameClient, sessionDay, shortDate, writtenDate } from './session-list.js';

export interface HistoryOptions {
  client?: string;
  status?: string;
  json?: boolean;
  /** Only the unfinished sessions, with their age. */
  drafts?: boolean;
}

const m = defineMessages(
  {
    'column.date': 'DATE',
    'column.client': 'CLIENT',
    'column.kind': 'KIND',
    'column.status': 'STATUS',
    'column.next': 'NEXT CONTACT',
    'column.id': 'ID',
    'marker.overdue': '⚠ overdue',
    'marker.due': 'today',
    'marker.promiseOverdue': '⚠ promise overdue',
    'marker.promiseDue': 'promise due today',
    'promises.title': 'Promises due or overdue:',
    'promises.line': '{marker}  {client}: {what} (by {date}) · calmclient followup {id}',
    empty: 'No sessions yet. Frame a mission with "calmclient checklist", or handle an unhappy client with "calmclient start".',
    noMatch: 'No session matches.',
    badStatus: 'unknown status "{value}": use one of {values}',
    'marker.stale': '⚠ {days} days old',
    staleHint: '{count} unfinished session(s) older than {days} days: calmclient history --drafts',
    draftsHint: 'Go on with: calmclient start|checklist|followup --resume ID. Delete a client\'s sessions with: calmclient forget CLIENT',
    noDrafts: 'No unfinished session.',
  },
  {
    'column.date': 'DATE',
    'column.client': 'CLIENT',
    'column.kind': 'TYPE',
    'column.status': 'STATUT',
    'column.next': 'PROCHAIN CONTACT',
    'column.id': 'ID',
    'marker.overdue': '⚠ en retard',
    'marker.due': 'aujourd\'hui',
    'marker.promiseOverdue': '⚠ promesse en retard',
    'marker.promiseDue': 'promesse pour aujourd\'hui',
    'promises.title': 'Promesses à tenir ou en retard :',
    'promises.line': '{marker}  {client} : {what} (pour le {date}) · calmclient followup {id}',
    empty: 'Aucune session pour l\'instant. Cadrez une mission avec « calmclient checklist », ou gérez un client mécontent avec « calmclient start ».',
    noMatch: 'Aucune session ne correspond.',
    badStatus: 'statut « {value} » inconnu : utilisez l\'un de {values}',
    'marker.stale': '⚠ {days} jours',
    staleHint: '{count} session(s) inachevée(s) de plus de {days} jours : calmclient history --drafts',
    draftsHint: 'Reprendre : calmclient start|checklist|followup --resume ID. Effacer les sessions d\'un client : calmclient forget CLIENT',
    noDrafts: 'Aucune session inachevée.',
  },
);

const HISTORY_STATUSES = ['draft', ...SESSION_STATUSES, 'done'] as const;

/** Long names are cut in the table; `show` has them in full. */
const CLIENT_WIDTH = 24;

/** `calmclient history`: every session, newest first, with what is due or overdue highlighted. */
export default async function history(options: HistoryOptions): Promise<ExitCode> {
  const now = new Date();
  const { client } = options;
  const status = options.drafts ? 'draft' : options.status;
  if (status !== undefined && !(HISTORY_STATUSES as readonly string[]).includes(status))
    throw new UsageError(m('badStatus', { value: status, values: HISTORY_STATUSES.join(', ') }));
  const { sessions } = loadSessions(dataDir(), summaryOf);
  const shown = sessions.filter(
    (session) => (status === undefined || session.status === status) && (client === undefined || sameClient(session.client, client)),
  );

  // Each session's due dates, worked out once: the table, the promises and the JSON all show them.
  const listed = shown.map((session) => ({ session, due: sessionDue(session, now) }));
  if (options.json) {
    printResult(JSON.stringify(listed.map(({ session, due }) => summary(session, due)), null, 2));
    return ExitCode.ok;
  }
  if (shown.length === 0) {
    printInfo(options.drafts ? m('noDrafts') : sessions.length === 0 ? m('empty') : m('noMatch'));
    return ExitCode.ok;
  }
  const markers = markerWords();
  printSessions(listed, markers, now);
  printPromises(listed, markers);
  if (options.drafts) {
    printInfo(`\n${style.dim(m('draftsHint'))}`);
  } else {
    const stale = sessions.filter((session) => isStaleDraft(session, now)).length;
    if (stale > 0) printInfo(`\n${style.yellow(m('staleHint', { count: stale, days: STALE_DRAFT_DAYS }))}`);
  }
  return ExitCode.ok;
}

/** What history shows of a session: no answers, no file paths. */
type Summary = Pick<
  SessionRecord,
  'id' | 'kind' | 'status' | 'client' | 'createdAt' | 'updatedAt' | 'promise' | 'nextContact' | 'lesson' | 'followsUp' | 'followedUpAt'
>;

function summaryOf(record: SessionRecord): Summary {
  const { id, kind, status, client, createdAt, updatedAt, promise, nextContact, lesson, followsUp, followedUpAt } = record;
  return { id, kind, status, client, createdAt, updatedAt, promise, nextContact, lesson, followsUp, followedUpAt };
}

interface Listed {
  session: Summary;
  due: SessionDue;
}

function summary(session: Summary, due: SessionDue) {
  return {
    id: session.id,
    createdAt: session.createdAt,
    client: session.client,
    kind: session.kind,
    status: session.status,
    nextContact: session.nextContact ?? null,
    promise: session.promise ?? null,
    lesson: session.lesson ?? null,
    followsUp: session.followsUp ?? null,
    due: { promise: due.promise ?? null, nextContact: due.nextContact ?? null },
    overdue: due.promise === 'overdue' || due.nextContact === 'overdue',
  };
}

/**
 * Words, not only colours: with NO_COLOR the markers still say what is late. Written out once, for
 * the thousands of rows and promises that may show them.
 */
function markerWords() {
  return {
    nextContact: { overdue: m('marker.overdue'), due: m('marker.due') },
    promise: { overdue: m('marker.promiseOverdue'), due: m('marker.promiseDue') },
  };
}

type MarkerWords = ReturnType<typeof markerWords>;

function printSessions(listed: readonly Listed[], markers: MarkerWords, now: Date): void {
  const header = [m('column.date'), m('column.client'), m('column.kind'), m('column.status'), m('column.next'), m('column.id')];
  const rows = listed.map(({ session, due }) => {
    let next = session.nextContact ? shortDate(session.nextContact) : '—';
    if (due.nextContact) next += `  ${markers.nextContact[due.nextContact]}`;
    if (due.promise) next += `  ${markers.promise[due.promise]}`;
    const stale = isStaleDraft(session, now);
    if (stale) next += `  ${m('marker.stale', { days: ageInDays(session.updatedAt, now) })}`;
    const cells = [sessionDay(session), cut(session.client), session.kind, session.status, next, session.id];
    const colour =
      due.promise === 'overdue' || due.nextContact === 'overdue'
        ? style.red
        : due.promise || due.nextContact || stale
          ? style.yellow
          : undefined;
    return { cells, colour };
  });
  printTable(header, rows);
}

function printPromises(listed: readonly Listed[], markers: MarkerWords): void {
  const pending = listed.flatMap(({ session, due }) => {
    const state = due.promise;
    return state && session.promise ? [{ session, promise: session.promise, state }] : [];
  });
  if (pending.length === 0) return;
  printInfo(`\n${style.bold(m('promises.title'))}`);
  const lines = pending.map(({ session, promise, state }) => {
    const text = m('promises.line', {
      marker: markers.promise[state],
      client: session.client,
      what: promise.what.replace(/\s*\n\s*/g, ' / '),
      date: writtenDate(promise.by),
      id: session.id,
    });
    return `  ${state === 'overdue' ? style.red(text) : style.yellow(text)}`;
  });
  printResult(lines.join('\n'));
}

function cut(text: string): string {
  return text.length <= CLIENT_WIDTH ? text : `${text.slice(0, CLIENT_WIDTH - 1)}…`;
}
