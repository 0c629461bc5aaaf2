import { lstatSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { recapsDir, sessionsDir } from '../paths.js';
import { legacySlug, slugify } from '../text/slug.js';
import { tempTarget } from './files.js';
import type { SessionProblem } from './read-sessions.js';
import { sessionPath, type SessionRecord } from './sessions.js';

/**
 * Everything calmclient holds about one client, for `forget`: the records of the client's sessions
 * (chosen by the client's name as recorded, never by a file name), every file those records list,
 * and what killed runs left about the client (temporary files, locks, a record that cannot be read
 * any more but whose name says whose it is).
 */

export interface ClientFiles {
  /** The names the client's sessions were recorded under (`Dupont`, `DUPONT`). */
  names: string[];
  /** Session records, `sessions/<id>.json`. */
  records: string[];
  /** Documents the records list and that are still there. */
  documents: string[];
  /** Temporary files, locks and unreadable records of the client. */
  leftovers: string[];
  /** Listed files left alone: not named the way calmclient names a client's files (a record edited by hand). */
  refused: string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `YYYY-MM-DD-<slug>-abcd`: the ids calmclient gives the client's sessions (the slug is the client's alone). */
function idPattern(client: string): RegExp {
  return new RegExp(`^\\d{4}-\\d{2}-\\d{2}-${escape(slugify(client))}-[0-9a-f]{4}$`, 'u');
}

/**
 * Whether `path` is named as calmclient names a document of `client`: the day, then the client's
 * slug (today's, or the one calmclient 0.1 gave), then the rest. So a record edited to point at
 * any other file cannot make `forget` delete it.
 */
export function namedForClient(path: string, client: string): boolean {
  const name = basename(path);
  return [slugify(client), legacySlug(client)].some((slug) => new RegExp(`^\\d{4}-\\d{2}-\\d{2}-${escape(slug)}[-.]`, 'u').test(name));
}

function isFile(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every path a record names as one of its files, those of before it was amended included. */
export function listedFiles(session: Pick<SessionRecord, 'files' | 'written' | 'previousFiles'>): string[] {
  const files = Object.values(session.files).filter((path): path is string => typeof path === 'string');
  return [...new Set([...files, ...(session.written ?? []), ...(session.previousFiles ?? [])])];
}

/**
 * What `forget` deletes for `client`, given the sessions recorded for that client (`sessions`,
 * chosen with sameClient) and the records that could not be read (`problems`).
 */
export function clientFiles(root: string, client: string, sessions: readonly SessionRecord[], problems: readonly SessionProblem[]): ClientFiles {
  const ids = idPattern(client);
  const ownIds = new Set(sessions.map((session) => session.id));
  const isClientId = (id: string): boolean => ownIds.has(id) || ids.test(id);

  const records = sessions.map((session) => sessionPath(root, session.id));
  const documents: string[] = [];
  const refused: string[] = [];
  const folders = new Set([sessionsDir(root), recapsDir(root)]);
  /** The names of the documents in each folder, to find their temporary files. */
  const documentNames = new Set<string>();
  for (const session of sessions) {
    for (const path of listedFiles(session)) {
      folders.add(dirname(path));
      if (!namedForClient(path, session.client)) {
        if (isFile(path)) refused.push(path);
        continue;
      }
      documentNames.add(path);
      if (isFile(path)) documents.push(path);
    }
  }

  const leftovers: string[] = [];
  // A record of the client's that cannot be read any more: its name says whose it is.
  for (const problem of problems) if (isClientId(basename(problem.file, '.json')) && isFile(problem.file)) leftovers.push(problem.file);
  for (const folder of folders) {
    for (const name of entries(folder)) {
      const path = join(folder, name);
      const target = tempTarget(name);
      const ours =
        target !== undefined
          ? documentNames.has(join(folder, target)) || (folder === sessionsDir(root) && target.endsWith('.json') && isClientId(target.slice(0, -5)))
          : folder === sessionsDir(root) && isClientLock(name, isClientId);
      if (ours && isFile(path)) leftovers.push(path);
    }
  }
  const names = [...new Set(sessions.map((session) => session.client))];
  return { names, records, documents: [...new Set(documents)], leftovers: [...new Set(leftovers)], refused: [...new Set(refused)] };
}

/** `<id>.lock`, or a lock moved aside while it was taken over (`<id>.lock.abcd1234.stale`). */
function isClientLock(name: string, isClientId: (id: string) => boolean): boolean {
  const match = /^(.+)\.lock(?:\.[0-9a-f]{8}\.stale)?$/s.exec(name);
  return match !== null && isClientId(match[1] ?? '');
}

