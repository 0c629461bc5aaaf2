import { NotRegularFileError, readBounded, TooLargeError, type SpecialKind } from '../user-files.js';

/**
 * Reading one session record's file, apart from checking what it holds (read-sessions.ts): only a
 * regular file is read (a FIFO dropped in `sessions/` would make `history` wait forever, a link to
 * `/dev/zero` fill the memory), and no more than MAX_RECORD_BYTES of it, counted as it is read.
 */

/** Far beyond any record: answers are at most 200,000 characters each (engine/answers.ts). */
export const MAX_RECORD_BYTES = 32 * 1024 * 1024;

/** A record file refused before it was parsed. */
export type RecordFileProblem = { file: string; kind: 'special'; what: SpecialKind } | { file: string; kind: 'tooBig'; limit: number };

export function readRecordText(file: string): string {
  return readBounded(file, MAX_RECORD_BYTES).toString('utf8');
}

/** The problem to report for an error of `readRecordText`, or undefined for an error of another kind. */
export function recordFileProblem(file: string, error: unknown): RecordFileProblem | undefined {
  if (error instanceof NotRegularFileError) return { file, kind: 'special', what: error.kind };
  if (error instanceof TooLargeError) return { file, kind: 'tooBig', limit: error.limit };
  return undefined;
}

/**
 * Whether a file of `sessions/` holds a record: `<id>.json`. Names starting with a dot are
 * writeFileAtomic's temporary files, and the summary index (session-index.ts).
 */
export function isRecordName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}
