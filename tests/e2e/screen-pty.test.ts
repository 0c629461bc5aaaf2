import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { PtySession } from '../pty.js';
import {
  finishText,
  plainSpaces,
  answerContact,
  answerProfile,
  answerStep,
  answerTheRest,
  emailOf,
  onStep,
  pickInReview,
  playbooks,
  pointedAt,
  pointer,
  recaps,
  stepOf,
  toReview,
  typed,
  words,
  writeFromReview,
} from './crisis-pty.js';

/**
 * The screen of a call, driven as a person would (issue 15): each step at a glance, Escape to go
 * back, the review before anything is written (an answer changed and its branch worked out again,
 * the draft edited in $EDITOR), multi-line answers pasted, French everywhere under --lang fr.
 */

const en = playbooks.en;
const fr = playbooks.fr;

/** A new English crisis: the contact's name, then the two advice steps, up to the step that takes the client's words. */
async function toTheirWords(session: PtySession): Promise<void> {
  await answerContact(session, 'en');
  for (const id of ['breathe', 'listen']) {
    await onStep(session, en, stepOf(en, id), 'en');
    await session.press('enter');
  }
}

function sessionRecord(home: string): Record<string, unknown> & { id: string; answers: Record<string, unknown> } {
  const [file] = readdirSync(join(home, 'sessions'));
  return JSON.parse(readFileSync(join(home, 'sessions', file ?? ''), 'utf8'));
}

describe('each step at a glance', () => {
  it('speaks French in every word of every screen under --lang fr, and each step fits 80×24 with its head on top', async () => {
    const home = tempDir();
    const english = /\b(move|choose|tick|confirm|back|go on|new line|done|reasons|examples|fold|navigate|select|submit|space|Esc|step)\b/;
    let seen = 0;
    const session = PtySession.start(['start', '--lang', 'fr', '--client', 'Dupont & Fils'], home);
    try {
      await answerContact(session, 'fr');
      await answerTheRest(session, fr, {}, 'fr', (step) => {
        const screen = session.screen();
        const keys = screen.split('\n').at(-1) ?? '';
        expect(keys, `${step.id}: ${keys}`).not.toMatch(english);
        if (step.type === 'select' || step.type === 'confirm') expect(keys).toContain('↑↓ se déplacer • ⏎ choisir');
        if (step.type === 'checkbox') expect(keys).toContain('↑↓ se déplacer • espace cocher • ⏎ valider');
        if (step.type === 'text') expect(keys).toContain('⏎ nouvelle ligne • ⏎ ⏎ terminer');
        if (step.type === 'advice') expect(keys).toContain('⏎ continuer');
        // What to do now, in one line, with the question under it.
        if (step.now) expect(plainSpaces(screen).replace(/\s+/g, ' ')).toContain(`▸ ${plainSpaces(step.now)}`);
        seen++;
      });
      await answerProfile(session, 'fr');
      await session.waitForScreen(words.fr.review);
      await session.waitUntil((s) => pointer(s) !== undefined, 'the review list');
      expect(seen).toBeGreaterThan(15);
      // The review speaks French too, Inquirer's key hints included (drawn after the list: waited for).
      await session.waitForScreen('↑↓ se déplacer • ⏎ choisir');
      expect(session.screen()).not.toMatch(/navigate|select\b/);
      await writeFromReview(session, 'fr');
    } finally {
      session.dispose();
    }
  });

  it('keeps a question step within about eight lines at 80 columns, its reasons on ?', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', 'en', '--client', 'Dupont'], home);
    try {
      await toTheirWords(session);
      const said = stepOf(en, 'client_words');
      await onStep(session, en, said, 'en');
      const rows = session.screen().split('\n');
      expect(rows.length).toBeLessThanOrEqual(8);
      expect(session.screen()).not.toContain('Quote, don');
      await session.type('?');
      await session.waitForScreen('Quote, don');
      await session.waitForScreen('? fold');
      await session.type('?');
      await session.waitUntil((s) => !s.screen().includes('Quote, don'), 'the reasons folded again');
      expect(session.screen().split('\n').length).toBeLessThanOrEqual(8);
    } finally {
      session.dispose();
    }
  });

  it('opens advice the first time, and keeps advice already read folded on later runs', async () => {
    const home = tempDir();
    const breathe = stepOf(en, 'breathe');
    if (breathe.type !== 'advice') throw new Error('breathe is advice');
    const firstSentence = breathe.text.split('\n')[0] ?? '';
    const first = PtySession.start(['start', '--lang', 'en', '--client', 'Dupont'], home);
    try {
      await answerContact(first, 'en');
      await onStep(first, en, breathe, 'en');
      expect(first.screen()).toContain(firstSentence);
      await first.press('enter');
      await onStep(first, en, stepOf(en, 'listen'), 'en');
      await first.press('ctrl-c');
      await first.exited;
    } finally {
      first.dispose();
    }
    expect(JSON.parse(readFileSync(join(home, 'advice-read.json'), 'utf8'))).toMatchObject({ read: expect.arrayContaining(['crisis/breathe']) });
    const second = PtySession.start(['start', '--lang', 'fr', '--client', 'Martin'], home);
    try {
      await answerContact(second, 'fr');
      await onStep(second, fr, stepOf(fr, 'breathe'), 'fr');
      // Read in English, folded in French too: the line of what to do now, and ? for the rest.
      expect(plainSpaces(second.screen())).toContain(`▸ ${plainSpaces(stepOf(fr, 'breathe').now ?? '')}`);
      expect(second.screen().split('\n').length).toBeLessThanOrEqual(8);
      expect(second.screen()).toContain('? raisons, exemples');
    } finally {
      second.dispose();
    }
  });
});

