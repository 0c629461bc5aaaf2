import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../helpers.js';
import { answers, ok, record, rewriteRecord, savedId } from '../loop-helpers.js';

describe('show, recap and lessons', () => {
  const home = tempDir();
  let crisis = '';
  let followUp = '';
  let framing = '';

  beforeAll(async () => {
    framing = savedId((await ok(['checklist', '--answers', answers('prevention-en.yaml'), '--mission', 'Spring shop'], home)).stdout);
    crisis = savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], home)).stdout);
    followUp = savedId((await ok(['followup', crisis, '--answers', answers('followup-en.yaml')], home)).stdout);
  });

  describe('calmclient show', () => {
    it('shows a session in full: promise, lesson, follow-ups, files and answers as the user gave them', async () => {
      const { stdout } = await ok(['show', crisis], home);
      expect(stdout.split('\n')[0]).toBe('Dupont & Fils · crisis · resolved');
      expect(stdout).toMatch(/Promised: +I fix the payment module/);
      expect(stdout).toMatch(/Lesson: +Plan a buffer day before any launch/);
      expect(stdout).toMatch(new RegExp(`Follow-ups: +${followUp} \\(resolved\\)`));
      expect(stdout).toContain(record(home, crisis).files.recap);
      expect(stdout).toContain('The site was supposed to go live on Monday');
      // A choice is shown by its label, a date written out.
      expect(stdout).toMatch(/\n {4}Angry\n/);
      expect(stdout).toMatch(/\n {4}\w+day \d{1,2} \w+ \d{4} at 10:00\n/);
    });

    it('links a follow-up to its crisis, and a checklist to its mission', async () => {
      expect((await ok(['show', followUp], home)).stdout).toMatch(new RegExp(`Follows up: +${crisis} \\(resolved\\)`));
      expect((await ok(['show', framing], home)).stdout).toMatch(/Mission: +Spring shop/);
    });

    it('prints the stored record with --json', async () => {
      const shown = JSON.parse((await ok(['show', crisis, '--json'], home)).stdout) as unknown;
      expect(shown).toEqual(record(home, crisis));
    });

    it('finds a session by the start of its id when only one starts that way', async () => {
      const other = tempDir();
      const id = savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], other)).stdout);
      expect((await ok(['show', id.slice(0, 12), '--json'], other)).stdout).toContain(`"id": "${id}"`);
      savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], other)).stdout);
      const ambiguous = await runInProcess(['show', id.slice(0, 12)], { home: other });
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain('matches 2 sessions, newest first. Show one with: calmclient show ID');
    });

    it('finds the sessions of a client by name, and lists them newest first when there are several', async () => {
      const other = tempDir();
      const first = savedId((await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Dupont & Fils'], other)).stdout);
      // One client: its session in full, whatever the case, accents or punctuation of the name typed.
      for (const name of ['Dupont & Fils', 'dupont fils', 'DUPONT']) {
        const shown = await ok(['show', name], other);
        expect(shown.stdout.split('\n')[0]).toContain('Dupont & Fils · crisis');
        expect(shown.stdout).toContain(first);
      }
      const second = savedId((await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Dupont & Fils'], other)).stdout);
      await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Martin'], other);
      const listed = await runInProcess(['show', 'dupont'], { home: other });
      expect(listed.code).toBe(2);
      const rows = listed.stdout.trim().split('\n');
      expect(rows[0]).toMatch(/^DATE\s+CLIENT\s+KIND\s+STATUS\s+ID$/);
      // Newest first, with its date and status; Martin is not among them.
      expect(rows.slice(1).map((row) => row.split(/\s{2,}/).at(-1))).toEqual([second, first]);
      expect(rows[1]).toMatch(/^\d{4}-\d{2}-\d{2}\s+Dupont & Fils\s+crisis\s+open\s+/);
      expect(listed.stdout).not.toContain('Martin');
      expect(listed.stderr).toContain('"dupont" matches 2 sessions, newest first. Show one with: calmclient show ID');
      const json = JSON.parse((await runInProcess(['show', 'dupont', '--json'], { home: other })).stdout) as { id: string }[];
      expect(json.map((entry) => entry.id)).toEqual([second, first]);
      // The four letters at the end of an id are enough.
      expect((await ok(['show', first.slice(-4)], other)).stdout).toContain(first);
    });

    it('says so when the id is unknown or its record unreadable (exit 2)', async () => {
      const unknown = await runInProcess(['show', 'nope'], { home });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('no session "nope"');
      const other = tempDir();
      const id = savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], other)).stdout);
      writeFileSync(join(other, 'sessions', `${id}.json`), '{"version": 1');
      const unreadable = await runInProcess(['show', id], { home: other });
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toContain(`${id}.json: not valid JSON`);
      expect(unreadable.stderr).toContain(`session "${id}" cannot be read (see above)`);
    });
  });

  describe('calmclient recap', () => {
    it('renders the recap again, identical, beside the first one without overwriting it', async () => {
      const original = record(home, crisis).files.recap ?? '';
      const before = readFileSync(original, 'utf8');
      const { stdout } = await ok(['recap', crisis], home);
      const again = original.replace(/\.md$/, '-2.md');
      expect(stdout).toContain(again);
      expect(readFileSync(again, 'utf8')).toBe(before);
      expect(readFileSync(original, 'utf8')).toBe(before);
    });

    it('renders the email with --format email into --out', async () => {
      const out = tempDir();
      await ok(['recap', crisis, '--format', 'email', '--out', out], home);
      const names = readdirSync(out).sort();
      expect(names.map((file) => file.replace(/^.*-dupont-fils_[0-9a-f]{8}-/, ''))).toEqual(['email.eml', 'email.md']);
      const name = names.find((file) => file.endsWith('.md'));
      expect(readFileSync(join(out, name ?? ''), 'utf8')).toBe(readFileSync(record(home, crisis).files.email ?? '', 'utf8'));
    });

    it('keeps the values the command added: the mission of a checklist, the promise of a follow-up', async () => {
      const out = tempDir();
      await ok(['recap', framing, '--out', out], home);
      await ok(['recap', followUp, '--out', out], home);
      const texts = readdirSync(out).map((name) => readFileSync(join(out, name), 'utf8'));
      expect(texts.some((text) => text.includes('Spring shop'))).toBe(true);
      expect(texts.some((text) => text.includes('I fix the payment module'))).toBe(true);
    });

    it('makes a missing --out folder, with its parents, and says so', async () => {
      const out = join(tempDir(), 'new', 'folder');
      const made = await ok(['recap', crisis, '--out', out], home);
      expect(made.stdout).toContain(`Created the folder ${out}`);
      expect(readdirSync(out)).toHaveLength(1);
    });

    it('refuses an unknown format, a folder it cannot make and a draft (exit 2)', async () => {
      expect((await runInProcess(['recap', crisis, '--format', 'pdf'], { home })).stderr).toContain('unknown format "pdf"');
      const file = join(tempDir(), 'a-file');
      writeFileSync(file, 'x');
      const missing = await runInProcess(['recap', crisis, '--out', join(file, 'nowhere')], { home });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('it is not a folder');
      const other = tempDir();
      const id = savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], other)).stdout);
      rewriteRecord(other, id, { status: 'draft' });
      const draft = await runInProcess(['recap', id], { home: other });
      expect(draft.code).toBe(2);
      expect(draft.stderr).toContain('unfinished draft');
    });
  });

  describe('calmclient lessons', () => {
    it('lists lessons newest first, for one client or all', async () => {
      const other = savedId((await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Martin SARL'], home)).stdout);
      rewriteRecord(home, other, { lesson: 'Ask for the brief in writing.', createdAt: '2020-01-01T10:00:00.000Z' });
      const all = (await ok(['lessons'], home)).stdout;
      const order = ['Warn the client the same day', 'Plan a buffer day', 'Ask for the brief in writing.'].map((text) => all.indexOf(text));
      expect(order.every((position) => position > -1)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(all).toMatch(/Martin SARL · crisis/);
      const martin = (await ok(['lessons', '--client', 'martin sarl'], home)).stdout;
      expect(martin).toContain('Ask for the brief in writing.');
      expect(martin).not.toContain('Plan a buffer day');
    });

    it('says when there is nothing learned yet', async () => {
      expect((await ok(['lessons'], tempDir())).stdout).toContain('No lessons yet');
      expect((await ok(['lessons', '--client', 'Nobody', '--lang', 'fr'], home)).stdout).toBe('Aucune leçon pour Nobody pour l\'instant.\n');
    });
  });
});
