import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionsDir } from '../../src/paths.js';
import { readSessions } from '../../src/store/read-sessions.js';
import { saveSession } from '../../src/store/sessions.js';
import { sessionRecord, tempDir } from '../helpers.js';

const base = tempDir();
/** A data dir of its own for each test, inside one temporary folder removed at the end. */
const freshRoot = (): string => mkdtempSync(join(base, 'home-'));


function writeRaw(root: string, name: string, contents: string): string {
  const dir = sessionsDir(root);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, contents);
  return file;
}

describe('readSessions', () => {
  it('reads back what saveSession wrote, in a private file', () => {
    const root = freshRoot();
    const saved = sessionRecord('2026-11-22-dupont-fils-0001');
    const path = saveSession(root, saved);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readSessions(root)).toEqual({ sessions: [saved], problems: [] });
  });

  it('finds nothing, and no problem, when no session was ever saved', () => {
    expect(readSessions(freshRoot())).toEqual({ sessions: [], problems: [] });
  });

  it('reports each bad record by path and still reads the good ones', () => {
    const root = freshRoot();
    saveSession(root, sessionRecord('good'));
    const truncated = writeRaw(root, 'truncated.json', '{"version": 1, "id": "trunc');
    const noStatus = writeRaw(root, 'no-status.json', JSON.stringify({ ...sessionRecord('no-status'), status: undefined }));
    const badDate = writeRaw(root, 'bad-date.json', JSON.stringify(sessionRecord('bad-date', { nextContact: '2026-02-30' })));
    const notRecord = writeRaw(root, 'list.json', '[1, 2, 3]');
    const renamed = writeRaw(root, 'renamed.json', JSON.stringify(sessionRecord('another-id')));
    const { sessions, problems } = readSessions(root);
    expect(sessions.map((session) => session.id)).toEqual(['good']);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: truncated, kind: 'json', detail: expect.any(String) },
        { file: noStatus, kind: 'field', field: 'status' },
        { file: badDate, kind: 'field', field: 'nextContact' },
        { file: notRecord, kind: 'field', field: '' },
        { file: renamed, kind: 'field', field: 'id' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('skips a record of a newer version with its version, rather than misreading it', () => {
    const root = freshRoot();
    const newer = writeRaw(root, 'future.json', JSON.stringify({ version: 2, id: 'future', shape: 'unknown' }));
    expect(readSessions(root)).toEqual({ sessions: [], problems: [{ file: newer, kind: 'newer', version: 2 }] });
  });

  it('ignores temporary files of an interrupted atomic write and files that are not JSON', () => {
    const root = freshRoot();
    saveSession(root, sessionRecord('kept'));
    writeRaw(root, '.kept.json.1234.abcd.tmp', '{');
    writeRaw(root, '.hidden.json', '{');
    writeRaw(root, 'notes.txt', 'hello');
    expect(readSessions(root)).toEqual({ sessions: [sessionRecord('kept')], problems: [] });
  });

  it('gives back what `keep` takes of each record, and still reports the bad ones', () => {
    const root = freshRoot();
    saveSession(root, sessionRecord('first', { client: 'Martin' }));
    const broken = writeRaw(root, 'broken.json', '{');
    const { sessions, problems } = readSessions(root, ({ id, client }) => ({ id, client }));
    expect(sessions).toEqual([{ id: 'first', client: 'Martin' }]);
    expect(problems).toEqual([{ file: broken, kind: 'json', detail: expect.any(String) }]);
  });

  it('keeps fields it does not know when a record is read and saved again', () => {
    const root = freshRoot();
    writeRaw(root, 'enriched.json', JSON.stringify({ ...sessionRecord('enriched'), mood: 'calm', files: { recap: '/r.md', pdf: '/r.pdf' } }));
    const [session] = readSessions(root).sessions;
    if (!session) throw new Error('record not read');
    session.status = 'resolved';
    const path = saveSession(root, session);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ status: 'resolved', mood: 'calm', files: { recap: '/r.md', pdf: '/r.pdf' } });
  });
});
