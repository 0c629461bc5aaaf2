import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { BIN, cliEnv, FIXTURES, runInProcess, tempDir, writeDraft } from '../helpers.js';
import { PtySession } from '../pty.js';

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

const SIZE = { cols: 120, rows: 40 };

/**
 * The CLI in a terminal. With `shell`, it runs under `sh`, which then prints its exit code and
 * `stty -a`: the state the CLI left the terminal in.
 */
function startCli(args: readonly string[], home: string, shell = false): PtySession {
  if (!shell) return PtySession.start(args, home, SIZE);
  const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  return PtySession.spawn('sh', ['-c', `${quoted}; echo "EXIT=$?"; stty -a`], { ...SIZE, env: cliEnv(home) });
}

/** The CLI's own process: the terminal's, or with `shell` the child of `sh` (running: its questions are on the screen). */
function cliPid(session: PtySession, shell: boolean): number {
  if (!shell) return session.pid;
  const [child] = readFileSync(`/proc/${session.pid}/task/${session.pid}/children`, 'utf8').split(/\s+/).filter(Boolean);
  if (child === undefined) throw new Error(`sh (process ${session.pid}) has no child: calmclient is not running`);
  return Number(child);
}

/** Waits for a question, then presses Enter: the default answer, or the answer filled in. */
async function enterAt(session: PtySession, question: string | RegExp): Promise<void> {
  await session.waitForScreen(question);
  await session.press('enter');
}

/** Types `text` at the prompt, and waits until it shows at the end of the cursor's line. */
async function typeText(session: PtySession, text: string): Promise<void> {
  await session.type(text);
  await session.waitUntil((s) => s.cursorLine().endsWith(text), `"${text}" typed`);
}

/** Enter at the end of a line of a multi-line answer: the line is kept, the cursor on an empty line under it. */
async function newLine(session: PtySession, line: string): Promise<void> {
  await session.press('enter');
  await session.waitUntil((s) => s.cursorLine() === '' && (s.lines()[s.cursorRow() - 1] ?? '').endsWith(line), `an empty line under "${line}"`);
}

/** Starts the mini playbook, lets the advice go by (a draft is saved) and types two lines into the multi-line step. */
async function typingTwoLines(home: string, shell: boolean): Promise<PtySession> {
  const session = startCli(['start', '--playbook', MINI, '--client', 'Dupont'], home, shell);
  // The question of the client's contact person (session/people.ts), asked once per client before the first step: none given.
  await enterAt(session, 'Who are you dealing with');
  await enterAt(session, 'step 1/');
  await session.waitForScreen('What did they say?');
  await typeText(session, 'line one');
  await newLine(session, 'line one');
  await typeText(session, 'line two');
  return session;
}

