import { catalogue, t } from '../i18n/catalogue.js';
import { sessionsDir } from '../paths.js';
import { notWritable, writeFiles } from '../store/files.js';
import { lockSession, SessionLock, type LockOwner } from '../store/lock.js';
import { createSession, saveSession, type SessionRecord } from '../store/sessions.js';
import { toIso, todayOf } from '../dates/calendar.js';
import { isCalmError, UsageError } from '../errors.js';
import { inert } from '../text/inert.js';
import type { Lang, RenderedFile } from '../types.js';

/**
 * The record of one session as a run keeps it on disk: created under a fresh id the first time it
 * is saved (never over another record), saved again after each answer, locked while the run lasts
 * so that no other run writes it too, and listing its files before they exist.
 */

const m = catalogue({
  openElsewhere: {
    en: 'session {id} is open in another calmclient (process {pid} on {host}, since {since}): go on there, or stop that one first',
    fr: 'la session {id} est ouverte dans un autre calmclient (processus {pid} sur {host}, depuis {since}) : continuez là-bas, ou arrêtez-le d\'abord',
  },
  draftNotSaved: {
    en: '{problem}. Your answers up to the previous step are saved in session {id}: once the folder is fixed, go on with: calmclient {command} --resume {id}',
    fr: '{problem}. Vos réponses jusqu\'à l\'étape précédente sont enregistrées dans la session {id} : une fois le dossier réparé, reprenez avec : calmclient {command} --resume {id}',
  },
  answersKept: {
    en: '{problem}. Your answers are saved in session {id}: once the folder is fixed, write the documents with: calmclient {command} --resume {id}',
    fr: '{problem}. Vos réponses sont enregistrées dans la session {id} : une fois le dossier réparé, écrivez les documents avec : calmclient {command} --resume {id}',
  },
});

/** The commands that write a session's record. */
export type RecordCommand = 'start' | 'checklist' | 'followup' | 'recap';

/** `2026-11-22 14:05`, local time: when a lock was taken. */
function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${toIso(todayOf(date))} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The refusal of a session another run holds. */
export function openElsewhere(id: string, owner: LockOwner, lang: Lang): UsageError {
  return new UsageError(
    t(m.openElsewhere, lang, { id, pid: owner.pid, host: inert(owner.host || '?'), since: owner.since ? localTime(owner.since) : '?' }),
  );
}

/** Takes an existing session for this run, or says who has it. */
export function takeSession(root: string, id: string, command: RecordCommand, lang: Lang): SessionLock {
  let lock: SessionLock | LockOwner;
  try {
    lock = lockSession(root, id, command);
  } catch (error) {
    // The lock is the first thing a resumed run writes: a full disk or a read-only folder shows here.
    throw notWritable(sessionsDir(root), error, lang);
  }
  if (lock instanceof SessionLock) return lock;
  throw openElsewhere(id, lock, lang);
}

export class RecordKeeper {
  private lock: SessionLock | undefined;
  private saved: boolean;

  /**
   * `exists`: the record is on disk already (a resumed draft, a session `recap` writes for), and
   * `lock` the lock the run took on it; a new session gets both when it is first saved.
   */
  constructor(
    readonly root: string,
    readonly session: SessionRecord,
    readonly command: RecordCommand,
    readonly lang: Lang,
    options: { exists: boolean; lock?: SessionLock | undefined },
  ) {
    this.saved = options.exists;
    this.lock = options.lock;
  }

  /** Whether the record is on disk: something of the session can be resumed. */
  get exists(): boolean {
    return this.saved;
  }

  /** Saves the record as it now is; a folder that refuses it is a UsageError naming the folder and why. */
  save(): void {
    try {
      if (this.saved) saveSession(this.root, this.session);
      else {
        this.lock = createSession(this.root, this.session, this.command);
        this.saved = true;
      }
    } catch (error) {
      throw notWritable(sessionsDir(this.root), error, this.lang);
    }
    this.lock?.refresh();
  }

  /** Saves a draft after an answer; a failure says what is kept, and how to go on once the folder is fixed. */
  saveDraft(): void {
    try {
      this.save();
    } catch (error) {
      if (!(error instanceof UsageError) || !this.saved || this.command === 'recap') throw error;
      throw new UsageError(t(m.draftNotSaved, this.lang, { problem: error.message, id: this.session.id, command: this.command }));
    }
  }

  /**
   * Writes files for the session, all or none and with one number (store/files.ts `writeFiles`),
   * after listing them in the record: a document never exists that no record names. On a
   * failure the record lists only what it listed before.
   */
  writeFiles<T extends Record<string, RenderedFile | undefined>>(dir: string, files: T): ReturnType<typeof writeFiles<T>> {
    const before = this.session.written ?? Object.values(this.session.files).filter((path): path is string => typeof path === 'string');
    let reserved = false;
    try {
      return writeFiles(dir, files, this.lang, (paths) => {
        this.session.written = [...new Set([...before, ...paths])];
        this.save();
        reserved = true;
      });
    } catch (error) {
      if (reserved) {
        this.session.written = before;
        try {
          this.save();
        } catch {
          // The paths stay listed: at worst `forget` looks for files that were never made.
        }
      }
      if (isCalmError(error) && reserved) throw this.answersKept(error);
      throw error;
    }
  }

  /** `problem`, and how to write the documents once the folder is fixed: the draft on disk holds every answer. */
  answersKept(problem: Error): Error {
    if (this.command === 'recap' || this.session.status !== 'draft' || !this.saved) return problem;
    return new UsageError(t(m.answersKept, this.lang, { problem: problem.message, id: this.session.id, command: this.command }));
  }

  /** Gives the session back to other runs. */
  release(): void {
    this.lock?.release();
    this.lock = undefined;
  }
}
