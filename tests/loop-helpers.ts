import ICAL from 'ical.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES, runInProcess, type CliResult } from './helpers.js';

/** Helpers for the end-to-end tests of checklist, followup, history, show, recap and lessons. */

export const answers = (name: string): string => join(FIXTURES, 'answers', name);

export type StoredRecord = Record<string, unknown> & {
  id: string;
  kind: string;
  status: string;
  client: string;
  createdAt: string;
  nextContact?: string;
  promise?: { what: string; by: string };
  lesson?: string;
  followsUp?: string;
  followedUpAt?: string;
  templateValues?: Record<string, string>;
  files: { recap?: string; email?: string; calendar?: string };
};

export function records(home: string): StoredRecord[] {
  const dir = join(home, 'sessions');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoredRecord);
}

export function record(home: string, id: string): StoredRecord {
  return JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8')) as StoredRecord;
}

/** Edits a saved record in place, as only a test may: to put its dates in the past, say. */
export function rewriteRecord(home: string, id: string, patch: Partial<StoredRecord>): void {
  writeFileSync(join(home, 'sessions', `${id}.json`), JSON.stringify({ ...record(home, id), ...patch }, null, 2));
}

/** Runs a command (in-process) that must succeed, and returns what it printed. */
export async function ok(args: string[], home: string, env?: NodeJS.ProcessEnv): Promise<CliResult> {
  const result = await runInProcess(args, { home, ...(env ? { env } : {}) });
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result;
}

/** The id in `Session ID saved.`, `Checklist ID saved.`, `Follow-up ID saved.` (or their French forms). */
export function savedId(stdout: string): string {
  const id = /(?:Session|Checklist|Follow-up|Suivi) (\S+) (?:saved|enregistrée?)\./.exec(stdout)?.[1];
  if (!id) throw new Error(`no session id in:\n${stdout}`);
  return id;
}

/** The one event of an .ics file, read by ical.js. */
export function calendarEvent(path: string): ICAL.Event {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error(`no VEVENT in ${path}`);
  return new ICAL.Event(vevent);
}
