import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { sessionsDir } from '../paths.js';
import { KINDS, RECORD_STATUSES } from '../types.js';
import { namesIn, writeFileAtomic } from './files.js';
import type { SessionList } from './read-sessions.js';
import { isRecordName } from './record-file.js';
import type { SessionRecord } from './sessions.js';

/**
 * The summary index: what `history` shows of each session record, kept in `sessions/.index.json`
 * with the size, modification time and inode of the file it was taken from. `history` reads a
 * record again, and checks it against the schema, only when its file is new or no longer matches
 * its entry; the index is written again when anything changed. The records stay the truth: an
 * entry is used only while its file is there, unchanged, and a record that cannot be read is never
 * indexed (its problem is reported at every run). `forget` deletes the index with the records.
 *
 * Why: `history` over 5,000 records (scripts/bench.mjs's), with the index against the same build
 * reading every record, one hyperfine run, median of 20: 510 → 229 ms on Node 22, 276 → 189 ms
 * on Node 24, 555 → 370 ms on Node 20. It stats each record instead of reading and checking it.
 *
 * An entry matches its file by size, modification time and inode: calmclient replaces a record
 * by renaming a new file over it (a new inode); an edit by hand is seen by its time, unless it
 * keeps the size and lands within the file system's timestamp granularity of the last change.
 */

/** What `history` shows of a session: no answers, no file paths. */
export type SessionSummary = Pick<
  SessionRecord,
  'id' | 'kind' | 'status' | 'client' | 'createdAt' | 'updatedAt' | 'promise' | 'nextContact' | 'lesson' | 'followsUp' | 'followedUpAt'
>;

export function summaryOf(record: SessionRecord): SessionSummary {
  const { id, kind, status, client, createdAt, updatedAt, promise, nextContact, lesson, followsUp, followedUpAt } = record;
  return {
    id,
    kind,
    status,
    client,
    createdAt,
    updatedAt,
    // A record may carry more in `promise` (the schema keeps unknown keys): the summary keeps what it shows.
    ...(promise ? { promise: { what: promise.what, by: promise.by } } : {}),
    ...(nextContact !== undefined ? { nextContact } : {}),
    ...(lesson !== undefined ? { lesson } : {}),
    ...(followsUp !== undefined ? { followsUp } : {}),
    ...(followedUpAt !== undefined ? { followedUpAt } : {}),
  };
}

/**
 * Bumped whenever SessionSummary or the record schema changes: an index of another format is
 * dropped whole and made again from the records.
 */
export const INDEX_FORMAT = 1;

export const sessionIndexFile = (root: string): string => join(sessionsDir(root), '.index.json');

/** A record file as it was when its summary was taken. */
interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  summary: SessionSummary;
}

interface IndexFile {
  format: typeof INDEX_FORMAT;
  entries: Record<string, Entry>;
}

/**
 * Every session record's summary, as `readSessions` would give it, in the same order (by file
 * name), with the same problems; the index is brought up to date on the way (when it cannot be
 * written, as in a read-only data dir, the summaries are given all the same).
 */
export async function readSessionSummaries(root: string): Promise<SessionList<SessionSummary>> {
  const dir = sessionsDir(root);
  const names = namesIn(dir);
  if (names === undefined) return { sessions: [], problems: [] };
  const known = readIndex(root);
  const entries: Record<string, Entry> = {};
  let changed = false;
  let reader: typeof import('./read-sessions.js') | undefined;
  const list: SessionList<SessionSummary> = { sessions: [], problems: [] };
  for (const name of names.filter(isRecordName).sort()) {
    const file = join(dir, name);
    // Taken before the file is read: a record changed while it is read no longer matches its entry.
    const stats = statSync(file, { throwIfNoEntry: false });
    const entry = known.get(name);
    if (entry && stats && stats.isFile() && sameFile(entry, stats)) {
      list.sessions.push(entry.summary);
      entries[name] = entry;
      continue;
    }
    changed = true;
    // The reader of records, and zod with it, loads only when a record must be read.
    const { readSessionFile } = (reader ??= await import('./read-sessions.js'));
    const result = readSessionFile(dir, name);
    if ('problem' in result) {
      list.problems.push(result.problem);
      continue;
    }
    const summary = summaryOf(result.session);
    list.sessions.push(summary);
    if (stats?.isFile()) entries[name] = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, summary };
  }
  if (changed || Object.keys(entries).length !== known.size) writeIndex(root, { format: INDEX_FORMAT, entries });
  return list;
}

function sameFile(entry: Entry, stats: Stats): boolean {
  return entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ino === stats.ino;
}

/** The entries of the index; none when it is missing, damaged, or of another format. */
function readIndex(root: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(sessionIndexFile(root), 'utf8'));
  } catch {
    return entries;
  }
  if (!isObject(data) || data.format !== INDEX_FORMAT || !isObject(data.entries)) return entries;
  for (const [name, entry] of Object.entries(data.entries)) if (isEntry(entry, name)) entries.set(name, entry);
  return entries;
}

function writeIndex(root: string, index: IndexFile): void {
  try {
    writeFileAtomic(sessionIndexFile(root), JSON.stringify(index));
  } catch {
    // Only a faster next run is lost: the summaries come from the records.
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * An entry as calmclient writes it. Its summary was checked against the record schema when it was
 * taken; this only makes sure that a damaged index cannot hand `history` a value of the wrong type.
 */
function isEntry(value: unknown, name: string): value is Entry {
  if (!isObject(value) || typeof value.size !== 'number' || typeof value.mtimeMs !== 'number' || typeof value.ino !== 'number') return false;
  const summary = value.summary;
  if (!isObject(summary) || !isString(summary.id) || `${summary.id}.json` !== name) return false;
  const promise = summary.promise;
  return (
    (KINDS as readonly unknown[]).includes(summary.kind) &&
    (RECORD_STATUSES as readonly unknown[]).includes(summary.status) &&
    isString(summary.client) &&
    isString(summary.createdAt) &&
    isString(summary.updatedAt) &&
    (promise === undefined || (isObject(promise) && isString(promise.what) && isString(promise.by))) &&
    isOptionalString(summary.nextContact) &&
    isOptionalString(summary.lesson) &&
    isOptionalString(summary.followsUp) &&
    isOptionalString(summary.followedUpAt)
  );
}
