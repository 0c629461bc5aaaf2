import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.js';
import { BACK, type Back, type StepContext } from '../../src/engine/run.js';
import { CancelledError } from '../../src/errors.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Step } from '../../src/playbook/schema.js';
import { InquirerPrompter } from '../../src/prompters/inquirer.js';
import { FIXTURES } from '../helpers.js';

const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
const NOW = new Date(2026, 10, 22, 10, 0);
const context: StepContext = { progress: { index: 2, total: 6 }, trail: [], canGoBack: true };

/**
 * A keyboard and a screen for the adapter: keys go in, everything it prints is kept. Nothing waits
 * for time to pass: a test waits for what a key must print (`waitFor`), and the clock is a fake one
 * that a person's pace moves on by 100 ms at each key. The multi-line prompt tells a paste from
 * typing by the time between keys; on the real clock a test types faster than any hand.
 */
function terminal(lang: 'en' | 'fr' = 'en') {
  const input = new PassThrough();
  let screen = '';
  let seen = 0;
  const listeners = new Set<() => void>();
  const output = new Writable({
    write(chunk, _encoding, callback) {
      screen += String(chunk);
      for (const listener of [...listeners]) listener();
      callback();
    },
  });
  const prompter = new InquirerPrompter({ lang, now: NOW, input, output, colours: new Chalk({ level: 0 }) });
  const nextKey = () => vi.setSystemTime(Date.now() + 100);
  const shown = () => stripVTControlCharacters(screen);
  return {
    prompter,
    screen: shown,
    /** What was printed, escape sequences included. */
    raw: () => screen,
    /** Resolves when `text` is printed after the previous match (fails the test by its timeout otherwise). */
    waitFor(text: string): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          const at = shown().indexOf(text, seen);
          if (at < 0) return;
          seen = at + text.length;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
      });
    },
    type(text: string) {
      nextKey();
      // Like @inquirer/testing: the text reaches readline as data, the key events tell the prompt.
      input.write(text);
      for (const char of text) input.emit('keypress', null, { name: char });
    },
    press(name: string, modifiers: { ctrl?: boolean } = {}) {
      nextKey();
      input.emit('keypress', null, { name, ...modifiers });
    },
    /** Raw bytes, as a terminal sends them (a bracketed paste, a key's escape sequence). */
    send(data: string) {
      nextKey();
      input.write(data);
    },
  };
}

function question(id: string) {
  const step = mini.steps.find((s: Step) => s.id === id);
  if (!step || step.type === 'advice') throw new Error(`no question ${id}`);
  return step;
}

async function answer(id: string, keys: (t: ReturnType<typeof terminal>) => Promise<void>, asked: Partial<StepContext> = {}) {
  const t = terminal();
  const reply: Promise<AnswerValue | undefined | Back> = t.prompter.ask(question(id), { ...context, ...asked });
  await keys(t);
  return { value: await reply, screen: t.screen() };
}

