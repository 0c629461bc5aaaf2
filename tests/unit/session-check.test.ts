import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionsDir } from '../../src/paths.js';
import { readSessions } from '../../src/store/read-sessions.js';
import { sessionRecordSchema } from '../../src/store/session-schema.js';
import { sessionRecord, tempDir } from '../helpers.js';

/** A record as `start` writes it; each test changes one thing. */
const RECORD = sessionRecord('2026-11-22-dupont-fils-3f9a');

const accepts = (record: unknown): boolean => sessionRecordSchema.safeParse(record).success;

/** What readSessions says of one record, saved under its id. */
function problemWith(record: Record<string, unknown>): string | undefined {
  const root = tempDir();
  mkdirSync(sessionsDir(root), { recursive: true });
  writeFileSync(join(sessionsDir(root), `${RECORD.id}.json`), JSON.stringify(record));
  const [problem] = readSessions(root).problems;
  return problem?.kind === 'field' ? problem.field : problem?.kind;
}

describe('the session record format', () => {
  it('takes stored dates that exist, with a time when one was given', () => {
    for (const date of ['2026-11-25', '2026-11-25T09:30', '2024-02-29', '2026-12-31T23:59']) expect(accepts({ ...RECORD, nextContact: date }), date).toBe(true);
    for (const date of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-11-25T24:00', '2026-11-25T23:60', '2026-11-25T10:00Z', '2026-11-25T10:00:00', '25/11/2026', ''])
      expect(accepts({ ...RECORD, nextContact: date }), date).toBe(false);
  });

  it('takes timestamps in UTC, as toISOString writes them', () => {
    for (const stamp of ['2026-11-22T09:00:00.000Z', '2026-11-22T09:00:00Z']) expect(accepts({ ...RECORD, updatedAt: stamp }), stamp).toBe(true);
    for (const stamp of ['2026-11-22T09:00:00.000+01:00', '2026-11-22T09:00', '2026-11-22', '2026-02-30T09:00:00.000Z'])
      expect(accepts({ ...RECORD, updatedAt: stamp }), stamp).toBe(false);
  });

  it('refuses what is not a record at all', () => {
    for (const value of [null, [], 'text', 42, true]) expect(accepts(value)).toBe(false);
  });

  it('keeps the fields a later calmclient may add, in the record and in its files', () => {
    const enriched = { ...RECORD, mood: 'calm', files: { ...RECORD.files, pdf: '/r.pdf' } };
    expect(sessionRecordSchema.parse(enriched)).toEqual(enriched);
  });
});

describe('readSessions names the wrong field by its dotted path', () => {
  it.each([
    ['a missing field', { ...RECORD, status: undefined }, 'status'],
    ['a status it does not know', { ...RECORD, status: 'pending' }, 'status'],
    ['a nested date', { ...RECORD, promise: { what: 'Fix it', by: '2026-02-30' } }, 'promise.by'],
    ['a missing nested field', { ...RECORD, playbook: { id: 'crisis' } }, 'playbook.source'],
    ['an answer of the wrong type', { ...RECORD, answers: { tone: 3 } }, 'answers.tone'],
    ['a file path of the wrong type', { ...RECORD, files: { recap: ['/a', '/b'] } }, 'files.recap'],
    ['an id with a folder in it', { ...RECORD, id: '../elsewhere' }, 'id'],
    ['a newer version', { ...RECORD, version: 2 }, 'newer'],
    ['a version it never wrote', { ...RECORD, version: 0 }, 'version'],
  ])('%s', (_what, record, field) => {
    expect(problemWith(record)).toBe(field);
  });

  it('and reads a good record without a problem', () => {
    expect(problemWith({ ...RECORD })).toBeUndefined();
  });
});
