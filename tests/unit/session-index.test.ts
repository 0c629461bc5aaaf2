import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionsDir } from '../../src/paths.js';
import { readSessions } from '../../src/store/read-sessions.js';
import { INDEX_FORMAT, readSessionSummaries, sessionIndexFile, summaryOf } from '../../src/store/session-index.js';
import { saveSession, type SessionRecord } from '../../src/store/sessions.js';
import { sessionRecord, tempDir } from '../helpers.js';

const base = tempDir();
const freshRoot = (): string => mkdtempSync(join(base, 'home-'));


/** A data dir with three saved records. */
function saved(): { root: string; records: SessionRecord[] } {
  const root = freshRoot();
  const records = ['2026-11-20-a-0001', '2026-11-21-b-0002', '2026-11-22-c-0003'].map((id, i) =>
    sessionRecord(id, { client: `Client ${i}`, createdAt: `2026-11-2${i}T09:00:00.000Z` }),
  );
  for (const session of records) saveSession(root, session);
  return { root, records };
}

/** What the records themselves say, the slow way: every file read and checked. */
const fromRecords = (root: string) => {
  const { sessions, problems } = readSessions(root);
  return { sessions: sessions.map(summaryOf), problems };
};

const indexOf = (root: string) => JSON.parse(readFileSync(sessionIndexFile(root), 'utf8')) as { format: number; entries: Record<string, { summary: { client: string } }> };

/** A file's modification time moved on, as an edit made later leaves it. */
function touchLater(file: string): void {
  const { mtime } = statSync(file);
  const later = new Date(mtime.getTime() + 5_000);
  utimesSync(file, later, later);
}

describe('the summary index of history', () => {
  it('gives what the records give, and keeps it in a private sessions/.index.json', async () => {
    const { root } = saved();
    const first = await readSessionSummaries(root);
    expect(first).toEqual(fromRecords(root));
    expect(first.sessions).toHaveLength(3);
    expect(statSync(sessionIndexFile(root)).mode & 0o777).toBe(0o600);
    expect(indexOf(root).format).toBe(INDEX_FORMAT);
    expect(Object.keys(indexOf(root).entries).sort()).toEqual(['2026-11-20-a-0001.json', '2026-11-21-b-0002.json', '2026-11-22-c-0003.json']);
    expect(await readSessionSummaries(root)).toEqual(first);
  });

  it('takes an unchanged record from the index, without reading the record', async () => {
    const { root } = saved();
    await readSessionSummaries(root);
    // The index is calmclient's own: a value found only there shows that the record was not read again.
    const index = indexOf(root);
    const entry = index.entries['2026-11-21-b-0002.json'];
    if (!entry) throw new Error('no entry');
    entry.summary.client = 'From the index';
    writeFileSync(sessionIndexFile(root), JSON.stringify(index));
    expect((await readSessionSummaries(root)).sessions.map((session) => session.client)).toContain('From the index');
  });

  it('sees a record added, and one saved again by calmclient', async () => {
    const { root, records } = saved();
    await readSessionSummaries(root);
    saveSession(root, sessionRecord('2026-11-23-d-0004', { client: 'Newcomer' }));
    saveSession(root, { ...(records[0] as SessionRecord), status: 'lost' });
    const summaries = await readSessionSummaries(root);
    expect(summaries).toEqual(fromRecords(root));
    expect(summaries.sessions.map((session) => session.client)).toContain('Newcomer');
    expect(summaries.sessions.find((session) => session.id === '2026-11-20-a-0001')?.status).toBe('lost');
    expect(Object.keys(indexOf(root).entries)).toHaveLength(4);
  });

  it('sees a record edited by hand in place, even to the same size', async () => {
    const { root } = saved();
    await readSessionSummaries(root);
    const file = join(sessionsDir(root), '2026-11-21-b-0002.json');
    const text = readFileSync(file, 'utf8');
    // `open` to `lost`: the same number of bytes, the same file (inode); only the time tells.
    writeFileSync(file, text.replace('"status": "open"', '"status": "lost"'));
    touchLater(file);
    const summaries = await readSessionSummaries(root);
    expect(summaries).toEqual(fromRecords(root));
    expect(summaries.sessions.find((session) => session.id === '2026-11-21-b-0002')?.status).toBe('lost');
  });

  it('drops a record deleted, from the list and from the index', async () => {
    const { root } = saved();
    await readSessionSummaries(root);
    rmSync(join(sessionsDir(root), '2026-11-20-a-0001.json'));
    const summaries = await readSessionSummaries(root);
    expect(summaries).toEqual(fromRecords(root));
    expect(summaries.sessions).toHaveLength(2);
    expect(Object.keys(indexOf(root).entries)).not.toContain('2026-11-20-a-0001.json');
    expect(readFileSync(sessionIndexFile(root), 'utf8')).not.toContain('Client 0');
  });

  it('reports a record damaged by hand at every run, as the records do, and never indexes it', async () => {
    const { root } = saved();
    await readSessionSummaries(root);
    const file = join(sessionsDir(root), '2026-11-22-c-0003.json');
    writeFileSync(file, '{"version": 1, "id": "2026-11-22-c');
    touchLater(file);
    for (let run = 0; run < 2; run++) {
      const summaries = await readSessionSummaries(root);
      expect(summaries).toEqual(fromRecords(root));
      expect(summaries.problems).toEqual([expect.objectContaining({ file, kind: 'json' })]);
      expect(Object.keys(indexOf(root).entries)).not.toContain('2026-11-22-c-0003.json');
    }
    // A record that breaks the schema is no more indexed than one that is not JSON.
    writeFileSync(file, JSON.stringify(sessionRecord('2026-11-22-c-0003', { nextContact: '2026-02-30' })));
    touchLater(file);
    expect((await readSessionSummaries(root)).problems).toEqual([expect.objectContaining({ file, kind: 'field', field: 'nextContact' })]);
  });

  it('makes the index again when it is damaged, of another format, or holds an entry of the wrong shape', async () => {
    const damaged = [
      'not JSON',
      JSON.stringify({ format: INDEX_FORMAT + 1, entries: {} }),
      JSON.stringify([]),
      JSON.stringify({ format: INDEX_FORMAT, entries: { '2026-11-20-a-0001.json': { size: 'big', summary: {} } } }),
    ];
    for (const text of damaged) {
      const { root } = saved();
      await readSessionSummaries(root);
      const good = indexOf(root);
      writeFileSync(sessionIndexFile(root), text);
      expect(await readSessionSummaries(root)).toEqual(fromRecords(root));
      expect(indexOf(root)).toEqual(good);
    }
    // An entry under another record's name is not that record's.
    const { root } = saved();
    await readSessionSummaries(root);
    const index = indexOf(root);
    index.entries['2026-11-20-a-0001.json'] = index.entries['2026-11-21-b-0002.json'] as never;
    writeFileSync(sessionIndexFile(root), JSON.stringify(index));
    expect(await readSessionSummaries(root)).toEqual(fromRecords(root));
  });

  it('gives the summaries all the same when the index cannot be written', async () => {
    const { root } = saved();
    // A folder where the index would go: it can be neither read nor replaced.
    mkdirSync(sessionIndexFile(root));
    expect(await readSessionSummaries(root)).toEqual(fromRecords(root));
    expect(await readSessionSummaries(root)).toEqual(fromRecords(root));
  });

  it('finds nothing, and writes nothing, where no session was ever saved', async () => {
    const root = freshRoot();
    expect(await readSessionSummaries(root)).toEqual({ sessions: [], problems: [] });
    expect(existsSync(sessionsDir(root))).toBe(false);
  });
});
