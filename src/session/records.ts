import { loadSessions, type LoadedSessions } from '../store/session-list.js';
import { describeProblem } from '../store/session-problems.js';
import type { SessionRecord } from '../store/sessions.js';
import { printWarning } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { tightenDataDir } from './data-dir.js';

/**
 * The saved sessions, newest first, for a command that shows them: each record that cannot be
 * read is named on stderr, and skipped. The data folders are made private again first, if they
 * were left open (see data-dir.ts).
 */
export function readRecords(root: string, lang: Lang): LoadedSessions;
export function readRecords<T extends Pick<SessionRecord, 'createdAt' | 'id'>>(
  root: string,
  lang: Lang,
  keep: (record: SessionRecord) => T,
): LoadedSessions<T>;
export function readRecords<T extends Pick<SessionRecord, 'createdAt' | 'id'>>(
  root: string,
  lang: Lang,
  keep?: (record: SessionRecord) => T,
): LoadedSessions<T | SessionRecord> {
  tightenDataDir(root, lang);
  const loaded = keep ? loadSessions(root, keep) : loadSessions(root);
  for (const problem of loaded.problems) printWarning(describeProblem(problem, lang));
  return loaded;
}
