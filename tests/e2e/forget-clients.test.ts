import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { FIXTURES, runInProcess, tempDir, writeDraft } from '../helpers.js';

const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');

function savedId(stdout: string): string {
  const id = /Session (\S+) saved\./.exec(stdout)?.[1];
  if (!id) throw new Error(`no session id in:\n${stdout}`);
  return id;
}

function record(home: string, id: string): SessionRecord {
  return JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8')) as SessionRecord;
}

/** Every file under `dir`, by path. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('forget, by the name recorded (issue 13, item 1)', () => {
  const home = tempDir();
  const out = join(home, 'out');
  mkdirSync(out);
  const names = ['株式会社トヨタ', 'Газпром', 'Ελληνική Εταιρεία'];
  const ids: string[] = [];
  beforeAll(async () => {
    for (const client of names) ids.push(savedId((await runInProcess(['start', '--answers', crisisAnswers, '--client', client, '--out', out], { home })).stdout));
  });

  it('gives clients in different scripts different file names', () => {
    const records = ids.map((id) => record(home, id));
    const written = records.flatMap((session) => session.written ?? []);
    expect(new Set(written).size).toBe(written.length);
    expect(records.map((session) => session.files.recap?.replace(/^.*\//, ''))).toEqual([
      expect.stringMatching(/-株式会社トヨタ-recap\.md$/),
      expect.stringMatching(/-газпром-recap\.md$/),
      expect.stringMatching(/-ελληνική-εταιρεία-recap\.md$/),
    ]);
  });

  it('refuses an empty or a blank name (exit 2), and deletes nothing', async () => {
    for (const blank of ['', '   ']) {
      const result = await runInProcess(['forget', blank, '--yes'], { home });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/which client\? Give the name as it was recorded/);
    }
    expect(readdirSync(join(home, 'sessions')).filter((name) => name.endsWith('.json'))).toHaveLength(3);
  });

  it('lists the names and every file before asking, and asks', async () => {
    const result = await runInProcess(['forget', '株式会社トヨタ'], { home });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('This deletes 1 session(s) and 5 file(s) about "株式会社トヨタ":');
    for (const path of [join(home, 'sessions', `${ids[0]}.json`), ...(record(home, ids[0] ?? '').written ?? [])]) expect(result.stdout).toContain(path);
    expect(result.stderr).toMatch(/needs a confirmation/);
  });

  it('deletes one client and leaves the others whole', async () => {
    const others = ids.slice(1).flatMap((id) => [join(home, 'sessions', `${id}.json`), ...(record(home, id).written ?? [])]);
    const before = new Map(others.map((path) => [path, readFileSync(path, 'utf8')]));
    // `history` keeps a summary of every record, the client's name with it (src/store/session-index.ts).
    expect((await runInProcess(['history'], { home })).code).toBe(0);
    expect(readFileSync(join(home, 'sessions', '.index.json'), 'utf8')).toContain('株式会社トヨタ');
    const result = await runInProcess(['forget', '株式会社トヨタ', '--yes'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deleted 1 session(s) and 5 file(s) about "株式会社トヨタ".');
    for (const [path, contents] of before) expect(readFileSync(path, 'utf8')).toBe(contents);
    expect(filesUnder(home).filter((path) => path.includes('株式会社トヨタ'))).toEqual([]);
    // Nor in what a file holds: the summary index goes with the records.
    expect(filesUnder(home).filter((path) => readFileSync(path, 'utf8').includes('株式会社トヨタ'))).toEqual([]);
    const left = JSON.parse((await runInProcess(['history', '--json'], { home })).stdout) as { client: string }[];
    expect(left.map((row) => row.client).sort()).toEqual(['Ελληνική Εταιρεία', 'Газпром'].sort());
  });

  it('matches the name however it is typed: case, composition, spaces', async () => {
    const result = await runInProcess(['forget', '  ГАЗПРОМ ', '--yes'], { home });
    expect(result.stdout).toContain('Deleted 1 session(s) and 5 file(s) about "Газпром".');
    const greek = await runInProcess(['forget', 'ελληνικη\u0301 εταιρει\u0301α'.normalize('NFD'), '--yes'], { home });
    expect(greek.stdout).toContain('Deleted 1 session(s) and 5 file(s) about "Ελληνική Εταιρεία".');
    // Nothing is left of any client; the user's own profile stays.
    expect(filesUnder(home)).toEqual([join(home, 'config.json')]);
  });
});

describe('forget leaves nothing behind (issue 13, item 2)', () => {
  it('deletes the documents of a draft finished on another day, and in another time zone', async () => {
    const home = tempDir();
    const out = join(home, 'out');
    mkdirSync(out);
    // Begun yesterday (far away), finished today: the documents are named after the day they were written.
    writeDraft(home, { id: '2020-03-01-dupont-0a0a', client: 'Dupont', createdAt: '2020-03-01T09:00:00.000Z', answers: { breathe: true } });
    expect((await runInProcess(['start', '--resume', '2020-03-01-dupont-0a0a', '--answers', crisisAnswers, '--out', out], { home, env: { TZ: 'Pacific/Kiritimati' } })).code).toBe(0);
    const other = savedId((await runInProcess(['start', '--answers', crisisAnswers, '--client', 'Dupont', '--out', out], { home, env: { TZ: 'Pacific/Kiritimati' } })).stdout);
    expect(filesUnder(out)).toHaveLength(8);
    const result = await runInProcess(['forget', 'dupont', '--yes'], { home, env: { TZ: 'Pacific/Pago_Pago' } });
    expect(result.stdout).toContain('Deleted 2 session(s) and 9 file(s) about "Dupont".');
    expect(filesUnder(out)).toEqual([]);
    expect(existsSync(join(home, 'sessions', `${other}.json`))).toBe(false);
  });

  it('records the copies `recap ID` writes, and deletes them', async () => {
    const home = tempDir();
    const id = savedId((await runInProcess(['start', '--answers', crisisAnswers, '--client', 'Martin'], { home })).stdout);
    const elsewhere = tempDir();
    expect((await runInProcess(['recap', id, '--out', elsewhere], { home })).code).toBe(0);
    expect((await runInProcess(['recap', id, '--format', 'email', '--out', elsewhere], { home })).code).toBe(0);
    const copies = filesUnder(elsewhere);
    // The recap, then the e-mail draft as markdown and as .eml.
    expect(copies).toHaveLength(3);
    for (const copy of copies) expect(record(home, id).written).toContain(copy);
    const result = await runInProcess(['forget', 'Martin', '--yes'], { home });
    expect(result.stdout).toContain('Deleted 1 session(s) and 8 file(s) about "Martin".');
    expect(filesUnder(elsewhere)).toEqual([]);
  });

  it('deletes what a killed run left: hidden temporary documents and records that hold the answers', async () => {
    const home = tempDir();
    const out = join(home, 'out');
    mkdirSync(out);
    const id = savedId((await runInProcess(['start', '--answers', crisisAnswers, '--client', 'Lefèvre', '--out', out], { home })).stdout);
    const session = record(home, id);
    const day = id.slice(0, 10);
    // What `kill -9` leaves: temporary files of a process that is gone (pid 0 never runs a calmclient), and a lock.
    const leftovers = [
      join(out, `.${(session.files.recap ?? '').replace(/^.*\//, '')}.999999999.0123abcd.tmp`),
      join(home, 'sessions', `.${id}.json.999999999.89abcdef.tmp`),
      join(home, 'sessions', `.${day}-lefèvre-beef.json.999999999.76543210.tmp`),
      join(home, 'sessions', `${day}-lefèvre-beef.lock`),
    ];
    for (const path of leftovers) writeFileSync(path, JSON.stringify({ answers: session.answers, pid: 999999999, host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
    const mine = join(out, 'notes-about-lefèvre.md');
    writeFileSync(mine, 'the user\'s own file');
    const result = await runInProcess(['forget', 'Lefèvre', '--yes'], { home });
    expect(result.code).toBe(0);
    for (const path of leftovers) expect(existsSync(path)).toBe(false);
    // The user's own file stays, and so does their profile (config.json), which is about no client.
    expect(filesUnder(home).sort()).toEqual([join(home, 'config.json'), mine].sort());
  });

  it('never deletes a folder a record was edited to list', async () => {
    const home = tempDir();
    const id = savedId((await runInProcess(['start', '--answers', crisisAnswers, '--client', 'Roux'], { home })).stdout);
    const recap = record(home, id).files.recap ?? '';
    const blocked = `${recap.replace(/\.md$/, '')}-2.md`;
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'inside'), 'x');
    const edited = { ...record(home, id), written: [...(record(home, id).written ?? []), blocked] };
    writeFileSync(join(home, 'sessions', `${id}.json`), JSON.stringify(edited));
    const result = await runInProcess(['forget', 'Roux', '--yes'], { home });
    // A folder is not one of calmclient's files: it is never deleted, and never counted as deleted.
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deleted 1 session(s) and 5 file(s) about "Roux".');
    expect(existsSync(blocked)).toBe(true);
  });
});
