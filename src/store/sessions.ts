import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { toIso, todayOf } from '../dates/calendar.js';
import { slugify } from '../text/slug.js';
import { ensurePrivateDir, writeFileAtomic } from './files.js';
import { sessionsDir } from '../paths.js';
import type { Lang, PlaybookKind, RecordStatus } from '../types.js';

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
  /** `eml`: the e-mail draft as a message file (`start --format eml|both`). */
  files: { recap?: string | undefined; email?: string | undefined; eml?: string | undefined; calendar?: string | undefined };
}

export function newSessionId(client: string, now: Date): string {
  return `${toIso(todayOf(now))}-${slugify(client)}-${randomBytes(2).toString('hex')}`;
}

/** Where a session's record lives: `sessions/<id>.json` (ids are slugs, see `newSessionId`). */
export function sessionPath(root: string, id: string): string {
  return join(sessionsDir(root), `${id}.json`);
}

export function saveSession(root: string, record: SessionRecord): string {
  ensurePrivateDir(sessionsDir(root));
  const path = sessionPath(root, record.id);
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}