describe('signals from outside during the questions (issue 13, items 5 and 11)', () => {
  it.each(['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: the terminal is given back, the resume message is printed, exit 130, and the lines typed are in the draft',
    async (signal) => {
      const home = tempDir();
      const session = await typingTwoLines(home, true);
      try {
        process.kill(cliPid(session, true), signal);
        await session.waitFor('EXIT=130');
        await session.exited;
      } finally {
        session.dispose();
      }
      const screen = session.output();
      // (Laid out to the terminal's width, between words: the message may take two lines.)
      expect(screen.replace(/\s+/g, ' ')).toMatch(/Stopped\. Your answers so far are saved in session \S+\. To go on: calmclient start --resume \S+/);
      // `stty -a` after calmclient: echo and line editing are back on.
      expect(screen).toMatch(/(^|\s)echo(\s|$)/m);
      expect(screen).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(screen).not.toMatch(/(^|\s)-echo(\s|$)/m);
      expect(onlyRecord(home)).toMatchObject({ status: 'draft', answers: { breathe: true }, partial: { step: 'said', text: 'line one\nline two' } });
      if (signal !== 'SIGTERM') return;
      // Going on from a file takes the file's answer, and shows the lines typed rather than drop them unseen.
      const resumed = await runInProcess(['start', '--resume', '--answers', miniAnswers(home)], { home });
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toContain('You had started typing in step "said" when the run was stopped; the answers file is used instead. What you had typed:\n    line one\n    line two');
      expect(onlyRecord(home).partial).toBeUndefined();
    },
  );

  it('Ctrl-C keeps the lines typed; --resume puts them back in the step, to go on typing', async () => {
    const home = tempDir();
    const first = await typingTwoLines(home, false);
    try {
      await first.press('ctrl-c');
      expect((await first.exited).exitCode).toBe(130);
    } finally {
      first.dispose();
    }
    const draft = onlyRecord(home);
    expect(draft.partial).toEqual({ step: 'said', text: 'line one\nline two' });

    const second = startCli(['start', '--resume', draft.id], home);
    try {
      await second.waitForScreen('What did they say?');
      // The lines come back as typed, and the cursor on the next one.
      await second.waitUntil(
        (s) => s.cursorLine() === '' && (s.lines()[s.cursorRow() - 1] ?? '').endsWith('line two') && (s.lines()[s.cursorRow() - 2] ?? '').endsWith('line one'),
        'the two lines typed, and the cursor on an empty line under them',
      );
      await typeText(second, 'line three');
      await newLine(second, 'line three');
      // Enter on the empty last line ends the answer.
      await second.press('enter');
      await enterAt(second, 'What kind of gap?');
      await enterAt(second, 'Is it your fault?');
      await enterAt(second, 'Which needs?');
      await second.waitForScreen('By when?');
      await typeText(second, '+3');
      await second.press('enter');
      await second.waitForScreen('Next call?');
      await typeText(second, '+4 10:00');
      await second.press('enter');
      // The client's details, asked once the call is over (none given).
      await enterAt(second, 'Email address of Dupont');
      await enterAt(second, 'Phone number of Dupont');
      // The review before anything is written: Enter writes.
      await enterAt(second, 'Write the recap and the email draft');
      await second.waitFor('Written:');
      expect((await second.exited).exitCode).toBe(0);
    } finally {
      second.dispose();
    }
    const done = onlyRecord(home);
    expect(done.answers.said).toBe('line one\nline two\nline three');
    expect(done.partial).toBeUndefined();
  });
});

describe('two runs of one draft (issue 13, item 8)', () => {
  it('refuses the second while the first runs, says where and since when, and takes over once the first is gone', async () => {
    const home = tempDir();
    const first = startCli(['start', '--playbook', MINI, '--client', 'Dupont'], home);
    let id = '';
    try {
      await enterAt(first, 'Who are you dealing with');
      await enterAt(first, 'step 1/');
      await first.waitForScreen('What did they say?');
      id = onlyRecord(home).id;
      const second = await runInProcess(['start', '--resume', id, '--answers', miniAnswers(home)], { home });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(
        new RegExp(`session ${id} is open in another calmclient \\(process ${first.pid} on \\S+, since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\): go on there, or stop that one first`),
      );
      const newest = await runInProcess(['start', '--resume', '--answers', miniAnswers(home)], { home });
      expect(newest.code).toBe(2);
      expect(newest.stderr).toContain(`session ${id} is open in another calmclient`);
      // Nor can the client be forgotten under the running session's feet.
      const forget = await runInProcess(['forget', 'Dupont', '--yes'], { home });
      expect(forget.code).toBe(2);
      expect(forget.stderr).toContain(`session ${id} is open in another calmclient`);
      expect(existsSync(join(home, 'sessions', `${id}.json`))).toBe(true);
    } finally {
      // Killed: its lock stays behind, stale.
      first.kill('SIGKILL');
      await first.exited;
      first.dispose();
    }
    expect(existsSync(join(home, 'sessions', `${id}.lock`))).toBe(true);
    const after = await runInProcess(['start', '--resume', id, '--answers', miniAnswers(home)], { home });
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(onlyRecord(home)).toMatchObject({ id, status: 'open' });
    expect(existsSync(join(home, 'sessions', `${id}.lock`))).toBe(false);
  });
});

describe('the data folder failing in the middle of the questions (issue 13, item 6)', () => {
  it('stops with exit 2, the folder and the reason; the answers saved before stay resumable once it is fixed', async () => {
    const home = tempDir();
    const session = startCli(['start', '--playbook', MINI, '--client', 'Dupont'], home);
    const sessions = join(home, 'sessions');
    let id = '';
    try {
      await enterAt(session, 'Who are you dealing with');
      await enterAt(session, 'step 1/');
      await session.waitForScreen('What did they say?');
      id = onlyRecord(home).id;
      // The folder goes away under the run (a disk unmounted, a folder moved): a file stands in its place.
      renameSync(sessions, `${sessions}.away`);
      writeFileSync(sessions, '');
      await typeText(session, 'They shouted.');
      await newLine(session, 'They shouted.');
      await session.press('enter');
      expect((await session.exited).exitCode).toBe(2);
    } finally {
      session.dispose();
    }
    expect(session.output().replace(/\s+/g, ' ')).toContain(
      `cannot write to ${sessions}: ENOTDIR (it, or a folder above it, is a file). Your answers up to the previous step are saved in session ${id}: once the folder is fixed, go on with: calmclient start --resume ${id}`,
    );
    rmSync(sessions);
    renameSync(`${sessions}.away`, sessions);
    const resumed = await runInProcess(['start', '--resume', id, '--answers', miniAnswers(home)], { home });
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
    const session = startCli(['start', '--resume'], home);
    try {
      await enterAt(session, 'Who are you dealing with');
      await session.waitForScreen('What kind of gap?');
    } finally {
      session.dispose();
    }
    expect(session.raw()).not.toContain('\u001b]52');
    expect(session.raw()).not.toContain('\u202e');
    // The answers given before show in the trail of the next step, cut at a word to fit it.
    expect(session.output()).toContain('They wrote ^[]52;c;ZXZpbA==^G and…');
  });
});
