import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coerceAnswer, type AnswerValue, type Answers } from '../../src/engine/answers.js';
import { holds } from '../../src/engine/conditions.js';
import { formatDate, parseIso, toIso } from '../../src/dates/calendar.js';
import { readDate } from '../../src/dates/read.js';
import {
  BACK,
  effectiveAnswers,
  nextStep,
  reviseAnswer,
  runPlaybook,
  type Back,
  type Progress,
  type Prompter,
  type StepContext,
} from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { QuestionStep, Step } from '../../src/playbook/schema.js';
import { FIXTURES } from '../helpers.js';
import { frenchSpacing } from '../../src/i18n/catalogue.js';

const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
// Sunday 22 November 2026, 10:00 local time.
const NOW = new Date(2026, 10, 22, 10, 0);

/** Answers from a table and records what it was asked and with which progress. */
class TablePrompter implements Prompter {
  readonly seen: { id: string; progress: Progress }[] = [];
  constructor(private readonly table: Record<string, AnswerValue | undefined>) {}
  async advise(step: Step, { progress }: StepContext): Promise<void> {
    this.seen.push({ id: step.id, progress });
  }
  async ask(step: QuestionStep, { progress }: StepContext): Promise<AnswerValue | undefined> {
    this.seen.push({ id: step.id, progress });
    return this.table[step.id];
  }
}

/**
 * A person with a script of replies, in order: an answer, or BACK. Records each step it was shown
 * with what the engine offered again, the trail and whether it could go back.
 */
class ScriptPrompter implements Prompter {
  readonly seen: { id: string; previous: AnswerValue | undefined; trail: string[]; canGoBack: boolean; progress: string }[] = [];
  constructor(private readonly replies: (AnswerValue | undefined | Back)[]) {}
  private record(step: Step, context: StepContext): AnswerValue | undefined | Back {
    this.seen.push({
      id: step.id,
      previous: context.previous,
      trail: context.trail.map((entry) => entry.step.id),
      canGoBack: context.canGoBack,
      progress: `${context.progress.index}/${context.progress.total}${context.progress.branch ? '+' : ''}`,
    });
    if (this.replies.length === 0) throw new Error(`no reply left for ${step.id}`);
    return this.replies.shift();
  }
  async advise(step: Step, context: StepContext): Promise<void | Back> {
    const reply = this.record(step, context);
    return reply === BACK ? BACK : undefined;
  }
  async ask(step: QuestionStep, context: StepContext): Promise<AnswerValue | undefined | Back> {
    return this.record(step, context);
  }
}

describe('conditions', () => {
  const answers: Answers = { gap: 'delay', mine: false, needs: ['shine'], note: '' };
  it.each([
    [{ step: 'gap', equals: 'delay' }, true],
    [{ step: 'gap', equals: 'quality' }, false],
    [{ step: 'mine', equals: false }, true],
    [{ step: 'gap', in: ['quality', 'delay'] }, true],
    [{ step: 'needs', includes: 'shine' }, true],
    [{ step: 'needs', includes: 'control' }, false],
    [{ step: 'note', answered: true }, false],
    [{ step: 'missing', answered: false }, true],
    [{ step: 'missing', equals: 'x' }, false],
    [{ not: { step: 'gap', equals: 'delay' } }, false],
    [{ all: [{ step: 'gap', equals: 'delay' }, { step: 'mine', equals: false }] }, true],
    [{ all: [{ step: 'gap', equals: 'delay' }, { step: 'mine', equals: true }] }, false],
    [{ any: [{ step: 'gap', equals: 'quality' }, { step: 'needs', includes: 'shine' }] }, true],
  ] as const)('%j → %s', (condition, expected) => {
    expect(holds(condition as Parameters<typeof holds>[0], answers)).toBe(expected);
  });
});

