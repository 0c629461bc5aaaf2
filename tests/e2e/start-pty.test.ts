import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { nextStep } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Playbook, Step } from '../../src/playbook/schema.js';
import { ROOT, tempDir } from '../helpers.js';
import { PtySession } from '../pty.js';
import type { Lang } from '../../src/types.js';

/** What our person answers, by step id; steps not listed are left empty or take the default. */
const choices: Record<string, string> = {
  tone: 'personal',
  gap: 'delay',
  fault: 'mine',
  gesture: 'discount',
  need: 'control',
  agreement: 'yes',
};
const typed: Record<string, string> = {
  client_words: 'Where is my site? My team waited all week.',
  mediator_name: 'Pierre Durand',
  mediator_role: 'my associate',
  gesture_details: '10 % off this phase',
  hidden_demand: 'Show the site to the board on Thursday.',
  solution: 'I put the site online and train the team.',
  deadline: '+3',
  followup_date: '+4 10:00',
  lesson: 'Keep a buffer day before launches.',
};

/**
 * The questions outside the playbook (session/people.ts): the contact the first time a client is
 * met (and in French, tu or vous), the user's own name the first time an e-mail is signed.
 */
async function answerContact(session: PtySession, lang: Lang): Promise<void> {
  await session.waitFor(lang === 'fr' ? 'Qui est votre interlocuteur' : 'Who are you dealing with');
  await session.type('Priya');
  await session.press('enter');
  await session.waitFor(lang === 'fr' ? 'Son adresse e-mail' : 'Their email address');
  await session.press('enter');
  await session.waitFor(lang === 'fr' ? 'Son numéro de téléphone' : 'Their phone number');
  await session.press('enter');
  if (lang === 'fr') {
    await session.waitFor('vouvoyez');
    await session.press('enter');
  }
}

async function answerProfile(session: PtySession, lang: Lang): Promise<void> {
  await session.waitFor(lang === 'fr' ? 'Votre nom, pour signer' : 'Your name, to sign');
  await session.type('Camille Martin');
  await session.press('enter');
  await session.waitFor(lang === 'fr' ? 'Votre adresse e-mail' : 'Your email address');
  await session.press('enter');
  await session.waitFor(lang === 'fr' ? 'Votre numéro de téléphone' : 'Your phone number');
  await session.press('enter');
}

const progressWord: Record<Lang, string> = { en: 'step', fr: 'étape' };

/** A row of a list with the pointer on `label` (a select or a checkbox). */
const pointedAt = (label: string) => (session: PtySession) =>
  session.lines().some((line) => line.startsWith('❯') && line.endsWith(` ${label}`));

/** A row of a checkbox list with `label` ticked. */
const ticked = (label: string) => (session: PtySession) => session.lines().some((line) => line.includes(`◉ ${label}`));

/**
 * Answers one step on the keyboard, waiting after each key for what it must show, and returns what
 * the engine will have stored. The key that ends the step is checked by the caller, which waits for
 * the next step's counter.
 */
async function answerStep(session: PtySession, step: Step): Promise<Answers[string]> {
  switch (step.type) {
    case 'advice':
      await session.press('enter');
      return true;
    case 'select': {
      const wanted = choices[step.id] ?? step.default ?? step.choices[0]?.value ?? '';
      const from = Math.max(0, step.choices.findIndex((c) => c.value === (step.default ?? step.choices[0]?.value)));
      const to = step.choices.findIndex((c) => c.value === wanted);
      await session.waitUntil(pointedAt(step.choices[from]?.label ?? ''), `the pointer on the default choice of ${step.id}`);
      for (let i = 1; i <= (to - from + step.choices.length) % step.choices.length; i++) {
        await session.press('down');
        const label = step.choices[(from + i) % step.choices.length]?.label ?? '';
        await session.waitUntil(pointedAt(label), `the pointer on "${label}"`);
      }
      await session.press('enter');
      return wanted;
    }
    case 'confirm':
      await session.press('enter');
      return step.default ?? true;
    case 'checkbox': {
      const first = step.choices[0];
      if (!first) throw new Error(`${step.id} has no choice`);
      await session.waitUntil(pointedAt(first.label), `the pointer on "${first.label}"`);
      await session.press('space');
      await session.waitUntil(ticked(first.label), `"${first.label}" ticked`);
      await session.press('enter');
      return [first.value];
    }
    case 'text': {
      const text = typed[step.id];
      if (text) {
        await session.type(text);
        await session.waitUntil((s) => s.cursorLine() === `  ${text}`, `"${text}" typed`);
        await session.press('enter');
        // The line is kept, and the cursor waits on a new empty line under it.
        await session.waitUntil(
          (s) => s.lines()[s.cursorRow()] === '' && s.lines()[s.cursorRow() - 1] === `  ${text}`,
          `an empty line under "${text}"`,
        );
      }
      await session.press('enter');
      return text ?? '';
    }
    case 'input':
    case 'date': {
      let text = typed[step.id] ?? '';
      // A time step with a default pre-fills the day: the person only adds the time.
      if (step.type === 'date' && step.time && step.default) text = text.replace(/^\S+\s*/, '');
      if (text) {
        await session.type(text);
        // The prompt breaks a long line itself, and may show what it understood under it.
        await session.waitUntil((s) => s.textBeforeCursor().endsWith(text), `"${text}" typed`);
      }
      await session.press('enter');
      return text;
    }
  }
}

