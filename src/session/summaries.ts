import type { LoadedSessions } from '../store/session-list.js';
import { readSessionSummaries, type SessionSummary } from '../store/session-index.js';
import { newestFirst } from '../store/session-order.js';
import { describeProblem } from '../store/session-problems.js';
import { printWarning } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { tightenDataDir } from './data-dir.js';

/**
 * What `history` shows of every session, newest first, through the summary index
 * (store/session-index.ts): records.ts's `readRecords` for summaries, which reads (and loads zod
 * for) only the records that are new or changed. Each record that cannot be read is named on
 * stderr, and skipped.
 */
export async function readSummaries(root: string, lang: Lang): Promise<LoadedSessions<SessionSummary>> {
  tightenDataDir(root, lang);
  const { sessions, problems } = await readSessionSummaries(root);
  for (const problem of problems) printWarning(describeProblem(problem, lang));
  return { sessions: sessions.sort(newestFirst), problems };
}
