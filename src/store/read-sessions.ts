import { join } from 'node:path';
import { sessionsDir } from '../paths.js';
import { namesIn } from './files.js';
import { sessionRecordSchema } from './session-schema.js';
import { SESSION_VERSION, type SessionRecord } from './sessions.js';
import { isRecordName, readRecordText, recordFileProblem, type RecordFileProblem } from './record-file.js';

/**
 * Reading session records back, each checked against the format (the zod schema of
 * session-schema.ts), apart from saving them (sessions.ts): only the commands that read records
 * load zod.
 */

/** A record that could not be read; the others are read all the same. */
export type SessionProblem =
  | { file: string; kind: 'unreadable' | 'json'; detail: string }
  /** `field` is a dotted path, empty when the file holds no record at all (`[]`, `"text"`). */
  | { file: string; kind: 'field'; field: string }
  | { file: string; kind: 'newer'; version: number }
  /** Not a regular file, or too large: refused before it is read (record-file.ts). */
  | RecordFileProblem;

export interface SessionList<T = SessionRecord> {
  sessions: T[];
  problems: SessionProblem[];
}

/**
 * Every session record in the data dir, in no particular order; a bad record is a problem, never an
 * exception. `keep` takes from each record what the caller needs, as soon as it is read: over
 * thousands of records, what is not kept is little work for the garbage collector, what is kept much.
 */
export function readSessions(root: string): SessionList;
export function readSessions<T>(root: string, keep: (record: SessionRecord) => T): SessionList<T>;
export function readSessions<T>(root: string, keep?: (record: SessionRecord) => T): SessionList<T | SessionRecord> {
  const dir = sessionsDir(root);
  const names = namesIn(dir);
  if (names === undefined) return { sessions: [], problems: [] };
  const list: SessionList<T | SessionRecord> = { sessions: [], problems: [] };
  for (const name of names.filter(isRecordName).sort()) {
    const result = readSessionFile(dir, name);
    if ('problem' in result) list.problems.push(result.problem);
    else list.sessions.push(keep ? keep(result.session) : result.session);
  }
  return list;
}

/** The record in `dir/name`, read and checked, or what is wrong with it. */
export function readSessionFile(dir: string, name: string): { session: SessionRecord } | { problem: SessionProblem } {
  const file = join(dir, name);
  let text: string;
  try {
    text = readRecordText(file);
  } catch (error) {
    const refused = recordFileProblem(file, error);
    if (refused) return { problem: refused };
    return { problem: { file, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: { file, kind: 'json', detail: error instanceof Error ? error.message : String(error) } };
  }
  const version = data !== null && typeof data === 'object' ? (data as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > SESSION_VERSION) return { problem: { file, kind: 'newer', version } };
  const checked = sessionRecordSchema.safeParse(data);
  // The dotted path of the first wrong field (`promise.by`); empty when the file holds no record at all.
  if (!checked.success) return { problem: { file, kind: 'field', field: checked.error.issues[0]?.path.join('.') ?? '' } };
  // The id names the file: a follow-up rewrites the crisis record at `<id>.json`, never elsewhere.
  if (`${checked.data.id}.json` !== name) return { problem: { file, kind: 'field', field: 'id' } };
  return { session: checked.data };
}
