import { basename, relative } from 'node:path';
import { formatDate, parseIso, todayOf, toIso } from '../dates/calendar.js';
import type { Due } from '../engine/due.js';
import { UsageError } from '../errors.js';
import { defineMessages, getLang } from '../i18n.js';
import { printWarning } from '../output.js';
import { slugify } from '../render/slug.js';
import { readSessions, type SessionProblem } from '../store/read-sessions.js';
import { SESSION_VERSION, type SessionRecord } from '../store/sessions.js';
import type { Lang } from '../types.js';

/** Reading, finding and describing saved sessions: shared by checklist, followup, history, show, recap, lessons. */

const m = defineMessages(
  {
    'problem.unreadable': '{file}: cannot be read ({detail}); skipped.',
    'problem.json': '{file}: not valid JSON ({detail}); skipped.',
    'problem.field': '{file}: field "{field}" is missing or wrong; skipped.',
    'problem.notRecord': '{file}: not a session record; skipped.',
    'problem.newer':
      '{file}: written by a newer calmclient (record version {version}, this one reads version {supported}); skipped. Update calmclient to see it.',
    'session.unknown': 'no session "{id}"; "calmclient history" lists them',
    'session.ambiguous': '"{id}" matches several sessions: {ids}',
    'session.unreadable': 'session "{id}" cannot be read (see above)',
    'status.draft': 'unfinished draft',
    'status.open': 'open',
    'status.resolved': 'resolved',
    'status.escalated': 'escalated',
    'status.lost': 'lost',
    'status.done': 'done',
    'due.overdue': 'overdue',
    'due.due': 'due today',
  },
  {
    'problem.unreadable': '{file} : illisible ({detail}) ; ignoré.',
    'problem.json': '{file} : JSON invalide ({detail}) ; ignoré.',
    'problem.field': '{file} : champ « {field} » manquant ou incorrect ; ignoré.',
    'problem.notRecord': '{file} : ce n\'est pas un enregistrement de session ; ignoré.',
    'problem.newer':
      '{file} : écrit par une version plus récente de calmclient (enregistrement version {version}, celle-ci lit la version {supported}) ; ignoré. Mettez calmclient à jour pour le voir.',
    'session.unknown': 'aucune session « {id} » ; « calmclient history » les liste',
    'session.ambiguous': '« {id} » désigne plusieurs sessions : {ids}',
    'session.unreadable': 'la session « {id} » est illisible (voir ci-dessus)',
    'status.draft': 'brouillon inachevé',
    'status.open': 'ouverte',
    'status.resolved': 'résolue',
    'status.escalated': 'escaladée',
    'status.lost': 'perdue',
    'status.done': 'terminée',
    'due.overdue': 'en retard',
    'due.due': 'pour aujourd\'hui',
  },
);

export interface LoadedSessions<T extends Sortable = SessionRecord> {
  /** Newest first. */
  sessions: T[];
  problems: SessionProblem[];
}

type Sortable = Pick<SessionRecord, 'createdAt' | 'id'>;

/**
 * Every readable session, newest first; each unreadable one is reported on stderr by path and
 * skipped. `keep`, as readSessions takes it: what to keep of each record.
 */
export function loadSessions(root: string): LoadedSessions;
export function loadSessions<T extends Sortable>(root: string, keep: (record: SessionRecord) => T): LoadedSessions<T>;
export function loadSessions<T extends Sortable>(root: string, keep?: (record: SessionRecord) => T): LoadedSessions<T | SessionRecord> {
  const { sessions, problems } = keep ? readSessions(root, keep) : readSessions(root);
  for (const problem of problems) printWarning(describeProblem(problem));
  return { sessions: sessions.sort(newestFirst), problems };
}

function describeProblem(problem: SessionProblem): string {
  const file = displayPath(problem.file);
  switch (problem.kind) {
    case 'unreadable':
    case 'json':
      return m(`problem.${problem.kind}`, { file, detail: problem.detail });
    case 'field':
      return problem.field === '' ? m('problem.notRecord', { file }) : m('problem.field', { file, field: problem.field });
    case 'newer':
      return m('problem.newer', { file, version: problem.version, supported: SESSION_VERSION });
  }
}

function displayPath(file: string): string {
  const fromHere = relative(process.cwd(), file);
  return fromHere.startsWith('..') || fromHere === '' ? file : fromHere;
}

/** Timestamps and ids compare character by character: ISO timestamps then sort in time order. */
function newestFirst(a: Sortable, b: Sortable): number {
  return compareText(b.createdAt, a.createdAt) || compareText(b.id, a.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A session by its id, or by the start of its id when only one session starts that way. */
export function findSession({ sessions, problems }: LoadedSessions, ref: string): SessionRecord {
  const exact = sessions.find((session) => session.id === ref);
  if (exact) return exact;
  if (problems.some((problem) => basename(problem.file) === `${ref}.json`)) throw new UsageError(m('session.unreadable', { id: ref }));
  const matches = ref === '' ? [] : sessions.filter((session) => session.id.startsWith(ref));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) throw new UsageError(m('session.ambiguous', { id: ref, ids: matches.map((s) => s.id).join(', ') }));
  throw new UsageError(m('session.unknown', { id: ref }));
}

/** Names match whatever their case, accents, spacing or punctuation: `DUPONT & fils` is `Dupont & Fils`. */
export function sameClient(a: string, b: string): boolean {
  return slugify(a) === slugify(b);
}

export function statusLabel(status: SessionRecord['status'], lang?: Lang): string {
  return m(`status.${status}`, {}, lang);
}

export function dueLabel(due: Due, lang?: Lang): string {
  return m(`due.${due}`, {}, lang);
}

/** A stored date written out (`Tuesday 25 November 2026 at 10:00`), or the raw value if it is not one. */
export function writtenDate(value: string, lang: Lang = getLang()): string {
  const date = parseIso(value);
  return date ? formatDate(date, lang) : value;
}

/** `2026-11-25 10:00`: compact, for tables. */
export function shortDate(value: string): string {
  return value.replace('T', ' ');
}

/** The local calendar day a session was created on, `YYYY-MM-DD`. */
export function sessionDay(session: Pick<SessionRecord, 'createdAt'>): string {
  return toIso(todayOf(new Date(session.createdAt)));
}