describe('going back', () => {
  it('goes back with Escape to the previous question, its answer filled in, and on again from there', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', 'en', '--client', 'Dupont'], home);
    const tone = stepOf(en, 'tone');
    const said = stepOf(en, 'client_words');
    const mediator = stepOf(en, 'mediator');
    if (tone.type !== 'select') throw new Error('tone is a list');
    try {
      await toTheirWords(session);
      await onStep(session, en, said, 'en');
      await answerStep(session, said);
      await onStep(session, en, tone, 'en');
      await session.press('escape');
      // Back on the words, as typed, the cursor at their end.
      await onStep(session, en, said, 'en');
      await session.waitUntil((s) => s.cursorLine() === `  ${typed.client_words}`, 'the words typed before, filled in');
      await finishText(session);
      await onStep(session, en, tone, 'en');
      await answerStep(session, tone);
      // "Personal attacks" opens the mediator step, a branch: it keeps step 4's number.
      await onStep(session, en, mediator, 'en');
      expect(session.lines()[0]).toMatch(/^── step 4\/20 › /);
      await session.press('escape');
      await onStep(session, en, tone, 'en');
      const personal = tone.choices.find((choice) => choice.value === 'personal')?.label ?? '';
      await session.waitUntil(pointedAt(personal), 'the pointer on the answer given before');
      // Backspace and Left go back in a list too.
      await session.press('left');
      await onStep(session, en, said, 'en');
    } finally {
      session.dispose();
    }
  });
});