describe('nextStep and progress', () => {
  it('counts the steps every run goes through, those without a condition', () => {
    // gesture and call wait for answers that open their branch: they are not counted.
    expect(nextStep(mini, {})).toMatchObject({ step: { id: 'breathe' }, progress: { index: 1, total: 6 } });
  });

  it('gives a branch the number of the step before it, and never changes the total', () => {
    const answers: Answers = { breathe: true, said: 'x', gap: 'delay', mine: true };
    expect(nextStep(mini, answers)).toMatchObject({ step: { id: 'gesture' }, progress: { index: 4, total: 6, branch: true } });
    answers.gesture = 'A free day';
    expect(nextStep(mini, answers)).toMatchObject({ step: { id: 'needs' }, progress: { index: 5, total: 6 } });
  });

  it('returns nothing when every step that applies is answered', () => {
    const answers: Answers = { breathe: true, said: 'x', gap: 'quality', mine: false, needs: [], deadline: '2026-11-25' };
    expect(nextStep(mini, answers)).toBeUndefined();
  });
});

describe('runPlaybook', () => {
  it('asks only the steps whose condition holds, in order, with honest progress', async () => {
    const prompter = new TablePrompter({ said: 'Late again', gap: 'quality', mine: false, needs: ['shine'], deadline: '2026-11-25' });
    const answers = await runPlaybook(mini, { prompter });
    expect(prompter.seen.map((s) => s.id)).toEqual(['breathe', 'said', 'gap', 'mine', 'needs', 'deadline']);
    expect(prompter.seen.map((s) => `${s.progress.index}/${s.progress.total}`)).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    expect(answers).toMatchObject({ breathe: true, gap: 'quality', mine: false });
  });

  it('follows a branch opened by an answer', async () => {
    const prompter = new TablePrompter({
      said: 'x', gap: 'delay', mine: true, gesture: 'A free day', needs: [], deadline: '2026-11-25', call: '2026-11-26T10:00',
    });
    await runPlaybook(mini, { prompter });
    expect(prompter.seen.map((s) => s.id)).toEqual(['breathe', 'said', 'gap', 'mine', 'gesture', 'needs', 'deadline', 'call']);
    // The counter never goes backwards and never surprises: branches keep the number before them.
    expect(prompter.seen.map((s) => `${s.progress.index}/${s.progress.total}`)).toEqual(['1/6', '2/6', '3/6', '4/6', '4/6', '5/6', '6/6', '6/6']);
  });

  it('keeps the counter moving forward on every path through every built-in playbook', async () => {
    const { loadPlaybookFile: load } = await import('../../src/playbook/load.js');
    const { ROOT } = await import('../helpers.js');
    for (const lang of ['en', 'fr'] as const) {
      for (const id of ['crisis', 'prevention', 'followup']) {
        const playbook = load(join(ROOT, 'playbooks', lang, `${id}.yaml`), lang);
        // Every choice of every list, in turn: the first, the second… each path opens other branches.
        for (let pick = 0; pick < 4; pick++) {
          const seen: Progress[] = [];
          const prompter: Prompter = {
            advise: async (_step, { progress }) => void seen.push(progress),
            ask: async (step, { progress }) => {
              seen.push(progress);
              if (step.type === 'select') return step.choices[pick % step.choices.length]?.value;
              if (step.type === 'checkbox') return step.choices.slice(0, pick).map((choice) => choice.value);
              if (step.type === 'confirm') return pick % 2 === 0;
              if (step.type === 'date') return step.time ? '2099-01-02T10:00' : '2099-01-02';
              return 'x';
            },
          };
          await runPlaybook(playbook, { prompter });
          const totals = new Set(seen.map((progress) => progress.total));
          expect(totals.size, `${lang}/${id} path ${pick}`).toBe(1);
          for (let i = 1; i < seen.length; i++)
            expect(seen[i]?.index, `${lang}/${id} path ${pick}, step ${i}`).toBeGreaterThanOrEqual(seen[i - 1]?.index ?? 0);
          expect(seen.at(-1)?.index).toBe(seen[0]?.total);
        }
      }
    }
  });

  it('resumes after the answers already given and reports every answer to onAnswer', async () => {
    const prompter = new TablePrompter({ needs: ['control'], deadline: '2026-11-25', call: '2026-11-26T09:30' });
    const saved: Answers[] = [];
    const answers = await runPlaybook(mini, {
      prompter,
      answers: { breathe: true, said: 'x', gap: 'quality', mine: false },
      onAnswer: (so) => void saved.push(so),
    });
    expect(prompter.seen.map((s) => s.id)).toEqual(['needs', 'deadline', 'call']);
    expect(saved).toHaveLength(3);
    expect(saved.at(-1)).toEqual(answers);
  });

  it('records a skipped optional question as empty, so it is not asked again', async () => {
    const prompter = new TablePrompter({ said: 'x', gap: 'quality', mine: true, gesture: undefined, deadline: '2026-11-25' });
    const answers = await runPlaybook(mini, { prompter });
    expect(answers.gesture).toBe('');
    expect(answers.needs).toEqual([]);
    expect(effectiveAnswers(mini, answers)).not.toHaveProperty('gesture');
  });

  it('drops advice markers, empty answers and closed branches from the effective answers', () => {
    const effective = effectiveAnswers(mini, { breathe: true, said: 'x', gap: 'quality', mine: false, gesture: 'stale', needs: [] });
    expect(effective).toEqual({ said: 'x', gap: 'quality', mine: false });
  });
});

