import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { sameClientName } from '../text/client-name.js';
import type { Lang } from '../types.js';
import { readSessions, type SessionProblem } from './read-sessions.js';
import { newestFirst, type Sortable } from './session-order.js';
import type { SessionRecord } from './sessions.js';

/** Reading and finding saved sessions, for every command that looks back at them. */

const m = catalogue({
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
