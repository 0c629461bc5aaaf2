import { basename, relative } from 'node:path';
import { todayOf, toIso } from '../dates/calendar.js';
import { UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { sameClientName } from '../text/client-name.js';
import type { Lang } from '../types.js';
import { specialKindWords } from '../user-files.js';
import { readSessions, type SessionProblem } from './read-sessions.js';
import { SESSION_VERSION, type SessionRecord } from './sessions.js';

/** Reading and finding saved sessions, for every command that looks back at them. */

const m = catalogue({
  unreadable: { en: '{file}: cannot be read ({detail}); skipped.', fr: '{file} : illisible ({detail}) ; ignoré.' },
  json: { en: '{file}: not valid JSON ({detail}); skipped.', fr: '{file} : JSON invalide ({detail}) ; ignoré.' },
  field: {
    en: '{file}: field "{field}" is missing or wrong; skipped.',
    fr: '{file} : champ « {field} » manquant ou incorrect ; ignoré.',
  },
  notRecord: {
    en: '{file}: not a session record; skipped.',
    fr: '{file} : ce n\'est pas un enregistrement de session ; ignoré.',
  },
  newer: {
    en: '{file}: written by a newer calmclient (record version {version}, this one reads version {supported}); skipped. Update calmclient to see it.',
    fr: '{file} : écrit par une version plus récente de calmclient (enregistrement version {version}, celle-ci lit la version {supported}) ; ignoré. Mettez calmclient à jour pour le voir.',
  },
  special: {
    en: '{file}: not a regular file ({what}); skipped without reading it.',
    fr: '{file} : ce n\'est pas un fichier ordinaire ({what}) ; ignoré sans être lu.',
  },
  tooBig: {
    en: '{file}: larger than {size} MiB, far beyond any session record; skipped.',
    fr: '{file} : plus de {size} Mio, bien au-delà de tout enregistrement de session ; ignoré.',
  },
  unknown: { en: 'no session "{id}"; "calmclient history" lists them', fr: 'aucune session « {id} » ; « calmclient history » les liste' },
  ambiguous: { en: '"{id}" matches several sessions: {ids}', fr: '« {id} » désigne plusieurs sessions : {ids}' },
  sessionUnreadable: {
    en: 'session "{id}" cannot be read (see above)',
    fr: 'la session « {id} » est illisible (voir ci-dessus)',
  },
});

export interface LoadedSessions<T extends Sortable = SessionRecord> {
  /** Newest first. */
  sessions: T[];
  problems: SessionProblem[];
}

type Sortable = Pick<SessionRecord, 'createdAt' | 'id'>;

/**
 * Every readable session, newest first, and the problems of those that could not be read.
 * `keep`, as readSessions takes it: what to keep of each record.
 */
export function loadSessions(root: string): LoadedSessions;
export function loadSessions<T extends Sortable>(root: string, keep: (record: SessionRecord) => T): LoadedSessions<T>;
export function loadSessions<T extends Sortable>(root: string, keep?: (record: SessionRecord) => T): LoadedSessions<T | SessionRecord> {
  const { sessions, problems } = keep ? readSessions(root, keep) : readSessions(root);
  return { sessions: sessions.sort(newestFirst), problems };
}

/** A record that could not be read, said for the person whose data it is. */
export function describeProblem(problem: SessionProblem, lang: Lang): string {
  const file = displayPath(problem.file);
  switch (problem.kind) {
    case 'unreadable':
      return t(m.unreadable, lang, { file, detail: problem.detail });
    case 'json':
      return t(m.json, lang, { file, detail: problem.detail });
    case 'field':
      return problem.field === '' ? t(m.notRecord, lang, { file }) : t(m.field, lang, { file, field: problem.field });
    case 'newer':
      return t(m.newer, lang, { file, version: problem.version, supported: SESSION_VERSION });
    case 'special':
      return t(m.special, lang, { file, what: specialKindWords(problem.what, lang) });
    case 'tooBig':
      return t(m.tooBig, lang, { file, size: Math.round(problem.limit / (1024 * 1024)) });
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
export function findSession({ sessions, problems }: LoadedSessions, ref: string, lang: Lang): SessionRecord {
  const exact = sessions.find((session) => session.id === ref);
  if (exact) return exact;
  if (problems.some((problem) => basename(problem.file) === `${ref}.json`)) throw new UsageError(t(m.sessionUnreadable, lang, { id: ref }));
  const matches = ref === '' ? [] : sessions.filter((session) => session.id.startsWith(ref));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) throw new UsageError(t(m.ambiguous, lang, { id: ref, ids: matches.map((s) => s.id).join(', ') }));
  throw new UsageError(t(m.unknown, lang, { id: ref }));
}

/**
 * Whether a session's recorded client is the client named: the same text once in Unicode NFC and
 * case folded (`DUPONT & fils` is `Dupont & Fils`; `Газпром` is only `Газпром`). See client-name.ts.
 */
export function sameClient(a: string, b: string): boolean {
  return sameClientName(a, b);
}

/** The local calendar day a session was created on, `YYYY-MM-DD`. */
export function sessionDay(session: Pick<SessionRecord, 'createdAt'>): string {
  return toIso(todayOf(new Date(session.createdAt)));
}