describe('going back', () => {
  it('asks the previous question again with its answer offered, and goes on from there', async () => {
    const prompter = new ScriptPrompter([undefined, 'Late', 'delay', BACK, 'quality', false, [], '2026-11-25']);
    const answers = await runPlaybook(mini, { prompter });
    expect(prompter.seen.map((s) => s.id)).toEqual(['breathe', 'said', 'gap', 'mine', 'gap', 'mine', 'needs', 'deadline']);
    // Back at `mine`: `gap` again, its answer offered.
    expect(prompter.seen[4]).toMatchObject({ id: 'gap', previous: 'delay', trail: ['said'] });
    expect(answers).toMatchObject({ gap: 'quality', mine: false });
    // `call` was opened by `delay`; with `quality` it is not asked.
    expect(answers).not.toHaveProperty('call');
  });

  it('goes back over several questions, then offers each answer again on the way forward', async () => {
    const prompter = new ScriptPrompter([undefined, 'Late', 'quality', BACK, BACK, 'Late again', 'quality', false, [], '2026-11-25']);
    await runPlaybook(mini, { prompter });
    expect(prompter.seen.map((s) => `${s.id}:${JSON.stringify(s.previous ?? null)}`)).toEqual([
      'breathe:null', 'said:null', 'gap:null', 'mine:null', 'gap:"quality"', 'said:"Late"', 'gap:"quality"', 'mine:null', 'needs:null', 'deadline:null',
    ]);
  });

  it('skips advice already shown on the way back and forward, and cannot go back before the first question', async () => {
    const prompter = new ScriptPrompter([undefined, BACK, 'Late', BACK, 'Late', 'quality', false, [], '2026-11-25']);
    await runPlaybook(mini, { prompter });
    // At `said` there is no question before it: BACK stays on `said`.
    expect(prompter.seen.map((s) => s.id)).toEqual(['breathe', 'said', 'said', 'gap', 'said', 'gap', 'mine', 'needs', 'deadline']);
    expect(prompter.seen.map((s) => s.canGoBack)).toEqual([false, false, false, true, false, true, true, true, true]);
  });
});

