import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { toIso, todayOf } from '../dates/calendar.js';
import { slugify } from '../text/slug.js';
import { ensurePrivateDir, writeFileAtomic, writeFileIfAbsent } from './files.js';
import { sessionsDir } from '../paths.js';
import type { Lang, PlaybookKind, RecordStatus } from '../types.js';
import { lockSession, SessionLock, type LockOwner } from './lock.js';

export const SESSION_VERSION = 1;

/** One run of a playbook, saved as `sessions/<id>.json` in the data dir. */
export interface SessionRecord {
  version: typeof SESSION_VERSION;
  id: string;
  kind: PlaybookKind;
  /** `draft` until the documents are written; a checklist is `done` once its documents are. */
  status: RecordStatus;
  client: string;
  lang: Lang;
  playbook: { id: string; source: string };
  createdAt: string;
  updatedAt: string;
  answers: Answers;
  /** What was promised and by when (ISO date), when the playbook says which steps hold it. */
  promise?: { what: string; by: string } | undefined;
  /** The next time to contact the client (ISO date, with a time when one was given). */
  nextContact?: string | undefined;
  lesson?: string | undefined;
  /** On a follow-up: the id of the crisis session it follows up. */
  followsUp?: string | undefined;
  /** On a crisis session: when it was last followed up (an ISO timestamp). */
  followedUpAt?: string | undefined;
  /** Values the command added to the templates (`mission`, `promise`…), so `recap` renders the same documents. */
  templateValues?: Record<string, string> | undefined;
  /**
   * The e-mail draft as the user edited it in their editor at the review, when they did: the
   * documents are written with it, and a later review (`--resume ID`) starts from it.
   */
  editedEmail?: string | undefined;
  /**
   * Files written before the session was amended (`start --resume ID` on a finished session):
   * kept on disk, never overwritten; `forget` deletes them with the rest.
   */
  previousFiles?: string[] | undefined;
  /** `eml`: the e-mail draft as a message file (`start --format eml|both`). */
  files: { recap?: string | undefined; email?: string | undefined; eml?: string | undefined; calendar?: string | undefined };
  /**
   * Every file ever written for the session, by absolute path: its documents, and the copies
   * `recap ID` wrote. A path is listed before its file is created, so that no document exists
   * that no record names (`forget` deletes them all). Records written before this field existed
   * have only `files`.
   */
  written?: string[] | undefined;
  /** What was typed into a step before the run was stopped (Ctrl-C, a signal), offered again on `--resume`. */
  partial?: { step: string; text: string } | undefined;
}

export function newSessionId(client: string, now: Date): string {
  return `${toIso(todayOf(now))}-${slugify(client)}-${randomBytes(2).toString('hex')}`;
}

/** Where a session's record lives: `sessions/<id>.json` (ids are slugs, see `newSessionId`). */
export function sessionPath(root: string, id: string): string {
  return join(sessionsDir(root), `${id}.json`);
}

function serialise(record: SessionRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Rewrites the record of a session that exists (atomically). */
export function saveSession(root: string, record: SessionRecord): string {
  ensurePrivateDir(sessionsDir(root));
  const path = sessionPath(root, record.id);
  writeFileAtomic(path, serialise(record));
  return path;
}

/**
 * Saves a new session's record under a fresh id, never over another record: the id is locked, then
 * the file created only if no file has its name; if either is taken (a run at the same moment, or
 * one of the 65,536 ids of a client's day already used), another id is drawn. Sets `record.id`, and
 * returns the lock the session now holds (see lock.ts).
 */
export function createSession(root: string, record: SessionRecord, command: string, now = new Date()): SessionLock {
  ensurePrivateDir(sessionsDir(root));
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) record.id = newSessionId(record.client, new Date(record.createdAt));
    const lock = lockSession(root, record.id, command, now);
    if (!(lock instanceof SessionLock)) {
      if (attempt >= 10_000) throw Object.assign(new Error(`no free session id for ${record.id}`), { code: 'EEXIST' });
      continue;
    }
    try {
      if (writeFileIfAbsent(sessionPath(root, record.id), serialise(record))) return lock;
    } catch (error) {
      lock.release();
      throw error;
    }
    lock.release();
    if (attempt >= 10_000) throw Object.assign(new Error(`no free session id for ${record.id}`), { code: 'EEXIST' });
  }
}

export type { LockOwner };
