import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.js';
import { CancelledError } from '../../src/errors.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Step } from '../../src/playbook/schema.js';
import { InquirerPrompter } from '../../src/prompters/inquirer.js';
import { FIXTURES } from '../helpers.js';

const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
const NOW = new Date(2026, 10, 22, 10, 0);
const progress = { index: 2, total: 6 };

/**
 * A keyboard and a screen for the adapter: keys go in, everything it prints is kept. Nothing waits
 * for time to pass: a test waits for what a key must print (`waitFor`), and the clock is a fake one
 * that a person's pace moves on by 100 ms at each key. The multi-line prompt tells a paste from
 * typing by the time between keys; on the real clock a test types faster than any hand.
 */
function terminal() {
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
  const prompter = new InquirerPrompter({ lang: 'en', now: NOW, input, output, colours: new Chalk({ level: 0 }) });
  const nextKey = () => vi.setSystemTime(Date.now() + 100);
  const shown = () => stripVTControlCharacters(screen);
  return {
    prompter,
    screen: shown,
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
  };
}

function question(id: string) {
  const step = mini.steps.find((s: Step) => s.id === id);
  if (!step || step.type === 'advice') throw new Error(`no question ${id}`);
  return step;
}

async function answer(id: string, keys: (t: ReturnType<typeof terminal>) => Promise<void>) {
  const t = terminal();
  const asked: Promise<AnswerValue | undefined> = t.prompter.ask(question(id), progress);
  await keys(t);
  return { value: await asked, screen: t.screen() };
}

describe('InquirerPrompter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the progress, the title and the question, then stores a select value and shows its tip', async () => {
    const { value, screen } = await answer('gap', async (t) => {
      await t.waitFor('❯ Delay');
      t.press('enter');
    });
    expect(value).toBe('delay');
    expect(screen).toContain('step 2/6');
    expect(screen).toContain('What kind of gap?');
    expect(screen).toContain('→ Give a firm new date.');
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
    const asked = t.prompter.ask(question('said'), progress);
    await t.waitFor('What did they say?');
    t.press('enter');
    await t.waitFor('an answer is needed here');
    t.type('Fine.');
    await t.waitFor('Fine.');
    t.press('enter');
    t.press('enter');
    expect(await asked).toBe('Fine.');
  });

  it('reads a typed date, refuses a bad one, and shows the date written out', async () => {
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
    const asked = t.prompter.ask(question('deadline'), progress);
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
    expect(t.screen()).toMatch(/^── step 2\/6\n\? By when\? \(e\.g\. friday, the 7th, 15 January, in 3 days\)/);
  });

  it('ticks several boxes', async () => {
    const { value } = await answer('needs', async (t) => {
      await t.waitFor('❯◯ Control');
      t.press('space');
      await t.waitFor('❯◉ Control');
      t.press('down');
      await t.waitFor('❯◯ To shine');
      t.press('space');
      await t.waitFor('❯◉ To shine');
      t.press('enter');
    });
    expect(value).toEqual(['control', 'shine']);
  });

  it('turns Ctrl-C into a clean cancellation', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('gesture'), progress);
    await t.waitFor('What gesture do you offer?');
    t.press('c', { ctrl: true });
    await expect(asked).rejects.toBeInstanceOf(CancelledError);
  });

  it('shows an advice card and waits for Enter', async () => {
    const t = terminal();
    const breathe = mini.steps[0];
    if (breathe?.type !== 'advice') throw new Error('mini starts with advice');
    let done = false;
    const shown = t.prompter.advise(breathe, { index: 1, total: 6 }).then(() => (done = true));
    await t.waitFor('Press Enter to go on');
    expect(t.screen()).toContain('Take one slow breath');
    expect(t.screen()).toContain('• The problem is the deliverable, not you.');
    expect(done).toBe(false);
    t.press('enter');
    await shown;
    expect(done).toBe(true);
  });
});
