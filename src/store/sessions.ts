import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { toIso, todayOf } from '../engine/dates.js';
import type { Lang, PlaybookKind, SessionStatus } from '../playbook/schema.js';
import { slugify } from '../render/slug.js';
import { ensurePrivateDir, writeFileAtomic } from './files.js';
import { sessionsDir } from './paths.js';

export const SESSION_VERSION = 1;

/** One run of a playbook, saved as `sessions/<id>.json` in the data dir. */
export interface SessionRecord {
  version: typeof SESSION_VERSION;
  id: string;
  kind: PlaybookKind;
  /** `draft` until the documents are written. */
  status: SessionStatus | 'draft';
  client: string;
  lang: Lang;
  playbook: { id: string; source: string };
  createdAt: string;
  updatedAt: string;
  answers: Answers;
  /** What was promised and by when (ISO date), when the playbook says which steps hold it. */
  promise?: { what: string; by: string };
  /** The next time to contact the client (ISO date, with a time when one was given). */
  nextContact?: string;
  lesson?: string;
  files: { recap?: string; email?: string };
}

export function newSessionId(client: string, now: Date): string {
  return `${toIso(todayOf(now))}-${slugify(client)}-${randomBytes(2).toString('hex')}`;
}

export function saveSession(root: string, record: SessionRecord): string {
  const dir = sessionsDir(root);
  ensurePrivateDir(dir);
  const path = join(dir, `${record.id}.json`);
  writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}