describe('reviseAnswer', () => {
  const done: Answers = { breathe: true, said: 'Late', gap: 'quality', mine: true, gesture: 'A free day', needs: [], deadline: '2026-11-25' };

  it('asks the answer again, then the questions the new answer opens; the closed branch is set aside', async () => {
    // gap: quality → delay opens `call`.
    const prompter = new ScriptPrompter(['delay', '2026-11-26T10:00']);
    const revised = await reviseAnswer(mini, { answers: done, remembered: {} }, 'gap', { prompter });
    expect(prompter.seen.map((s) => s.id)).toEqual(['gap', 'call']);
    expect(prompter.seen[0]).toMatchObject({ previous: 'quality', trail: ['said'], canGoBack: true });
    expect(revised?.answers).toMatchObject({ gap: 'delay', call: '2026-11-26T10:00', gesture: 'A free day', deadline: '2026-11-25' });

    // mine: true → false closes `gesture`; its answer is remembered, not kept.
    const second = new ScriptPrompter([false]);
    const closed = await reviseAnswer(mini, revised ?? { answers: {}, remembered: {} }, 'mine', { prompter: second });
    expect(closed?.answers).not.toHaveProperty('gesture');
    expect(closed?.remembered).toMatchObject({ gesture: 'A free day' });
    expect(effectiveAnswers(mini, closed?.answers ?? {})).not.toHaveProperty('gesture');

    // mine: false → true opens it again: asked again, the old answer offered.
    const third = new ScriptPrompter([true, 'Two free days']);
    const reopened = await reviseAnswer(mini, closed ?? { answers: {}, remembered: {} }, 'mine', { prompter: third });
    expect(third.seen.map((s) => `${s.id}:${JSON.stringify(s.previous)}`)).toEqual(['mine:false', 'gesture:"A free day"']);
    expect(reopened?.answers).toMatchObject({ mine: true, gesture: 'Two free days' });
  });

  it('is cancelled by going back from the answer being changed, and leaves the answers as they were', async () => {
    const prompter = new ScriptPrompter([BACK]);
    const state = { answers: done, remembered: {} };
    expect(await reviseAnswer(mini, state, 'mine', { prompter })).toBeUndefined();
    expect(state.answers).toEqual(done);
  });

  it('goes back from a question it opened to the answer being changed, then on again', async () => {
    const prompter = new ScriptPrompter(['delay', BACK, 'delay', '2026-11-26T10:00']);
    const revised = await reviseAnswer(mini, { answers: done, remembered: {} }, 'gap', { prompter });
    expect(prompter.seen.map((s) => `${s.id}:${JSON.stringify(s.previous ?? null)}`)).toEqual(['gap:"quality"', 'call:null', 'gap:"delay"', 'call:null']);
    expect(revised?.answers).toMatchObject({ gap: 'delay', call: '2026-11-26T10:00' });
  });

  it('saves every answer given while changing one', async () => {
    const saved: Answers[] = [];
    await reviseAnswer(mini, { answers: done, remembered: {} }, 'gap', {
      prompter: new ScriptPrompter(['delay', '2026-11-26T10:00']),
      onAnswer: (answers) => void saved.push(answers),
    });
    expect(saved.map((answers) => answers.gap)).toEqual(['delay', 'delay']);
    expect(saved.at(-1)).toHaveProperty('call', '2026-11-26T10:00');
  });
});

