import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/engine/answers.js';
import { CancelledError } from '../../src/errors.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Step } from '../../src/playbook/schema.js';
import { InquirerPrompter } from '../../src/prompters/inquirer.js';
import { FIXTURES } from '../helpers.js';

const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
const NOW = new Date(2026, 10, 22, 10, 0);
const progress = { index: 2, total: 6 };

/** A keyboard and a screen for the adapter: keys go in, everything it prints is kept. */
function terminal() {
  const input = new PassThrough();
  let screen = '';
  const output = new Writable({
    write(chunk, _encoding, callback) {
      screen += String(chunk);
      callback();
    },
  });
  const prompter = new InquirerPrompter({ lang: 'en', now: NOW, input, output, colours: new Chalk({ level: 0 }) });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 40));
  return {
    prompter,
    screen: () => stripVTControlCharacters(screen),
    async type(text: string) {
      await settle();
      // Like @inquirer/testing: the text reaches readline as data, the key events tell the prompt.
      input.write(text);
      for (const char of text) input.emit('keypress', null, { name: char });
    },
    async press(name: string, modifiers: { ctrl?: boolean } = {}) {
      await settle();
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
  it('shows the progress, the title and the question, then stores a select value and shows its tip', async () => {
    const { value, screen } = await answer('gap', async (t) => t.press('enter'));
    expect(value).toBe('delay');
    expect(screen).toContain('step 2/6');
    expect(screen).toContain('What kind of gap?');
    expect(screen).toContain('→ Give a firm new date.');
  });

  it('moves through a list with the arrow keys', async () => {
    const { value } = await answer('gap', async (t) => {
      await t.press('down');
      await t.press('enter');
    });
    expect(value).toBe('quality');
  });

  it('asks yes/no as a list, so a French "o" can never turn into "no"', async () => {
    const { value, screen } = await answer('mine', async (t) => t.press('enter'));
    expect(value).toBe(false);
    expect(screen).toMatch(/yes[\s\S]*no/);
  });

  it('takes several lines of text; an empty line typed by hand finishes', async () => {
    const { value } = await answer('said', async (t) => {
      await t.type('It is late.');
      await t.press('enter');
      await t.type('Again.');
      await t.press('enter');
      await t.press('enter');
    });
    expect(value).toBe('It is late.\nAgain.');
  });

  it('refuses an empty required text and says why', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('said'), progress);
    await t.press('enter');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(t.screen()).toContain('an answer is needed here');
    await t.type('Fine.');
    await t.press('enter');
    await t.press('enter');
    expect(await asked).toBe('Fine.');
  });

  it('reads a typed date, refuses a bad one, and shows the date written out', async () => {
    const { value, screen } = await answer('deadline', async (t) => {
      await t.type('soon');
      await t.press('enter');
      for (let i = 0; i < 'soon'.length; i++) await t.press('backspace');
      await t.type('+3');
      await t.press('enter');
    });
    expect(screen).toContain('"soon" is not one precise day: name the day');
    expect(value).toBe('2026-11-25');
    expect(screen).toContain('✔ By when? +3 → Wednesday 25 November 2026');
  });

  it('says what it understands as the date is typed, and why a date is refused', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('deadline'), progress);
    await t.type('vendredi');
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Typed on Sunday 22 November: the Friday to come, written out under the line.
    expect(t.screen()).toContain('→ Friday 27 November 2026');
    for (let i = 0; i < 'vendredi'.length; i++) await t.press('backspace');
    await t.type('12/11');
    await t.press('enter');
    await new Promise((resolve) => setTimeout(resolve, 40));
    // (Inquirer breaks the line at 80 columns.)
    expect(t.screen().replace(/\s+/g, ' ')).toContain('this date is in the past: read as Thursday 12 November 2026 (day first); type 2026-12-11 for Friday 11 December 2026');
    for (let i = 0; i < '12/11'.length; i++) await t.press('backspace');
    await t.type('le 7');
    await t.press('enter');
    expect(await asked).toBe('2026-12-07');
    expect(t.screen()).toContain('✔ By when? le 7 → Monday 7 December 2026');
    // The examples are given once, next to the question.
    expect(t.screen()).toMatch(/^── step 2\/6\n\? By when\? \(e\.g\. friday, the 7th, 15 January, in 3 days\)/);
  });

  it('ticks several boxes', async () => {
    const { value } = await answer('needs', async (t) => {
      await t.press('space');
      await t.press('down');
      await t.press('space');
      await t.press('enter');
    });
    expect(value).toEqual(['control', 'shine']);
  });

  it('turns Ctrl-C into a clean cancellation', async () => {
    const t = terminal();
    const asked = t.prompter.ask(question('gesture'), progress);
    await t.press('c', { ctrl: true });
    await expect(asked).rejects.toBeInstanceOf(CancelledError);
  });

  it('shows an advice card and waits for Enter', async () => {
    const t = terminal();
    const breathe = mini.steps[0];
    if (breathe?.type !== 'advice') throw new Error('mini starts with advice');
    let done = false;
    const shown = t.prompter.advise(breathe, { index: 1, total: 6 }).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(done).toBe(false);
    expect(t.screen()).toContain('Take one slow breath');
    expect(t.screen()).toContain('• The problem is the deliverable, not you.');
    await t.press('enter');
    await shown;
    expect(done).toBe(true);
  });
});
