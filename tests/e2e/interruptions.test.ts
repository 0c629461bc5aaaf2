import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { FIXTURES, runCli, tempDir, writeDraft } from '../helpers.js';
import { Terminal } from '../reliability/terminal.js';

const MINI = join(FIXTURES, 'playbooks', 'mini.yaml');

function onlyRecord(home: string): SessionRecord {
  const names = readdirSync(join(home, 'sessions')).filter((name) => name.endsWith('.json'));
  expect(names).toHaveLength(1);
  return JSON.parse(readFileSync(join(home, 'sessions', names[0] ?? ''), 'utf8')) as SessionRecord;
}

/** An answers file for the mini playbook, for the runs that go on without a terminal. */
function miniAnswers(dir: string): string {
  const file = join(dir, 'mini-answers.yaml');
  writeFileSync(file, 'said: They shouted.\ngap: delay\nmine: false\ndeadline: "+3"\ncall: "+4 10:00"\n');
  return file;
}

/** Skips the question of the client's contact person (session/people.ts), asked once per client before the first step. */
async function skipContact(terminal: Terminal): Promise<void> {
  await terminal.waitFor('Who are you dealing with');
  await terminal.type('\r');
}

/** Starts the mini playbook, lets the advice go by (a draft is saved) and types two lines into the multi-line step. */
async function typingTwoLines(home: string, shell: boolean): Promise<Terminal> {
  const terminal = Terminal.start(['start', '--playbook', MINI, '--client', 'Dupont'], home, { shell });
  await skipContact(terminal);
  await terminal.waitFor('step 1/');
  await terminal.type('\r');
  await terminal.waitFor('What did they say?');
  await terminal.type('line one');
  await terminal.type('\r');
  await terminal.type('line two');
  return terminal;
}

