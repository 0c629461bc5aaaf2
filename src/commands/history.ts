import { ageInDays, isStaleDraft, sessionDue, STALE_DRAFT_DAYS, type SessionDue } from '../engine/due.js';
import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { fitWords, printInfo, printResult, printTable, screenWidth, style, wrap } from '../terminal/output.js';
import { kindLabel, shortDate, statusLabel, writtenDate } from '../render/labels.js';
import { readSummaries } from '../session/summaries.js';
import { RECORD_STATUSES, type Lang } from '../types.js';
import { dataDir } from '../paths.js';
import type { SessionSummary as Summary } from '../store/session-index.js';
import { sessionDay } from '../store/session-order.js';
import { sameClientName as sameClient } from '../text/client-name.js';
import { inertJson, inertLine } from '../text/inert.js';

export interface HistoryOptions {
  client?: string;
  status?: string;
  json?: boolean;
  /** Only the unfinished sessions, with their age. */
  drafts?: boolean;
}

const m = catalogue({
  columnDate: { en: 'DATE', fr: 'DATE' },
  columnClient: { en: 'CLIENT', fr: 'CLIENT' },
  columnKind: { en: 'KIND', fr: 'TYPE' },
  columnStatus: { en: 'STATUS', fr: 'STATUT' },
  columnNext: { en: 'NEXT CONTACT', fr: 'PROCHAIN CONTACT' },
  columnId: { en: 'ID', fr: 'ID' },
  markerOverdue: { en: '⚠ overdue', fr: '⚠ en retard' },
  markerDue: { en: 'today', fr: 'aujourd\'hui' },
  markerPromiseOverdue: { en: '⚠ promise overdue', fr: '⚠ promesse en retard' },
  markerPromiseDue: { en: 'promise due today', fr: 'promesse pour aujourd\'hui' },
  promisesTitle: { en: 'Promises due or overdue:', fr: 'Promesses à tenir ou en retard :' },
  promisesLine: {
    en: '{marker}  {client}: {what} (by {date}) · calmclient followup {id}',
    fr: '{marker}  {client} : {what} (pour le {date}) · calmclient followup {id}',
  },
  empty: {
    en: 'No sessions yet. Frame a mission with "calmclient checklist", or handle an unhappy client with "calmclient start".',
    fr: 'Aucune session pour l\'instant. Cadrez une mission avec « calmclient checklist », ou gérez un client mécontent avec « calmclient start ».',
  },
  noMatch: { en: 'No session matches.', fr: 'Aucune session ne correspond.' },
  badStatus: {
    en: 'unknown status "{value}": use one of {values}',
    fr: 'statut « {value} » inconnu : utilisez l\'un de {values}',
  },
  markerStale: { en: '⚠ {days} days old', fr: '⚠ {days} jours' },
  staleHint: {
    en: '{count} unfinished session(s) older than {days} days: calmclient history --drafts',
    fr: '{count} session(s) inachevée(s) de plus de {days} jours : calmclient history --drafts',
  },
  draftsHint: {
    en: 'Go on with: calmclient start|checklist|followup --resume ID. Delete a client\'s sessions with: calmclient forget CLIENT',
    fr: 'Reprendre : calmclient start|checklist|followup --resume ID. Effacer les sessions d\'un client : calmclient forget CLIENT',
  },
  noDrafts: { en: 'No unfinished session.', fr: 'Aucune session inachevée.' },
});


/** Long names are cut in the table (in screen columns); `show` has them in full. */
const CLIENT_WIDTH = 24;

