import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { nextStep, progressOf } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Playbook, Step } from '../../src/playbook/schema.js';
import { ROOT } from '../helpers.js';
import { PtySession } from '../pty.js';
import type { Lang } from '../../src/types.js';

/**
 * A person walking the crisis playbook in a pseudo-terminal: each step waited for on the top row of
 * the screen, answered on the keyboard, and the review at the end. Shared by the pty tests of start.
 */

/** What our person answers, by step id; steps not listed are left empty or take the default. */
export const choices: Record<string, string> = {
  tone: 'personal',
  gap: 'delay',
  fault: 'mine',
  gesture: 'discount',
  need: 'control',
  agreement: 'yes',
};
export const typed: Record<string, string> = {
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

export const words = {
  en: { step: 'step', review: 'Before anything is written', written: 'Written:', keys: '↑↓ move • ⏎ choose' },
  fr: { step: 'étape', review: 'Avant d\'écrire quoi que ce soit', written: 'Fichiers écrits', keys: '↑↓ se déplacer • ⏎ choisir' },
} as const;

export const playbooks = {
  en: loadPlaybookFile(join(ROOT, 'playbooks', 'en', 'crisis.yaml'), 'en'),
  fr: loadPlaybookFile(join(ROOT, 'playbooks', 'fr', 'crisis.yaml'), 'fr'),
};

/** The first line of a step's screen: `step 4/20 · The tone`, or `step 4/20 › A third person` for a branch. */
export function head(playbook: Playbook, step: Step, lang: Lang): string {
  const progress = progressOf(playbook, step);
  const counter = `${words[lang].step} ${progress.index}/${progress.total}`;
  return step.title ? `${counter}${progress.branch ? ' › ' : ' · '}${step.title}` : counter;
}

/** French text keeps its no-break spaces on screen (before `:`, inside `« »`): compared as plain spaces. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Waits for a question outside the playbook (its own screen part, no step count) and answers it. */
async function answerOutside(session: PtySession, question: string, text: string): Promise<void> {
  await session.waitUntil((s) => plainSpaces(s.screenText()).includes(question) && s.cursorLine().trimStart().startsWith('›'), `the question "${question}"`);
  if (text) {
    await session.type(text);
    await session.waitUntil((s) => s.cursorLine().endsWith(text), `"${text}" typed`);
  }
  await session.press('enter');
}

/**
 * The question outside the playbook (session/people.ts) before the first step: the contact's name,
 * the first time a client is met.
 */
export async function answerContact(session: PtySession, lang: Lang): Promise<void> {
  await answerOutside(session, lang === 'fr' ? 'Qui est votre interlocuteur' : 'Who are you dealing with', 'Priya');
}

/**
 * After the last step, the first time: the contact's e-mail address and phone (and in French, tu or
 * vous), then the user's own name (and optional address and phone) to sign the e-mail.
 */
export async function answerProfile(session: PtySession, lang: Lang): Promise<void> {
  await answerOutside(session, lang === 'fr' ? 'Adresse e-mail de Priya' : 'Email address of Priya', '');
  await answerOutside(session, lang === 'fr' ? 'Numéro de téléphone de Priya' : 'Phone number of Priya', '');
  if (lang === 'fr') {
    await session.waitUntil((s) => s.screenText().includes('vouvoyez ou tutoyez Priya') && pointedAt('Vous')(s), 'the question of tu or vous');
    await session.press('enter');
  }
  await answerOutside(session, lang === 'fr' ? 'Votre nom, pour signer' : 'Your name, to sign', 'Camille Martin');
  await answerOutside(session, lang === 'fr' ? 'Votre adresse e-mail' : 'Your email address', '');
  await answerOutside(session, lang === 'fr' ? 'Votre numéro de téléphone' : 'Your phone number', '');
}

/** The step is on the screen, its head on the top row: earlier steps never stack above it. */
export async function onStep(session: PtySession, playbook: Playbook, step: Step, lang: Lang): Promise<void> {
  const expected = plainSpaces(head(playbook, step, lang));
  // Two steps may share a head (a branch of two questions under one title): the question tells them apart.
  const question = step.type === 'advice' ? '' : plainSpaces(step.message).replace(/\s+/g, ' ').slice(0, 30);
  // The whole step drawn: its head on the top row, its question, its keys on the last row written.
  await session.waitUntil(
    (s) =>
      plainSpaces(s.lines()[0] ?? '') === `── ${expected}` &&
      plainSpaces(s.screenText()).includes(question) &&
      /⏎/.test(s.screen().split('\n').at(-1) ?? ''),
    `"${expected}" on the top row, and the step's keys under it`,
  );
}

/** A row of a list with the pointer on `label` (a select or a checkbox). */
export const pointedAt = (label: string) => (session: PtySession) =>
  session.lines().some((line) => line.startsWith('❯') && plainSpaces(line).endsWith(` ${plainSpaces(label)}`));

/** A row of a checkbox list with `label` ticked. */
export const ticked = (label: string) => (session: PtySession) => session.lines().some((line) => plainSpaces(line).includes(`◉ ${plainSpaces(label)}`));

/** The step's whole screen fits the 24 rows: its head on top, its keys on the last row written. */
export function fitsTheScreen(session: PtySession): void {
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
export async function answerStep(session: PtySession, step: Step): Promise<Answers[string]> {
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
export async function answerTheRest(
  session: PtySession,
  playbook: Playbook,
  answers: Answers,
  lang: Lang,
  onScreen: (step: Step) => void = () => undefined,
): Promise<void> {
  for (let next = nextStep(playbook, answers); next; next = nextStep(playbook, answers)) {
    const { step } = next;
    await onStep(session, playbook, step, lang);
    fitsTheScreen(session);
    onScreen(step);
    answers[step.id] = await answerStep(session, step);
  }
}

/**
 * Ends a multi-line answer whose cursor is at the end of its last line: Enter opens a new line, and
 * once it is on the screen, Enter on it finishes (two Enters sent together could be taken for a paste).
 */
export async function finishText(session: PtySession): Promise<void> {
  await session.press('enter');
  await session.waitUntil((s) => s.cursorLine() === '', 'an empty line under the answer');
  await session.press('enter');
}

/** The row the review list's pointer is on. */
export const pointer = (session: PtySession): string | undefined => session.lines().find((line) => line.startsWith('❯'));

/** Moves the review list's pointer down to the row holding `text`, and picks it. */
export async function pickInReview(session: PtySession, text: string): Promise<void> {
  await session.waitUntil((s) => pointer(s) !== undefined, 'the review list');
  for (let moves = 0; !pointer(session)?.includes(text); moves++) {
    if (moves > 40) throw new Error(`no row "${text}" in the review:\n${session.screen()}`);
    const before = pointer(session);
    await session.press('down');
    // The list drawn again with the pointer on another row (never caught halfway through the redraw).
    await session.waitUntil((s) => pointer(s) !== undefined && pointer(s) !== before, 'the pointer moved');
  }
  await session.press('enter');
}

/** The step of `playbook` with this id. */
export function stepOf(playbook: Playbook, id: string): Step {
  const step = playbook.steps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

/** On the review screen: the pointer on "write", Enter, and the files are written. */
export async function writeFromReview(session: PtySession, lang: Lang): Promise<void> {
  await session.waitForScreen(words[lang].review);
  await session.waitUntil((s) => pointedAt(lang === 'fr' ? "Écrire le compte rendu et le brouillon d'e-mail" : 'Write the recap and the email draft')(s), 'the pointer on write');
  await session.press('enter');
  expect(await session.exited).toMatchObject({ exitCode: 0 });
  expect(session.output()).toContain(words[lang].written);
}

/** A session up to the review, in `lang`, with the client typed in. */
export async function toReview(home: string, lang: Lang, env: NodeJS.ProcessEnv = {}, onScreen?: (step: Step) => void): Promise<PtySession> {
  const session = PtySession.start(['start', '--lang', lang], home, { env });
  await session.waitForScreen(lang === 'fr' ? 'Qui est le client' : 'Who is the client');
  await session.type('Dupont & Fils');
  await session.waitForScreen(/client.*Dupont & Fils$/m);
  await session.press('enter');
  await answerContact(session, lang);
  await answerTheRest(session, playbooks[lang], {}, lang, onScreen);
  await answerProfile(session, lang);
  await session.waitForScreen(words[lang].review);
  await session.waitUntil((s) => s.lines().some((line) => line.startsWith('❯')), 'the review list');
  return session;
}

export function recaps(home: string): string[] {
  return readdirSync(join(home, 'recaps')).sort();
}

export function emailOf(home: string): string {
  const name = recaps(home).find((file) => file.endsWith('-email.md'));
  return readFileSync(join(home, 'recaps', name ?? ''), 'utf8');
}