describe('signals from outside during the questions (issue 13, items 5 and 11)', () => {
  it.each(['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: the terminal is given back, the resume message is printed, exit 130, and the lines typed are in the draft',
    async (signal) => {
      const home = tempDir();
      const terminal = await typingTwoLines(home, true);
      try {
        process.kill(await terminal.cliPid(), signal);
        await terminal.waitFor('EXIT=130');
        await terminal.exited;
      } finally {
        terminal.kill();
      }
      const screen = terminal.screen();
      // (Laid out to the terminal's width, between words: the message may take two lines.)
      expect(screen.replace(/\s+/g, ' ')).toMatch(/Stopped\. Your answers so far are saved in session \S+\. To go on: calmclient start --resume \S+/);
      // `stty -a` after calmclient: echo and line editing are back on.
      expect(screen).toMatch(/(^|\s)echo(\s|$)/m);
      expect(screen).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(screen).not.toMatch(/(^|\s)-echo(\s|$)/m);
      expect(onlyRecord(home)).toMatchObject({ status: 'draft', answers: { breathe: true }, partial: { step: 'said', text: 'line one\nline two' } });
      if (signal !== 'SIGTERM') return;
      // Going on from a file takes the file's answer, and shows the lines typed rather than drop them unseen.
      const resumed = runCli(['start', '--resume', '--answers', miniAnswers(home)], { home });
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain('You had started typing in step "said" when the run was stopped; the answers file is used instead. What you had typed:\n    line one\n    line two');
      expect(onlyRecord(home).partial).toBeUndefined();
    },
  );

  it('Ctrl-C keeps the lines typed; --resume puts them back in the step, to go on typing', async () => {
    const home = tempDir();
    const first = await typingTwoLines(home, false);
    try {
      await first.type('\u0003');
      expect((await first.exited).exitCode).toBe(130);
    } finally {
      first.kill();
    }
    const draft = onlyRecord(home);
    expect(draft.partial).toEqual({ step: 'said', text: 'line one\nline two' });

    const second = Terminal.start(['start', '--resume', draft.id], home);
    try {
      await second.waitFor('What did they say?');
      await second.waitFor('line two');
      // The lines come back as typed, and the cursor on the next one.
      await second.type('line three');
      await second.type('\r');
      await second.type('\r');
      await second.waitFor('What kind of gap?');
      await second.type('\r');
      await second.waitFor('Is it your fault?');
      await second.type('\r');
      await second.waitFor('Which needs?');
      await second.type('\r');
      await second.waitFor('By when?');
      await second.type('+3\r');
      await second.waitFor('Next call?');
      await second.type('+4 10:00\r');
      // The client's details, asked once the call is over (none given).
      await second.waitFor('Email address of Dupont');
      await second.type('\r');
      await second.waitFor('Phone number of Dupont');
      await second.type('\r');
      // The review before anything is written: Enter writes.
      await second.waitFor('Write the recap and the email draft');
      await second.type('\r');
      await second.waitFor('Written:');
      expect((await second.exited).exitCode).toBe(0);
    } finally {
      second.kill();
    }
    const done = onlyRecord(home);
    expect(done.answers.said).toBe('line one\nline two\nline three');
    expect(done.partial).toBeUndefined();
  });
});

describe('two runs of one draft (issue 13, item 8)', () => {
  it('refuses the second while the first runs, says where and since when, and takes over once the first is gone', async () => {
    const home = tempDir();
    const first = Terminal.start(['start', '--playbook', MINI, '--client', 'Dupont'], home);
    let id = '';
    try {
      await skipContact(first);
      await first.waitFor('step 1/');
      await first.type('\r');
      await first.waitFor('What did they say?');
      id = onlyRecord(home).id;
      const second = runCli(['start', '--resume', id, '--answers', miniAnswers(home)], { home });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(
        new RegExp(`session ${id} is open in another calmclient \\(process ${await first.cliPid()} on \\S+, since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\): go on there, or stop that one first`),
      );
      const newest = runCli(['start', '--resume', '--answers', miniAnswers(home)], { home });
      expect(newest.code).toBe(2);
      expect(newest.stderr).toContain(`session ${id} is open in another calmclient`);
      // Nor can the client be forgotten under the running session's feet.
      const forget = runCli(['forget', 'Dupont', '--yes'], { home });
      expect(forget.code).toBe(2);
      expect(forget.stderr).toContain(`session ${id} is open in another calmclient`);
      expect(existsSync(join(home, 'sessions', `${id}.json`))).toBe(true);
    } finally {
      // Killed: its lock stays behind, stale.
      first.kill('SIGKILL');
      await first.exited;
    }
    expect(existsSync(join(home, 'sessions', `${id}.lock`))).toBe(true);
    const after = runCli(['start', '--resume', id, '--answers', miniAnswers(home)], { home });
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(onlyRecord(home)).toMatchObject({ id, status: 'open' });
    expect(existsSync(join(home, 'sessions', `${id}.lock`))).toBe(false);
  });
});

describe('the data folder failing in the middle of the questions (issue 13, item 6)', () => {
  it('stops with exit 2, the folder and the reason; the answers saved before stay resumable once it is fixed', async () => {
    const home = tempDir();
    const terminal = Terminal.start(['start', '--playbook', MINI, '--client', 'Dupont'], home);
    const sessions = join(home, 'sessions');
    let id = '';
    try {
      await skipContact(terminal);
      await terminal.waitFor('step 1/');
      await terminal.type('\r');
      await terminal.waitFor('What did they say?');
      id = onlyRecord(home).id;
      // The folder goes away under the run (a disk unmounted, a folder moved): a file stands in its place.
      renameSync(sessions, `${sessions}.away`);
      writeFileSync(sessions, '');
      await terminal.type('They shouted.\r');
      await terminal.type('\r');
      expect((await terminal.exited).exitCode).toBe(2);
    } finally {
      terminal.kill();
    }
    expect(terminal.screen().replace(/\s+/g, ' ')).toContain(
      `cannot write to ${sessions}: ENOTDIR (it, or a folder above it, is a file). Your answers up to the previous step are saved in session ${id}: once the folder is fixed, go on with: calmclient start --resume ${id}`,
    );
    rmSync(sessions);
    renameSync(`${sessions}.away`, sessions);
    const resumed = runCli(['start', '--resume', id, '--answers', miniAnswers(home)], { home });
    expect(resumed.code).toBe(0);
    expect(onlyRecord(home)).toMatchObject({ id, status: 'open', answers: { breathe: true, said: 'They shouted.' } });
  });
});

describe('the answers recalled on --resume (issue 13, item 3)', () => {
  it('are shown inert', async () => {
    const home = tempDir();
    writeDraft(home, {
      id: '2026-11-20-dupont-0bad',
      playbook: { id: 'mini', source: MINI },
      answers: { breathe: true, said: 'They wrote \u001b]52;c;ZXZpbA==\u0007 and \u202eevil' },
    });
    const terminal = Terminal.start(['start', '--resume'], home);
    try {
      await skipContact(terminal);
      await terminal.waitFor('What kind of gap?');
    } finally {
      terminal.kill();
    }
    expect(terminal.raw()).not.toContain('\u001b]52');
    expect(terminal.raw()).not.toContain('\u202e');
    // The answers given before show in the trail of the next step, cut at a word to fit it.
    expect(terminal.screen()).toContain('They wrote ^[]52;c;ZXZpbA==^G and…');
  });
});
