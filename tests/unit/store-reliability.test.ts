import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionsDir } from '../../src/paths.js';
import { numberedName, sweepTemps, tempPath, writeNewFiles } from '../../src/store/files.js';
import { LOCK_MAX_IDLE_MS, lockHolder, lockPath, lockSession, SessionLock } from '../../src/store/lock.js';
import { readSessions } from '../../src/store/read-sessions.js';
import { createSession, newSessionId, type SessionRecord } from '../../src/store/sessions.js';
import { tempDir } from '../helpers.js';

function record(client = 'Dupont', createdAt = '2026-11-22T09:00:00.000Z'): SessionRecord {
  return {
    version: 1,
    id: newSessionId(client, new Date(createdAt)),
    kind: 'crisis',
    status: 'draft',
    client,
    lang: 'en',
    playbook: { id: 'crisis', source: '/x/crisis.yaml' },
    createdAt,
    updatedAt: createdAt,
    answers: {},
    files: {},
  };
}

/** A pid that is not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('session ids (issue 13, item 7)', () => {
  it('saves 700 sessions of one client on one day as 700 records: ids are created exclusively, never replaced', () => {
    const root = tempDir();
    const ids = new Set<string>();
    for (let i = 0; i < 700; i++) {
      const session = record();
      const lock = createSession(root, session, 'start');
      lock.release();
      ids.add(session.id);
    }
    expect(ids.size).toBe(700);
    const { sessions, problems } = readSessions(root);
    expect(problems).toEqual([]);
    expect(sessions).toHaveLength(700);
    // Only records remain: every lock was given back.
    expect(readdirSync(sessionsDir(root)).filter((name) => !name.endsWith('.json'))).toEqual([]);
  });

  it('draws another id when the one drawn is taken, and leaves the other record as it was', () => {
    const root = tempDir();
    const first = record();
    createSession(root, first, 'start').release();
    const before = readFileSync(join(sessionsDir(root), `${first.id}.json`), 'utf8');
    const second = { ...record(), id: first.id, client: 'Dupont', answers: { tone: 'angry' } };
    createSession(root, second, 'start').release();
    expect(second.id).not.toBe(first.id);
    expect(readFileSync(join(sessionsDir(root), `${first.id}.json`), 'utf8')).toBe(before);
  });
});

describe('documents of one session share one number (issue 13, item 7)', () => {
  const files = (stem: string) => [
    { path: `${stem}-recap.md`, contents: 'recap' },
    { path: `${stem}-email.md`, contents: 'email' },
    { path: `${stem}-email.eml`, contents: 'eml' },
  ];

  it('moves the whole group to the next number free for all of its files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x-email.md'), 'someone else\'s');
    writeFileSync(join(dir, 'x-recap-2.md'), 'someone else\'s');
    const paths = writeNewFiles(dir, files('x'));
    expect(paths).toEqual(['x-recap-3.md', 'x-email-3.md', 'x-email-3.eml'].map((name) => join(dir, name)));
    expect(readFileSync(join(dir, 'x-email.md'), 'utf8')).toBe('someone else\'s');
  });

  it('names the paths to the caller before any file exists, and again if the group moves', () => {
    const dir = tempDir();
    const told: string[][] = [];
    const paths = writeNewFiles(dir, files('y'), (planned) => {
      for (const path of planned) expect(existsSync(path)).toBe(false);
      // Another run takes the first name between the check and the writing: the group moves on.
      if (told.length === 0) writeFileSync(planned[1] ?? '', 'raced');
      told.push(planned);
    });
    expect(told).toHaveLength(2);
    expect(paths).toEqual(told[1]);
    expect(paths.map((path) => path.replace(/^.*\//, ''))).toEqual(['y-recap-2.md', 'y-email-2.md', 'y-email-2.eml']);
    expect(readdirSync(dir).sort()).toEqual(['y-email-2.eml', 'y-email-2.md', 'y-email.md', 'y-recap-2.md']);
  });

  it('numbers names as before: the first bare, then -2, -3', () => {
    expect(numberedName('a-recap.md', 1)).toBe('a-recap.md');
    expect(numberedName('a-recap.md', 2)).toBe('a-recap-2.md');
    expect(numberedName('a-next-contact.ics', 12)).toBe('a-next-contact-12.ics');
  });
});

describe('temporary files of killed runs (issue 13, item 2)', () => {
  it('removes those of a process that is gone, and of a live one only when they are old', () => {
    const dir = tempDir();
    const dead = join(dir, `.2026-11-22-dupont-recap.md.${deadPid()}.0123abcd.tmp`);
    const live = tempPath(dir, '2026-11-22-dupont-email.md');
    const old = join(dir, `.2026-11-22-dupont-a1b2.json.${process.ppid}.89abcdef.tmp`);
    const foreign = join(dir, '.hidden-but-not-ours.tmp');
    for (const path of [dead, live, old, foreign]) writeFileSync(path, 'answers');
    const long = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(old, long, long);
    expect(sweepTemps(dir).sort()).toEqual([dead, old].sort());
    expect(readdirSync(dir).sort()).toEqual([live, foreign].map((path) => path.replace(/^.*\//, '')).sort());
  });
});

describe('locks (issue 13, item 8)', () => {
  it('refuses a second holder while the first lives, and says who holds it', () => {
    const root = tempDir();
    mkdirSync(sessionsDir(root), { recursive: true });
    const first = lockSession(root, 'a', 'start');
    expect(first).toBeInstanceOf(SessionLock);
    // The same process asking again is the second run here: it is told who holds the session.
    writeFileSync(lockPath(root, 'a'), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-11-22T09:00:00.000Z', command: 'start' }));
    const second = lockSession(root, 'a', 'start');
    expect(second).toEqual({ pid: process.ppid, host: hostname(), since: '2026-11-22T09:00:00.000Z', command: 'start' });
    expect(lockHolder(root, 'a')).toMatchObject({ pid: process.ppid });
  });

  it('takes over a lock whose process is gone', () => {
    const root = tempDir();
    mkdirSync(sessionsDir(root), { recursive: true });
    writeFileSync(lockPath(root, 'b'), JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-11-22T09:00:00.000Z', command: 'start' }));
    expect(lockHolder(root, 'b')).toBeUndefined();
    const lock = lockSession(root, 'b', 'start');
    expect(lock).toBeInstanceOf(SessionLock);
    expect(JSON.parse(readFileSync(lockPath(root, 'b'), 'utf8'))).toMatchObject({ pid: process.pid });
    (lock as SessionLock).release();
    expect(existsSync(lockPath(root, 'b'))).toBe(false);
  });

  it('takes over a lock nobody touched for longer than the limit, even from another machine', () => {
    const root = tempDir();
    mkdirSync(sessionsDir(root), { recursive: true });
    const path = lockPath(root, 'c');
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'elsewhere', since: '2026-11-22T09:00:00.000Z', command: 'start' }));
    expect(lockSession(root, 'c', 'start')).not.toBeInstanceOf(SessionLock);
    const long = new Date(Date.now() - LOCK_MAX_IDLE_MS - 60_000);
    utimesSync(path, long, long);
    expect(lockSession(root, 'c', 'start')).toBeInstanceOf(SessionLock);
  });

  it('takes over an unreadable lock', () => {
    const root = tempDir();
    mkdirSync(sessionsDir(root), { recursive: true });
    writeFileSync(lockPath(root, 'd'), 'garbage');
    expect(lockSession(root, 'd', 'start')).toBeInstanceOf(SessionLock);
  });
});