describe('InquirerPrompter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the progress and the question, stores a select value, and says its tip on the next screen', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('gap'), context);
    await t.waitFor('❯ Delay');
    t.press('enter');
    expect(await asked).toBe('delay');
    expect(t.screen()).toContain('step 2/6');
    expect(t.screen()).toContain('What kind of gap?');
    const next = t.prompter.ask(question('mine'), context);
    await t.waitFor('→ Give a firm new date.');
    t.press('enter');
    await next;
  });

  it('moves through a list with the arrow keys', async () => {
    const { value } = await answer('gap', async (t) => {
      await t.waitFor('❯ Delay');
      t.press('down');
      await t.waitFor('❯ Quality');
      t.press('enter');
    });
    expect(value).toBe('quality');
  });

  it('asks yes/no as a list, so a French "o" can never turn into "no"', async () => {
    const { value, screen } = await answer('mine', async (t) => {
      await t.waitFor('❯ no');
      t.press('enter');
    });
    expect(value).toBe(false);
    expect(screen).toMatch(/yes[\s\S]*no/);
  });

  it('moves within a multi-line answer with Up and Down, never copying a line into another', async () => {
    const { value } = await answer('said', async (t) => {
      await t.waitFor('What did they say?');
      t.type('first');
      await t.waitFor('first');
      t.press('enter');
      t.type('second');
      await t.waitFor('second');
      t.send('\u001b[A');
      t.type(' line');
      await t.waitFor('first line');
      t.send('\u001b[B');
      t.send('\u001b[F');
      t.press('enter');
      t.press('enter');
    });
    expect(value).toBe('first line\nsecond');
  });

  it('joins an empty line to the one above with Backspace at its start', async () => {
    const { value } = await answer('said', async (t) => {
      await t.waitFor('What did they say?');
      t.type('one');
      await t.waitFor('one');
      t.press('enter');
      t.send('\u007f');
      t.type(' two');
      await t.waitFor('one two');
      t.press('enter');
      t.press('enter');
    });
    expect(value).toBe('one two');
  });

  it('takes a bracketed paste as lines, its empty lines kept, and finishes only on Enter typed after it', async () => {
    const { value } = await answer('said', async (t) => {
      await t.waitFor('What did they say?');
      t.send('\u001b[200~Line one\r\rLine three\r\u001b[201~');
      await t.waitFor('Line three');
      t.press('enter');
    });
    expect(value).toBe('Line one\n\nLine three');
  });

  it('asks for terminal bracketed paste while a multi-line answer is typed, and turns it off after', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('said'), context);
    await t.waitFor('What did they say?');
    expect(t.raw()).toContain('\u001b[?2004h');
    expect(t.raw()).not.toContain('\u001b[?2004l');
    t.type('x');
    await t.waitFor('x');
    t.press('enter');
    t.press('enter');
    await asked;
    expect(t.raw().lastIndexOf('\u001b[?2004l')).toBeGreaterThan(t.raw().lastIndexOf('\u001b[?2004h'));
  });

  it('goes back with Escape, and offers the earlier answer again', async () => {
    const back = await answer('said', async (t) => {
      await t.waitFor('What did they say?');
      t.press('escape');
    });
    expect(back.value).toBe(BACK);
    const again = await answer(
      'gap',
      async (t) => {
        await t.waitFor('❯ Quality');
        t.press('enter');
      },
      { previous: 'quality' },
    );
    expect(again.value).toBe('quality');
    const typed = await answer(
      'said',
      async (t) => {
        await t.waitFor('  It was late.');
        t.press('enter');
        t.press('enter');
      },
      { previous: 'It was late.' },
    );
    expect(typed.value).toBe('It was late.');
  });

  it('goes back with Backspace and Left in a list, where they mean nothing else', async () => {
    for (const key of ['backspace', 'left']) {
      const { value } = await answer('gap', async (t) => {
        await t.waitFor('❯ Delay');
        t.press(key);
      });
      expect(value).toBe(BACK);
    }
  });

  it('does not go back from the first question, and does not offer to', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('gap'), { ...context, canGoBack: false });
    await t.waitFor('❯ Delay');
    expect(t.screen()).not.toContain('Esc back');
    t.press('escape');
    t.press('down');
    await t.waitFor('❯ Quality');
    t.press('enter');
    expect(await asked).toBe('quality');
  });

  it('says in one line what to do now, and opens the details on ? and folds them again', async () => {
    const t = terminal();
    const step = question('said');
    const asked = t.prompter.ask({ ...step, now: 'Type their own words.', help: 'Quotes help you later. Not your reading.' }, context);
    await t.waitFor('▸ Type their own words.');
    expect(t.screen()).not.toContain('Quotes help you later');
    t.type('?');
    await t.waitFor('Quotes help you later. Not your reading.');
    await t.waitFor('? fold');
    t.type('?');
    await t.waitFor('? reasons, examples');
    t.type('Late');
    await t.waitFor('Late');
    t.press('enter');
    t.press('enter');
    expect(await asked).toBe('Late');
  });

  it('falls back to the first sentence of the help when a step has no `now`, and keeps the rest for ?', async () => {
    const t = terminal();
    const step = question('said');
    const asked = t.prompter.ask({ ...step, help: 'Quote them. Your reading can come later.' }, context);
    await t.waitFor('▸ Quote them.');
    t.type('?');
    await t.waitFor('Your reading can come later.');
    t.type('x');
    t.press('enter');
    t.press('enter');
    await asked;
  });

  it('opens advice not read yet, folds advice already read, and remembers what was read', async () => {
    const read = new Set<string>();
    const input = new PassThrough();
    let screen = '';
    const output = new Writable({ write(chunk, _e, callback) { screen += String(chunk); callback(); } });
    const prompter = new InquirerPrompter({
      lang: 'en', now: NOW, input, output, colours: new Chalk({ level: 0 }),
      advice: { isRead: (step) => read.has(step.id), markRead: (step) => void read.add(step.id) },
    });
    const breathe = mini.steps[0];
    if (breathe?.type !== 'advice') throw new Error('mini starts with advice');
    const first = prompter.advise(breathe, context);
    await vi.waitFor(() => expect(stripVTControlCharacters(screen)).toContain('• The problem is the deliverable, not you.'));
    expect(read.has('breathe')).toBe(true);
    input.emit('keypress', null, { name: 'enter' });
    await first;
    screen = '';
    const second = prompter.advise(breathe, context);
    await vi.waitFor(() => expect(stripVTControlCharacters(screen)).toContain('go on'));
    expect(stripVTControlCharacters(screen)).not.toContain('The problem is the deliverable');
    input.emit('keypress', null, { name: 'enter' });
    await second;
  });

  it('speaks French in every key hint', async () => {
    const t = terminal('fr');
    const asked = t.prompter.ask(question('needs'), context);
    await t.waitFor('cocher');
    expect(t.screen()).toMatch(/↑↓ se déplacer • espace cocher • ⏎ valider • Échap retour/);
    expect(t.screen()).not.toMatch(/\b(navigate|select|submit|space|back)\b/);
    t.press('enter');
    await asked;
  });

  it('takes several lines of text; an empty line typed by hand finishes', async () => {
    const { value } = await answer('said', async (t) => {
      await t.waitFor('What did they say?');
      t.type('It is late.');
      await t.waitFor('It is late.');
      t.press('enter');
      t.type('Again.');
      await t.waitFor('Again.');
      t.press('enter');
      t.press('enter');
    });
    expect(value).toBe('It is late.\nAgain.');
  });

  it('refuses an empty required text and says why', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('said'), context);
    await t.waitFor('What did they say?');
    t.press('enter');
    await t.waitFor('an answer is needed here');
    t.type('Fine.');
    await t.waitFor('Fine.');
    t.press('enter');
    t.press('enter');
    expect(await asked).toBe('Fine.');
  });

  it("says where the answer is typed what a question's own check refuses, and takes the answer once it passes", async () => {
    const t = terminal();
    const phone = { id: 'phone', type: 'input', title: 'Contact', required: false, message: 'Phone number of Ben' } as const;
    const check = (value: string): string | undefined => (/^[\d +]+$/.test(value) ? undefined : `"${value}" is not a phone number`);
    const asked = t.prompter.ask(phone, { ...context, check });
    await t.waitFor('Phone number of Ben');
    t.type('Camille');
    await t.waitFor('Camille');
    t.press('enter');
    await t.waitFor('"Camille" is not a phone number');
    for (let i = 0; i < 'Camille'.length; i++) t.press('backspace');
    t.type('+44 20 7946');
    await t.waitFor('+44 20 7946');
    t.press('enter');
    expect(await asked).toBe('+44 20 7946');
    // The question is not asked again with the problem in it: its answered line is the question's own.
    expect(t.screen()).not.toMatch(/✔ "Camille"/);
  });

  it('reads a typed date, refuses a bad one, and shows the date written out on the next screen', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('deadline'), context);
    await t.waitFor('By when?');
    t.type('soon');
    await t.waitFor('soon');
    t.press('enter');
    await t.waitFor('"soon" is not one precise day: name the day');
    for (let i = 0; i < 'soon'.length; i++) t.press('backspace');
    t.type('+3');
    await t.waitFor('+3');
    t.press('enter');
    expect(await asked).toBe('2026-11-25');
    const next = t.prompter.ask(question('gap'), context);
    await t.waitFor('→ Wednesday 25 November 2026');
    t.press('enter');
    await next;
  });

  it('reads a typed date, refuses a bad one, and shows the date written out in the answer', async () => {
    const { value, screen } = await answer('deadline', async (t) => {
      await t.waitFor('By when?');
      t.type('soon');
      await t.waitFor('soon');
      t.press('enter');
      await t.waitFor('precise');
      for (let i = 0; i < 'soon'.length; i++) t.press('backspace');
      t.type('+3');
      await t.waitFor('+3');
      t.press('enter');
    });
    expect(screen).toContain('"soon" is not one precise day: name the day');
    expect(value).toBe('2026-11-25');
    expect(screen).toContain('✔ By when? +3 → Wednesday 25 November 2026');
  });

  it('says what it understands as the date is typed, and why a date is refused', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('deadline'), context);
    await t.waitFor('By when?');
    t.type('vendredi');
    // Typed on Sunday 22 November: the Friday to come, written out under the line.
    await t.waitFor('→ Friday 27 November 2026');
    for (let i = 0; i < 'vendredi'.length; i++) t.press('backspace');
    t.type('12/11');
    await t.waitFor('12/11');
    t.press('enter');
    await t.waitFor('past:');
    // (Inquirer breaks the line at 80 columns.)
    expect(t.screen().replace(/\s+/g, ' ')).toContain('this date is in the past: read as Thursday 12 November 2026 (day first); type 2026-12-11 for Friday 11 December 2026');
    for (let i = 0; i < '12/11'.length; i++) t.press('backspace');
    t.type('le 7');
    await t.waitFor('le 7');
    t.press('enter');
    expect(await asked).toBe('2026-12-07');
    expect(t.screen()).toContain('✔ By when? le 7 → Monday 7 December 2026');
    // The examples are given once, next to the question.
    expect(t.screen()).toMatch(/^── step 2\/6\n\n\? By when\? \(e\.g\. friday, the 7th, 15 January, in 3 days\)/);
  });

  it('ticks several boxes', async () => {
    const { value } = await answer('needs', async (t) => {
      await t.waitFor('❯ ◯ Control');
      t.press('space');
      await t.waitFor('❯ ◉ Control');
      t.press('down');
      await t.waitFor('❯ ◯ To shine');
      t.press('space');
      await t.waitFor('❯ ◉ To shine');
      t.press('enter');
    });
    expect(value).toEqual(['control', 'shine']);
  });

  it('turns Ctrl-C into a clean cancellation', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('gesture'), context);
    await t.waitFor('What gesture do you offer?');
    t.press('c', { ctrl: true });
    await expect(asked).rejects.toBeInstanceOf(CancelledError);
  });

  it('shows an advice card and waits for Enter', async () => {
    const t = terminal();
    const breathe = mini.steps[0];
    if (breathe?.type !== 'advice') throw new Error('mini starts with advice');
    let done = false;
    const shown = t.prompter.advise(breathe, { ...context, progress: { index: 1, total: 6 } }).then(() => (done = true));
    await t.waitFor('⏎ go on');
    expect(t.screen()).toContain('Take one slow breath');
    expect(t.screen()).toContain('• The problem is the deliverable, not you.');
    expect(done).toBe(false);
    t.press('enter');
    await shown;
    expect(done).toBe(true);
  });
});
