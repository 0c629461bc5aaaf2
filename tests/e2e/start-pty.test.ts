import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { PtySession } from '../pty.js';
import { answerContact, answerProfile, answerTheRest, emailOf, onStep, playbooks, recaps, toReview, writeFromReview, words } from './crisis-pty.js';

describe.each(['en', 'fr'] as const)('calmclient start in a terminal (%s)', (lang) => {
  const playbook = playbooks[lang];

  it('walks a person through the whole crisis, one step per screen, reviews, and writes the recap and the email', async () => {
    const home = tempDir();
    const session = await toReview(home, lang);
    try {
      await writeFromReview(session, lang);
    } finally {
      session.dispose();
    }
    expect(recaps(home).filter((name) => name.endsWith('.md'))).toHaveLength(2);
    const email = emailOf(home);
    expect(email).toContain('Priya');
    expect(email).toContain('Camille Martin');
    // The person handed over (tone: personal, a mediator): the e-mail says who calls back.
    expect(email).toContain('Pierre Durand');
    expect(email).toContain('I put the site online and train the team.');
    expect(email).not.toMatch(/\{\{|undefined|null/);
  });

  it('cancels cleanly on Ctrl-C, keeps what was typed, says how to go on, and goes on with --resume', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang, '--client', 'Dupont'], home);
    const [breathe, listen, said] = playbook.steps;
    if (!breathe || !listen || !said) throw new Error('the crisis playbook changed');
    try {
      await answerContact(session, lang);
      await onStep(session, playbook, breathe, lang);
      await session.press('enter');
      await onStep(session, playbook, listen, lang);
      await session.press('enter');
      await onStep(session, playbook, said, lang);
      await session.type('They are furious');
      await session.waitForScreen('  They are furious');
      await session.press('ctrl-c');
      expect(await session.exited).toMatchObject({ exitCode: 130 });
    } finally {
      session.dispose();
    }
    expect(session.screenText()).toMatch(lang === 'fr' ? /Interrompu\. Vos réponses sont enregistrées dans la session/ : /Stopped\. Your answers so far are saved in session/);
    expect(session.output()).not.toMatch(/\n\s+at /);
    const [record] = readdirSync(join(home, 'sessions'));
    const saved = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
    expect(saved).toMatchObject({ status: 'draft', client: 'Dupont' });

    const resumed = PtySession.start(['start', '--resume'], home);
    try {
      await answerTheRest(resumed, playbook, { ...saved.answers }, lang);
      await answerProfile(resumed, lang);
      await writeFromReview(resumed, lang);
    } finally {
      resumed.dispose();
    }
    const finished = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
    expect(finished).toMatchObject({ id: saved.id, status: 'open', client: 'Dupont' });
    expect(recaps(home).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });

  it('keeps the draft when the terminal closes or the process is told to stop', async () => {
    for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
      const home = tempDir();
      const session = PtySession.start(['start', '--lang', lang, '--client', 'Martin'], home);
      const [breathe, listen] = playbook.steps;
      if (!breathe || !listen) throw new Error('the crisis playbook changed');
      try {
        await answerContact(session, lang);
        await onStep(session, playbook, breathe, lang);
        await session.press('enter');
        // Step 2 on the screen: the answer to step 1 is in the draft.
        await onStep(session, playbook, listen, lang);
        session.kill(signal);
        expect((await session.exited).exitCode).toBe(130);
      } finally {
        session.dispose();
      }
      const [record] = readdirSync(join(home, 'sessions'));
      const saved = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
      expect(saved).toMatchObject({ status: 'draft', client: 'Martin', answers: { breathe: true } });
    }
  });
});

describe.each(['en', 'fr'] as const)('calmclient start at 80 columns (%s)', (lang) => {
  const playbook = playbooks[lang];
  // Issue 15, item 8: lines are wrapped to the screen's width by calmclient, never by the terminal.
  it('prints no line wider than the screen, up to the message after Ctrl-C', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang, '--client', 'Dupont'], home);
    const [breathe, listen] = playbook.steps;
    if (!breathe || !listen) throw new Error('the crisis playbook changed');
    try {
      await answerContact(session, lang);
      await onStep(session, playbook, breathe, lang);
      expect(session.wrappedRows(), session.screen()).toEqual([]);
      await session.press('enter');
      await onStep(session, playbook, listen, lang);
      expect(session.wrappedRows(), session.screen()).toEqual([]);
      await session.press('ctrl-c');
      expect(await session.exited).toMatchObject({ exitCode: 130 });
      expect(session.wrappedRows(), session.screen()).toEqual([]);
      expect(session.screenText()).toContain(lang === 'fr' ? 'Interrompu' : 'Stopped');
    } finally {
      session.dispose();
    }
  });

  it('keeps every step of the walk, and the review, within the screen', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang, '--client', 'Dupont & Fils'], home);
    try {
      await answerContact(session, lang);
      await answerTheRest(session, playbook, {}, lang, (step) => expect(session.wrappedRows(), `${step.id}\n${session.screen()}`).toEqual([]));
      await answerProfile(session, lang);
      await session.waitForScreen(words[lang].review);
      await session.waitUntil((s) => s.lines().some((line) => line.startsWith('❯')), 'the review list');
      expect(session.wrappedRows(), session.screen()).toEqual([]);
    } finally {
      session.dispose();
    }
  });
});