describe('the review before anything is written', () => {
  it('changes an answer: the branch it closes goes, and when it opens again, its questions are asked again with their answers', async () => {
    const home = tempDir();
    const session = await toReview(home, 'en');
    const fault = stepOf(en, 'fault');
    const gesture = stepOf(en, 'gesture');
    if (fault.type !== 'select' || gesture.type !== 'select') throw new Error('fault and gesture are lists');
    const label = (value: string) => fault.choices.find((choice) => choice.value === value)?.label ?? '';
    try {
      expect(readdirSync(home)).not.toContain('recaps');
      expect(sessionRecord(home).answers).toMatchObject({ gesture: 'discount' });
      await pickInReview(session, fault.title ?? '');
      await onStep(session, en, fault, 'en');
      await session.waitUntil(pointedAt(label('mine')), 'the answer given, offered');
      await session.press('down');
      await session.press('down');
      await session.waitUntil(pointedAt(label('theirs')), `the pointer on "${label('theirs')}"`);
      await session.press('enter');
      // Back at the review: the gesture's branch is closed.
      await session.waitForScreen(words.en.review);
      await session.waitUntil((s) => s.screen().includes(label('theirs')), 'the new answer');
      // The draft keeps no answer of the closed branch.
      expect(sessionRecord(home).answers).toMatchObject({ fault: 'theirs' });
      expect(sessionRecord(home).answers).not.toHaveProperty('gesture');
      // Nothing written yet.
      expect(readdirSync(home)).not.toContain('recaps');

      await pickInReview(session, fault.title ?? '');
      await onStep(session, en, fault, 'en');
      await session.press('up');
      await session.waitUntil(pointedAt(label('shared')), `the pointer on "${label('shared')}"`);
      await session.press('enter');
      // The branch opens again: its advice, then its questions, their answers offered again.
      await onStep(session, en, stepOf(en, 'own_it'), 'en');
      await session.press('enter');
      await onStep(session, en, gesture, 'en');
      const discount = gesture.choices.find((choice) => choice.value === 'discount')?.label ?? '';
      await session.waitUntil(pointedAt(discount), 'the gesture given before');
      await session.press('enter');
      await onStep(session, en, stepOf(en, 'gesture_details'), 'en');
      await session.waitUntil((s) => s.cursorLine().endsWith(typed.gesture_details ?? ''), 'the details given before');
      await session.press('enter');
      await writeFromReview(session, 'en');
    } finally {
      session.dispose();
    }
    const saved = sessionRecord(home);
    expect(saved.answers).toMatchObject({ fault: 'shared', gesture: 'discount', gesture_details: typed.gesture_details });
    // (English typography writes 10%, without the space typed.)
    expect(emailOf(home)).toContain('off this phase');
  });

  it("edits the draft in $EDITOR, checks it again, and writes it as edited", async () => {
    const home = tempDir();
    const editor = join(tempDir(), 'editor.js');
    // An editor that rewrites the subject and adds a vague promise, as a hurried person might.
    writeFileSync(
      editor,
      `#!${process.execPath}\nconst fs = require('node:fs');\nconst file = process.argv[2];\nconst text = fs.readFileSync(file, 'utf8').replace(/^Subject: .*/, 'Subject: Our plan, edited by hand');\nfs.writeFileSync(file, text + '\\nI will be back to you as soon as possible.\\n');\n`,
    );
    chmodSync(editor, 0o755);
    const session = await toReview(home, 'en', { EDITOR: editor, VISUAL: '' });
    try {
      await pickInReview(session, 'Edit the draft in your editor');
      await session.waitForScreen('(edited by hand)');
      // The words the editor added are read like the rest.
      await session.waitForScreen(/as soon as possible/i);
      await writeFromReview(session, 'en');
    } finally {
      session.dispose();
    }
    const email = emailOf(home);
    expect(email.startsWith('Subject: Our plan, edited by hand')).toBe(true);
    expect(email).toContain('as soon as possible');
    const eml = recaps(home).find((name) => name.endsWith('.eml'));
    expect(readFileSync(join(home, 'recaps', eml ?? ''), 'utf8')).toMatch(/^Subject: Our plan, edited by hand/m);
    expect(sessionRecord(home).editedEmail).toContain('edited by hand');
  });

  it('keeps everything on Ctrl-C at the review, and --resume comes back to it', async () => {
    const home = tempDir();
    const session = await toReview(home, 'fr');
    try {
      await session.press('ctrl-c');
      expect((await session.exited).exitCode).toBe(130);
    } finally {
      session.dispose();
    }
    expect(session.screenText()).toMatch(/Interrompu\. Vos réponses sont enregistrées dans la session/);
    expect(existsSync(join(home, 'recaps'))).toBe(false);
    expect(sessionRecord(home)).toMatchObject({ status: 'draft', answers: { lesson: typed.lesson } });
    const resumed = PtySession.start(['start', '--resume'], home);
    try {
      await writeFromReview(resumed, 'fr');
    } finally {
      resumed.dispose();
    }
    expect(sessionRecord(home)).toMatchObject({ status: 'open' });
  });

  it('amends a finished session with --resume ID: the same review, new files beside the old ones', async () => {
    const home = tempDir();
    const first = await toReview(home, 'en');
    try {
      await writeFromReview(first, 'en');
    } finally {
      first.dispose();
    }
    const before = recaps(home);
    const { id } = sessionRecord(home);
    const session = PtySession.start(['start', '--resume', id], home);
    try {
      await session.waitForScreen(words.en.review);
      await session.waitForScreen('new files will be written beside the old ones');
      await pickInReview(session, stepOf(en, 'solution').title ?? '');
      await onStep(session, en, stepOf(en, 'solution'), 'en');
      await session.waitUntil((s) => s.cursorLine() === `  ${typed.solution}`, 'the plan, as written');
      await session.press('enter');
      await session.type('Call the board on Friday.');
      await session.waitUntil((s) => s.cursorLine() === '  Call the board on Friday.', 'the new line typed');
      await finishText(session);
      await writeFromReview(session, 'en');
    } finally {
      session.dispose();
    }
    const after = recaps(home);
    // Every old file is still there, untouched; the new ones take the next free names.
    for (const name of before) expect(after).toContain(name);
    expect(after.length).toBe(before.length * 2);
    const record = sessionRecord(home);
    expect(record).toMatchObject({ id, status: 'open' });
    expect(record.previousFiles).toEqual(expect.arrayContaining(before.map((name) => join(home, 'recaps', name))));
    const newEmail = after.filter((name) => /-email(-\d+)?\.md$/.test(name)).find((name) => !before.includes(name)) ?? '';
    expect(readFileSync(join(home, 'recaps', newEmail), 'utf8')).toContain('Call the board on Friday.');
  });
});

