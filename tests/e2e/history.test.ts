import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir } from '../helpers.js';
import { answers, ok, record, rewriteRecord, savedId } from '../loop-helpers.js';
import { frenchSpacing } from '../../src/i18n/catalogue.js';

interface Row {
  id: string;
  client: string;
  status: string;
  overdue: boolean;
  due: { promise: string | null; nextContact: string | null };
}

describe('calmclient history', () => {
  const home = tempDir();
  let late = '';
  let onTime = '';
  let closed = '';
  let framing = '';
  let broken = '';
  let future = '';

  beforeAll(async () => {
    framing = savedId((await ok(['checklist', '--answers', answers('prevention-en.yaml')], home)).stdout);
    late = savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], home)).stdout);
    // The binary's clock cannot be faked: the overdue session gets dates in the past instead.
    rewriteRecord(home, late, {
      createdAt: '2020-03-05T09:00:00.000Z',
      promise: { what: 'Fix the payment module', by: '2020-03-10' },
      nextContact: '2020-03-11T10:00',
    });
    onTime = savedId((await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Martin SARL'], home)).stdout);
    closed = savedId((await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Lefèvre'], home)).stdout);
    rewriteRecord(home, closed, { status: 'resolved', promise: { what: 'Old promise', by: '2020-01-01' } });
    broken = join(home, 'sessions', 'broken.json');
    writeFileSync(broken, '{ "version": 1, "id": "broken", ');
    future = join(home, 'sessions', 'from-the-future.json');
    writeFileSync(future, JSON.stringify({ version: 99, id: 'from-the-future', holograms: true }));
  });

  it('lists every readable session newest first, and reports the bad records by path without failing', async () => {
    const { code, stdout, stderr } = await runInProcess(['history'], { home });
    expect(code).toBe(0);
    expect(stderr).toContain(`${broken}: not valid JSON`);
    expect(stderr).toContain(`${future}: written by a newer calmclient (record version 99, this one reads version 1); skipped.`);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^DATE\s+CLIENT\s+KIND\s+STATUS\s+NEXT CONTACT\s+ID$/);
    const rows = lines.slice(1, 5);
    for (const id of [framing, onTime, closed, late]) expect(rows.some((row) => row.endsWith(id))).toBe(true);
    expect(rows[3]).toMatch(/^2020-03-05\s+Dupont & Fils\s+crisis\s+open\s+2020-03-11 10:00 {2}⚠ overdue {2}⚠ promise overdue\s+/);
  });

  it('marks overdue sessions in words, for readers without colours, and lists the promises at stake', async () => {
    const { stdout } = await runInProcess(['history'], { home });
    const rowOf = (id: string): string => stdout.split('\n').find((line) => line.endsWith(id)) ?? '';
    expect(rowOf(onTime)).not.toContain('⚠');
    expect(rowOf(closed)).not.toContain('⚠');
    expect(rowOf(framing)).toMatch(/checklist\s+done\s+\d{4}-\d{2}-\d{2}\s/);
    expect(stdout).toContain('Promises due or overdue:');
    expect(stdout).toContain(`⚠ promise overdue  Dupont & Fils: Fix the payment module (by Tuesday 10 March 2020) · calmclient followup ${late}`);
    expect(stdout).not.toContain('Old promise');
  });

  // Spawned: the colours are chosen as the process starts.
  it('highlights overdue rows in colour when colours are on', () => {
    const { stdout } = runCli(['history'], { home, env: { FORCE_COLOR: '1' } });
    const row = stdout.split('\n').find((line) => line.includes(late)) ?? '';
    expect(row.startsWith('\u001b[31m')).toBe(true);
  });

  it('gives scripts the due dates in --json', async () => {
    const rows = JSON.parse((await runInProcess(['history', '--json'], { home })).stdout) as Row[];
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.id === late)).toMatchObject({ overdue: true, due: { promise: 'overdue', nextContact: 'overdue' } });
    expect(rows.find((row) => row.id === onTime)).toMatchObject({ overdue: false, due: { promise: null, nextContact: null } });
  });

  it('filters by status and by client, whatever the case (accents count: Lefèvre is not Lefevre)', async () => {
    const open = JSON.parse((await runInProcess(['history', '--status', 'open', '--json'], { home })).stdout) as Row[];
    expect(open.map((row) => row.id).sort()).toEqual([late, onTime].sort());
    const lefevre = JSON.parse((await runInProcess(['history', '--client', 'LEFÈVRE', '--json'], { home })).stdout) as Row[];
    expect(lefevre.map((row) => row.id)).toEqual([closed]);
    expect(JSON.parse((await runInProcess(['history', '--client', 'LEFEVRE', '--json'], { home })).stdout)).toEqual([]);
    const none = await runInProcess(['history', '--client', 'Nobody'], { home });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No session matches.\n');
  });

  it('refuses an unknown status (exit 2)', async () => {
    const result = await runInProcess(['history', '--status', 'pending'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown status "pending": use one of draft, open, resolved, escalated, lost, done');
  });

  it('speaks French', async () => {
    const { stdout, stderr } = await runInProcess(['history', '--lang', 'fr'], { home });
    expect(stdout.split('\n')[0]).toMatch(/^DATE\s+CLIENT\s+TYPE\s+STATUT\s+PROCHAIN CONTACT\s+ID$/);
    expect(stdout).toContain('⚠ en retard');
    expect(stdout).toContain(frenchSpacing('Promesses à tenir ou en retard :'));
    expect(stderr).toContain('JSON invalide');
  });
});

describe('calmclient history of thousands of sessions', () => {
  it('writes every row into a pipe before it exits, as a table and as JSON', async () => {
    const home = tempDir();
    const model = record(home, savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], home)).stdout));
    const count = 3000;
    for (let i = 0; i < count; i++) {
      const id = `many-${String(i).padStart(4, '0')}`;
      writeFileSync(join(home, 'sessions', `${id}.json`), JSON.stringify({ ...model, id }, null, 2));
    }
    rmSync(join(home, 'sessions', `${model.id}.json`));
    // Spawned, into a pipe that holds half of it (64 KiB on Linux): what Node could not write at
    // once was lost at exit.
    const spawned = (args: string[]): string => {
      const result = runCli(args, { home });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const table = spawned(['history']);
    expect(table.length).toBeGreaterThan(128 * 1024);
    expect(table.split('\n').filter((line) => /\bmany-\d{4}$/.test(line))).toHaveLength(count);
    expect((JSON.parse(spawned(['history', '--json'])) as Row[]).map((row) => row.id)).toContain('many-0000');
  });
});

describe('calmclient history on an empty data dir', () => {
  it('says how to begin, or prints an empty list for scripts', async () => {
    const home = tempDir();
    expect((await ok(['history'], home)).stdout).toContain('No sessions yet.');
    expect(JSON.parse((await ok(['history', '--json'], home)).stdout)).toEqual([]);
  });
});