/** `calmclient history`: every session, newest first, with what is due or overdue highlighted. */
export default async function history(options: HistoryOptions, lang: Lang): Promise<ExitCode> {
  const now = new Date();
  const { client } = options;
  const status = options.drafts ? 'draft' : options.status;
  if (status !== undefined && !(RECORD_STATUSES as readonly string[]).includes(status))
    throw new UsageError(t(m.badStatus, lang, { value: status, values: RECORD_STATUSES.join(', ') }));
  const { sessions } = await readSummaries(dataDir(), lang);
  const shown = sessions.filter(
    (session) => (status === undefined || session.status === status) && (client === undefined || sameClient(session.client, client)),
  );

  // Each session's due dates, worked out once: the table, the promises and the JSON all show them.
  const listed = shown.map((session) => ({ session, due: sessionDue(session, now) }));
  if (options.json) {
    printResult(inertJson(listed.map(({ session, due }) => summary(session, due))));
    return ExitCode.ok;
  }
  if (shown.length === 0) {
    printInfo(options.drafts ? t(m.noDrafts, lang) : sessions.length === 0 ? t(m.empty, lang) : t(m.noMatch, lang));
    return ExitCode.ok;
  }
  const markers = markerWords(lang);
  printSessions(listed, markers, now, lang);
  printPromises(listed, markers, lang);
  if (options.drafts) {
    printInfo(`\n${style.dim(wrap(t(m.draftsHint, lang)))}`);
  } else {
    const stale = sessions.filter((session) => isStaleDraft(session, now)).length;
    if (stale > 0) printInfo(`\n${style.yellow(wrap(t(m.staleHint, lang, { count: stale, days: STALE_DRAFT_DAYS })))}`);
  }
  return ExitCode.ok;
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
function markerWords(lang: Lang) {
  return {
    nextContact: { overdue: t(m.markerOverdue, lang), due: t(m.markerDue, lang) },
    promise: { overdue: t(m.markerPromiseOverdue, lang), due: t(m.markerPromiseDue, lang) },
  };
}

type MarkerWords = ReturnType<typeof markerWords>;

function printSessions(listed: readonly Listed[], markers: MarkerWords, now: Date, lang: Lang): void {
  const header = [t(m.columnDate, lang), t(m.columnClient, lang), t(m.columnKind, lang), t(m.columnStatus, lang), t(m.columnNext, lang), t(m.columnId, lang)];
  const rows = listed.map(({ session, due }) => {
    let next = session.nextContact ? shortDate(session.nextContact) : '—';
    if (due.nextContact) next += `  ${markers.nextContact[due.nextContact]}`;
    if (due.promise) next += `  ${markers.promise[due.promise]}`;
    const stale = isStaleDraft(session, now);
    if (stale) next += `  ${t(m.markerStale, lang, { days: ageInDays(session.updatedAt, now) })}`;
    const cells = [sessionDay(session), cut(inertLine(session.client)), kindLabel(session.kind, lang), statusLabel(session.status, lang), next, inertLine(session.id)];
    const colour =
      due.promise === 'overdue' || due.nextContact === 'overdue'
        ? style.red
        : due.promise || due.nextContact || stale
          ? style.yellow
          : undefined;
    return colour ? { cells, colour } : { cells };
  });
  printTable(header, rows);
}

function printPromises(listed: readonly Listed[], markers: MarkerWords, lang: Lang): void {
  const pending = listed.flatMap(({ session, due }) => {
    const state = due.promise;
    return state && session.promise ? [{ session, promise: session.promise, state }] : [];
  });
  if (pending.length === 0) return;
  printInfo(`\n${style.bold(t(m.promisesTitle, lang))}`);
  const lines = pending.map(({ session, promise, state }) => {
    const text = t(m.promisesLine, lang, {
      marker: markers.promise[state],
      client: inertLine(session.client),
      what: inertLine(promise.what.replace(/\s*\n\s*/g, ' / ')),
      date: writtenDate(promise.by, lang),
      id: inertLine(session.id),
    });
    const wrapped = wrap(text, '    ', screenWidth() - 2);
    return `  ${state === 'overdue' ? style.red(wrapped) : style.yellow(wrapped)}`;
  });
  printResult(lines.join('\n'));
}

/** A long name cut at a word, to CLIENT_WIDTH screen columns (a CJK character takes two). */
function cut(text: string): string {
  return fitWords(text, CLIENT_WIDTH);
}