describe('coerceAnswer', () => {
  const step = (id: string): QuestionStep => {
    const found = mini.steps.find((s) => s.id === id);
    if (!found || found.type === 'advice') throw new Error(`no question ${id}`);
    return found;
  };

  it('accepts each type and normalises it', () => {
    expect(coerceAnswer(step('said'), 'line one\r\nline two  \n', NOW, 'en')).toEqual({ ok: true, value: 'line one\nline two' });
    expect(coerceAnswer(step('gap'), 'delay', NOW, 'en')).toEqual({ ok: true, value: 'delay' });
    expect(coerceAnswer(step('mine'), true, NOW, 'en')).toEqual({ ok: true, value: true });
    expect(coerceAnswer(step('needs'), ['shine', 'shine', 'control'], NOW, 'en')).toEqual({ ok: true, value: ['shine', 'control'] });
    expect(coerceAnswer(step('needs'), 'shine', NOW, 'en')).toEqual({ ok: true, value: ['shine'] });
    expect(coerceAnswer(step('deadline'), '25/11/2026', NOW, 'fr')).toMatchObject({ ok: true, value: '2026-11-25' });
    expect(coerceAnswer(step('call'), 'demain 9h30', NOW, 'fr')).toMatchObject({ ok: true, value: '2026-11-23T09:30' });
  });

  it('refuses wrong types with a message in the user\'s language', () => {
    expect(coerceAnswer(step('mine'), 'yes', NOW, 'en')).toMatchObject({ ok: false, message: expect.stringContaining('yes or no') });
    expect(coerceAnswer(step('gap'), 'late', NOW, 'fr')).toMatchObject({ ok: false, message: expect.stringContaining('delay, quality') });
    expect(coerceAnswer(step('needs'), [1], NOW, 'en')).toMatchObject({ ok: false });
    expect(coerceAnswer(step('said'), { a: 1 }, NOW, 'en')).toMatchObject({ ok: false });
  });

  it('refuses past dates on future steps, and a missing time where one is needed', () => {
    expect(coerceAnswer(step('deadline'), '2026-11-21', NOW, 'en')).toMatchObject({ ok: false, message: expect.stringContaining('past') });
    expect(coerceAnswer(step('deadline'), 'today', NOW, 'en')).toMatchObject({ ok: true, value: '2026-11-22' });
    expect(coerceAnswer(step('call'), '2026-11-26', NOW, 'en')).toMatchObject({ ok: false, message: expect.stringMatching(/^a time is needed too: read as Thursday 26 November 2026/) });
  });

  it('keeps the day of a day said with a time where only the day is asked, and says the time is set aside', () => {
    for (const typed of ['vendredi 10h', '2026-11-27 10:00', '2026-11-27T10:00'])
      expect(coerceAnswer(step('deadline'), typed, NOW, 'fr')).toMatchObject({
        ok: true,
        value: '2026-11-27',
        understood: { words: frenchSpacing('vendredi 27 novembre 2026 (le jour seulement : l’heure n’est pas retenue ici)'), note: true },
      });
    expect(coerceAnswer(step('deadline'), 'friday 2pm', NOW, 'en')).toMatchObject({
      ok: true,
      value: '2026-11-27',
      understood: { words: 'Friday 27 November 2026 (the day only: no time is kept here)' },
    });
    expect(coerceAnswer(step('deadline'), 'someday', NOW, 'en')).toMatchObject({ ok: false, message: '"someday" is not one precise day: name the day' });
    expect(coerceAnswer(step('deadline'), 'whenever', NOW, 'en')).toMatchObject({ ok: false, message: 'no date recognised in "whenever"' });
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-25', false, '2026-11-25'],
    ['25/11/2026', false, '2026-11-25'],
    ['25.11.26', false, '2026-11-25'],
    ['25/11', false, '2026-11-25'],
    ['today', false, '2026-11-22'],
    ["aujourd'hui", false, '2026-11-22'],
    ['tomorrow', false, '2026-11-23'],
    ['+3', false, '2026-11-25'],
    ['+10j', false, '2026-12-02'],
    ['mercredi', false, '2026-11-25'],
    ['Friday', false, '2026-11-27'],
    ['sunday', false, '2026-11-29'],
    ['vendredi 14h', true, '2026-11-27T14:00'],
    ['Monday 9:30', true, '2026-11-23T09:30'],
    ['2026-11-25 14:30', true, '2026-11-25T14:30'],
    ['2026-11-25T08:05', true, '2026-11-25T08:05'],
    ['demain 9h30', true, '2026-11-23T09:30'],
    ['+2 14h', true, '2026-11-24T14:00'],
    ['tomorrow 2pm', true, '2026-11-23T14:00'],
    ['25/11 à 10h', true, '2026-11-25T10:00'],
  ])('%s (time: %s) → %s', (input, withTime, expected) => {
    const reading = readDate(input, { now: NOW, lang: 'en', order: 'dmy', want: withTime ? 'dayTime' : 'day' });
    expect(reading.ok && toIso(reading.understood.date)).toBe(expected);
  });

  it.each(['31/02/2026', '2026-13-01', 'soon', 'next week', '14', '2026-11-25 25:00'])('refuses %s', (input) => {
    expect(readDate(input, { now: NOW, lang: 'en', order: 'dmy', want: input.includes(':') ? 'dayTime' : 'day' }).ok).toBe(false);
  });

  it('writes dates out in each language', () => {
    const date = parseIso('2026-11-24T14:30');
    expect(date && formatDate(date, 'en')).toBe('Tuesday 24 November 2026 at 14:30');
    expect(date && formatDate(date, 'fr')).toBe('mardi 24 novembre 2026 à 14\u00a0h\u00a030');
  });
});
