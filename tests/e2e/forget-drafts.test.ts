import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, runInProcess, tempDir, writeDraft } from '../helpers.js';
import { ok } from '../loop-helpers.js';

const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');


describe('calmclient forget', () => {
  const home = tempDir();
  const out = join(home, 'out');
  const outside = join(home, 'precious.md');

  beforeAll(async () => {
    mkdirSync(out);
    for (const client of ['Dupont', 'Dupont', 'Martin']) await ok(['start', '--answers', crisisAnswers, '--client', client, '--out', out], home);
    writeFileSync(outside, 'not calmclient\'s');
    writeDraft(home, { id: '2026-01-02-dupont-beef', files: { recap: outside } });
  });

  // Spawned: what a process without a terminal does.
  it('refuses to delete without a confirmation when there is no terminal', () => {
    const result = runCli(['forget', 'Dupont'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs a confirmation.*--yes/);
    expect(readdirSync(join(home, 'sessions'))).toHaveLength(4);
  });

  it('deletes the client\'s records and documents, and only those', async () => {
    // The documents, and the client's file (the contact remembered for them).
    const written = readdirSync(out).filter((name) => name.includes('-dupont-')).length + 1;
    expect(existsSync(join(home, 'clients', 'dupont.json'))).toBe(true);
    const result = await runInProcess(['forget', 'dupont', '--yes'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Deleted 3 session(s) and ${written} file(s) about "Dupont"`);
    expect(result.stderr).toContain(`Left alone: ${outside} is listed in a session of "Dupont"`);
    expect(existsSync(join(home, 'clients', 'dupont.json'))).toBe(false);
    expect(existsSync(join(home, 'clients', 'martin.json'))).toBe(true);
    const left = readdirSync(join(home, 'sessions'));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/-martin-/);
    expect(readdirSync(out).every((name) => name.includes('-martin-'))).toBe(true);
    expect(existsSync(outside)).toBe(true);
  });

  it('says when there is nothing to forget', async () => {
    expect(await runInProcess(['forget', 'Nobody', '--yes'], { home })).toMatchObject({ code: 0, stdout: expect.stringMatching(/No session for "Nobody"/) });
  });
});

describe('calmclient history and old drafts', () => {
  const home = tempDir();
  const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
  writeDraft(home, { id: '2026-01-01-dupont-0ld0', updatedAt: old });
  writeDraft(home, { id: '2026-01-01-martin-f4e5', client: 'Martin', updatedAt: new Date().toISOString() });

  it('points out drafts older than 30 days, and keeps them', async () => {
    const result = await runInProcess(['history'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 unfinished session\(s\) older than 30 days: calmclient history --drafts/);
    // The two records are kept; beside them, history's summary index (store/session-index.ts).
    expect(readdirSync(join(home, 'sessions')).filter((name) => name !== '.index.json')).toHaveLength(2);
  });

  it('lists the drafts with their age and how to go on', async () => {
    const result = await runInProcess(['history', '--drafts'], { home });
    expect(result.stdout).toMatch(/Dupont.*⚠ 40 days old/);
    expect(result.stdout).toMatch(/Martin/);
    expect(result.stdout).toMatch(/--resume ID/);
  });
});
