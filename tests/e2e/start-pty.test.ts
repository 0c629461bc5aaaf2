import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { nextStep, progressOf } from '../../src/engine/run.js';
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
  gesture_details: '10 % off this phase',
  hidden_demand: 'Show the site to the board on Thursday.',
  solution: 'I put the site online and train the team.',
  deadline: '+3',
  followup_date: '+4 10:00',
  lesson: 'Keep a buffer day before launches.',
  signature: 'Camille Martin',
};

const words = {
  en: { step: 'step', review: 'Before anything is written', written: 'Written:', keys: '↑↓ move • ⏎ choose' },
  fr: { step: 'étape', review: 'Avant d\'écrire quoi que ce soit', written: 'Fichiers écrits', keys: '↑↓ se déplacer • ⏎ choisir' },
} as const;

const playbooks = {
  en: loadPlaybookFile(join(ROOT, 'playbooks', 'en', 'crisis.yaml'), 'en'),
  fr: loadPlaybookFile(join(ROOT, 'playbooks', 'fr', 'crisis.yaml'), 'fr'),
};

/** The first line of a step's screen: `step 4/20 · The tone`, or `step 4/20 › A third person` for a branch. */
function head(playbook: Playbook, step: Step, lang: Lang): string {
  const progress = progressOf(playbook, step);
  const counter = `${words[lang].step} ${progress.index}/${progress.total}`;
  return step.title ? `${counter}${progress.branch ? ' › ' : ' · '}${step.title}` : counter;
}

/** The step is on the screen, its head on the top row: earlier steps never stack above it. */
async function onStep(session: PtySession, playbook: Playbook, step: Step, lang: Lang): Promise<void> {
  const expected = head(playbook, step, lang);
  await session.waitUntil((s) => s.lines()[0] === `── ${expected}`, `"${expected}" on the top row`);
}

/** A row of a list with the pointer on `label` (a select or a checkbox). */
const pointedAt = (label: string) => (session: PtySession) =>
  session.lines().some((line) => line.startsWith('❯') && line.endsWith(` ${label}`));

/** A row of a checkbox list with `label` ticked. */
const ticked = (label: string) => (session: PtySession) => session.lines().some((line) => line.includes(`◉ ${label}`));

/** The step's whole screen fits the 24 rows: its head on top, its keys on the last row written. */
function fitsTheScreen(session: PtySession): void {
  const rows = session.screen().split('\n');
  expect(rows.length).toBeLessThanOrEqual(24);
  expect(rows[0]).toMatch(/^── /);
  expect(rows.at(-1)).toMatch(/⏎/);
}

/**
 * Answers one step on the keyboard, waiting after each key for what it must show, and returns what
 * the engine will have stored. The key that ends the step is checked by the caller, which waits for
 * the next step.
 */
async function answerStep(session: PtySession, step: Step): Promise<Answers[string]> {
  switch (step.type) {
    case 'advice':
      await session.waitForScreen('⏎');
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
      await session.waitUntil((s) => s.lines().some((line) => line.startsWith('❯')), 'the yes/no list');
      await session.press('enter');
      return step.default ?? true;
    case 'checkbox': {
      const wanted = step.choices.find((choice) => choice.value === choices[step.id]) ?? step.choices[0];
      if (!wanted) throw new Error(`${step.id} has no choice`);
      for (const choice of step.choices) {
        await session.waitUntil(pointedAt(choice.label), `the pointer on "${choice.label}"`);
        if (choice === wanted) break;
        await session.press('down');
      }
      await session.press('space');
      await session.waitUntil(ticked(wanted.label), `"${wanted.label}" ticked`);
      await session.press('enter');
      return [wanted.value];
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
        await session.waitUntil((s) => s.cursorLine().endsWith(text), `"${text}" typed`);
      }
      await session.press('enter');
      return text;
    }
  }
}

/** Answers every step still open after `answers`, as the engine will ask them, each on its own screen at the top. */
async function answerTheRest(session: PtySession, playbook: Playbook, answers: Answers, lang: Lang): Promise<void> {
  for (let next = nextStep(playbook, answers); next; next = nextStep(playbook, answers)) {
    const { step } = next;
    await onStep(session, playbook, step, lang);
    fitsTheScreen(session);
    answers[step.id] = await answerStep(session, step);
  }
}

/** On the review screen: the pointer on "write", Enter, and the files are written. */
async function writeFromReview(session: PtySession, lang: Lang): Promise<void> {
  await session.waitForScreen(words[lang].review);
  await session.waitUntil((s) => pointedAt(lang === 'fr' ? 'Écrire le compte rendu et le brouillon de mail' : 'Write the recap and the email draft')(s), 'the pointer on write');
  await session.press('enter');
  expect(await session.exited).toMatchObject({ exitCode: 0 });
  expect(session.output()).toContain(words[lang].written);
}

/** A session up to the review, in `lang`, with the client typed in. */
async function toReview(home: string, lang: Lang, env: NodeJS.ProcessEnv = {}): Promise<PtySession> {
  const session = PtySession.start(['start', '--lang', lang], home, { env });
  await session.waitForScreen(lang === 'fr' ? 'Qui est le client' : 'Who is the client');
  await session.type('Dupont & Fils');
  await session.waitForScreen(/client.*Dupont & Fils$/m);
  await session.press('enter');
  await answerTheRest(session, playbooks[lang], {}, lang);
  await session.waitForScreen(words[lang].review);
  return session;
}

function recaps(home: string): string[] {
  return readdirSync(join(home, 'recaps')).sort();
}

function emailOf(home: string): string {
  const name = recaps(home).find((file) => file.endsWith('-email.md'));
  return readFileSync(join(home, 'recaps', name ?? ''), 'utf8');
}

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
    expect(email).toContain('Dupont & Fils');
    expect(email).toContain('I put the site online and train the team.');
    expect(email).not.toMatch(/\{\{|undefined|null/);
  });

  it('cancels cleanly on Ctrl-C, keeps what was typed, says how to go on, and goes on with --resume', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang, '--client', 'Dupont'], home);
    const [breathe, listen, said] = playbook.steps;
    if (!breathe || !listen || !said) throw new Error('the crisis playbook changed');
    try {
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