describe('multi-line answers', () => {
  it('takes pasted lines as lines, and moves within the answer with Up and Down', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', 'en', '--client', 'Dupont'], home);
    try {
      await toTheirWords(session);
      await onStep(session, en, stepOf(en, 'client_words'), 'en');
      await session.paste('The site is down.\n\nWe lost two orders.');
      await session.waitUntil((s) => s.cursorLine() === '  We lost two orders.', 'the pasted lines');
      expect(session.lines()).toEqual(expect.arrayContaining(['  The site is down.', '', '  We lost two orders.']));
      // Up twice: on the first line, to add to it; nothing is copied from one line into another.
      await session.press('up');
      await session.press('up');
      await session.waitUntil((s) => s.cursorLine() === '  The site is down.', 'the cursor on the first line');
      await session.type(' Again');
      await session.waitUntil((s) => s.lines().includes('  The site is down. Again'), 'the first line completed');
      await session.press('down');
      await session.press('down');
      await session.waitUntil((s) => s.cursorLine() === '  We lost two orders.', 'the cursor on the last line');
      await session.press('enter');
      // Backspace at the start of an empty line joins it to the one above.
      await session.waitUntil((s) => s.cursorLine() === '', 'a new empty line');
      await session.press('backspace');
      await session.waitUntil((s) => s.cursorLine() === '  We lost two orders.', 'back at the end of the line above');
      await finishText(session);
      await onStep(session, en, stepOf(en, 'tone'), 'en');
    } finally {
      session.dispose();
    }
    expect(sessionRecord(home).answers.client_words).toBe('The site is down. Again\n\nWe lost two orders.');
  });
});

describe('a resumed session', () => {
  it('goes back with Escape over the answers given before it stopped', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', 'en', '--client', 'Dupont'], home);
    const said = stepOf(en, 'client_words');
    try {
      await answerContact(session, 'en');
      await answerTheRest(session, en, {}, 'en', (step) => {
        if (step.id === 'tone') session.kill('SIGTERM');
      }).catch(() => undefined);
      await session.exited;
    } finally {
      session.dispose();
    }
    const resumed = PtySession.start(['start', '--resume'], home);
    try {
      await onStep(resumed, en, stepOf(en, 'tone'), 'en');
      await resumed.waitForScreen('Resumed: 1 answer already given');
      await resumed.press('escape');
      await onStep(resumed, en, said, 'en');
      await resumed.waitUntil((s) => s.cursorLine() === `  ${typed.client_words}`, 'the words given before');
      expect(pointer(resumed)).toBeUndefined();
    } finally {
      resumed.dispose();
    }
  });
});