/** Answers every step still open after `answers`, as the engine will ask them, up to the files. */
async function answerTheRest(session: PtySession, playbook: Playbook, answers: Answers, lang: Lang, signs = true): Promise<void> {
  for (let next = nextStep(playbook, answers); next; next = nextStep(playbook, answers)) {
    const { step, progress } = next;
    await session.waitForScreen(`${progressWord[lang]} ${progress.index}/${progress.total}`);
    answers[step.id] = await answerStep(session, step);
  }
  if (signs) await answerProfile(session, lang);
  // The files are written and the process ends; what it printed last may have scrolled by.
  expect(await session.exited).toMatchObject({ exitCode: 0 });
  expect(session.output()).toContain(lang === 'fr' ? 'Fichiers écrits' : 'Written:');
}

describe.each(['en', 'fr'] as const)('calmclient start in a terminal (%s)', (lang) => {
  const playbook = loadPlaybookFile(join(ROOT, 'playbooks', lang, 'crisis.yaml'), lang);

  it('walks a person through the whole crisis and writes the recap and the email', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang], home);
    try {
      await session.waitForScreen(lang === 'fr' ? 'Qui est le client' : 'Who is the client');
      await session.type('Dupont & Fils');
      await session.waitForScreen(/client.*Dupont & Fils$/m);
      await session.press('enter');
      await answerContact(session, lang);

      await answerTheRest(session, playbook, {}, lang);
    } finally {
      session.dispose();
    }

    const recaps = join(home, 'recaps');
    const files = readdirSync(recaps);
    expect(files.filter((name) => name.endsWith('.md'))).toHaveLength(2);
    const email = readFileSync(join(recaps, files.find((f) => f.endsWith('-email.md')) ?? ''), 'utf8');
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
    try {
      await answerContact(session, lang);
      await session.waitForScreen(`${progressWord[lang]} 1/`);
      await session.press('enter');
      await session.waitForScreen(`${progressWord[lang]} 2/`);
      await session.press('enter');
      await session.waitForScreen(`${progressWord[lang]} 3/`);
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
      await resumed.waitForScreen(lang === 'fr' ? 'Vos réponses précédentes' : 'Your earlier answers');
      await answerTheRest(resumed, playbook, { ...saved.answers }, lang);
    } finally {
      resumed.dispose();
    }
    const finished = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
    expect(finished).toMatchObject({ id: saved.id, status: 'open', client: 'Dupont' });
    expect(readdirSync(join(home, 'recaps')).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });

  it('keeps the draft when the terminal closes or the process is told to stop', async () => {
    for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
      const home = tempDir();
      const session = PtySession.start(['start', '--lang', lang, '--client', 'Martin'], home);
      try {
        await answerContact(session, lang);
        await session.waitForScreen(`${progressWord[lang]} 1/`);
        await session.press('enter');
        // Step 2 on the screen: the answer to step 1 is in the draft.
        await session.waitForScreen(`${progressWord[lang]} 2/`);
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
  // Fails today: the message after Ctrl-C is one line of about 130 columns, which the terminal breaks
  // wherever the edge falls ("Po" / "ur reprendre" in French). Issue 15, item 8: lines are wrapped
  // to the screen's width by calmclient, never by the terminal.
  it.fails('prints no line wider than the screen, up to the message after Ctrl-C', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang, '--client', 'Dupont'], home);
    try {
      await session.waitForScreen(`${progressWord[lang]} 1/`);
      expect(session.wrappedRows()).toEqual([]);
      await session.press('enter');
      await session.waitForScreen(`${progressWord[lang]} 2/`);
      expect(session.wrappedRows()).toEqual([]);
      await session.press('ctrl-c');
      expect(await session.exited).toMatchObject({ exitCode: 130 });
      expect(session.wrappedRows(), session.screen()).toEqual([]);
    } finally {
      session.dispose();
    }
  });
});
