import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.js';
import { BACK, effectiveAnswers, type Back } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { QuestionStep } from '../../src/playbook/schema.js';
import type { ReviewChoice, ReviewScreen } from '../../src/prompters/inquirer.js';
import { reviewSession, type ReviewAction, type ReviewPrompter } from '../../src/session/review.js';
import type { SessionRecord } from '../../src/store/sessions.js';
import { ROOT } from '../helpers.js';

const playbook = loadPlaybookFile(join(ROOT, 'playbooks', 'en', 'crisis.yaml'), 'en');
const NOW = new Date(2026, 10, 22, 10, 0);

const answers: Answers = {
  breathe: true,
  listen: true,
  client_words: 'The site is still not online.',
  tone: 'angry',
  circle: true,
  gap: ['delay'],
  expected: 'the shop online on Monday',
  received: '',
  fault: 'mine',
  own_it: true,
  gesture: 'free_day',
  gesture_details: 'One free day on the next sprint.',
  need: 'shine',
  hidden_demand: 'Show the site to the board.',
  lead: true,
  solution: 'I fix the payment module as soon as possible.',
  deadline: '2026-11-25',
  stopgap: '',
  agreement: 'yes',
  end: true,
  followup_date: '2026-11-26T10:00',
  lesson: '',
  formalise: true,
};

function session(): SessionRecord {
  return {
    version: 1,
    id: '2026-11-22-dupont-abcd',
    kind: 'crisis',
    status: 'draft',
    client: 'Dupont',
    lang: 'en',
    playbook: { id: 'crisis', source: 'crisis.yaml' },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    answers,
    files: {},
  };
}

type Pick = (choices: readonly ReviewChoice<ReviewAction>[]) => ReviewAction;

/**
 * A person at the review, with a script: at each review screen, a function picks a line; at each
 * question, the next answer of the script. Records the screens it saw and the questions it was asked.
 */
class ScriptedReviewer implements ReviewPrompter {
  readonly screens: ReviewScreen<ReviewAction>[] = [];
  readonly asked: { id: string; previous: AnswerValue | undefined }[] = [];
  edits: ((text: string) => string)[] = [];
  confirms: boolean[] = [];
  constructor(
    private readonly picks: Pick[],
    private readonly replies: (AnswerValue | undefined | Back)[],
  ) {}
  async advise(): Promise<void> {}
  async ask(step: QuestionStep, context: { previous?: AnswerValue | undefined }): Promise<AnswerValue | undefined | Back> {
    this.asked.push({ id: step.id, previous: context.previous });
    return this.replies.shift();
  }
  async review<T>(screen: ReviewScreen<T>): Promise<T> {
    this.screens.push(screen as unknown as ReviewScreen<ReviewAction>);
    const pick = this.picks.shift();
    if (!pick) throw new Error('the script has no pick left');
    return pick(screen.choices as unknown as ReviewChoice<ReviewAction>[]) as unknown as T;
  }
  async showDraft(): Promise<void> {}
  async editText(text: string): Promise<string> {
    const edit = this.edits.shift();
    return edit ? edit(text) : text;
  }
  async confirmChoice(): Promise<boolean> {
    return this.confirms.shift() ?? false;
  }
  clearScreen(): void {}
}

const write: Pick = () => ({ kind: 'write' });
const line = (text: string): Pick => (choices) => {
  const found = choices.find((choice) => 'value' in choice && choice.name.includes(text));
  if (!found || !('value' in found)) throw new Error(`no line "${text}" in ${choices.map((c) => ('name' in c ? c.name : c.separator)).join(' | ')}`);
  return found.value;
};
const names = (screen: ReviewScreen<ReviewAction> | undefined): string[] =>
  (screen?.choices ?? []).map((choice) => ('value' in choice ? choice.name : `# ${choice.separator}`));

describe('the review before anything is written', () => {
  it('lists every answer and the draft, and writes nothing until asked', async () => {
    const saved: Answers[] = [];
    const reviewer = new ScriptedReviewer([write], []);
    const done = await reviewSession({ playbook, session: session(), state: { answers, remembered: {} }, prompter: reviewer, renderNow: NOW, save: (a) => void saved.push(a) });
    expect(done).toEqual({ answers, editedEmail: undefined });
    expect(saved).toEqual([]);
    const shown = names(reviewer.screens[0]);
    expect(shown[0]).toMatch(/Write the recap and the email draft/);
    for (const id of Object.keys(effectiveAnswers(playbook, answers))) {
      const step = playbook.steps.find((candidate) => candidate.id === id);
      expect(shown.some((row) => row.startsWith((step?.title ?? id).slice(0, 12))), id).toBe(true);
    }
  });

  it('shows what check finds in the draft, and leads from a finding to the answer its words come from', async () => {
    // "as soon as possible" comes from the plan: picking the finding asks the plan again.
    const reviewer = new ScriptedReviewer([line('as soon as possible'), write], ['I fix the payment module by Wednesday noon.']);
    const done = await reviewSession({ playbook, session: session(), state: { answers, remembered: {} }, prompter: reviewer, renderNow: NOW, save: () => undefined });
    expect(names(reviewer.screens[0]).some((row) => /^# The email draft: \d+ passages? to reread/.test(row))).toBe(true);
    expect(reviewer.asked).toEqual([{ id: 'solution', previous: answers.solution }]);
    expect(done.answers.solution).toBe('I fix the payment module by Wednesday noon.');
    expect(names(reviewer.screens[1]).join('\n')).not.toContain('as soon as possible');
  });

  it('shows a date of the plan that falls after the date promised for the whole plan, and leads to the plan', async () => {
    // Promised for Wednesday 25 November; "by Friday" is the 27th.
    const late = { ...answers, solution: 'I fix the payment module by Friday.' };
    const reviewer = new ScriptedReviewer([line('by Friday'), write], ['I fix the payment module by Tuesday.']);
    const done = await reviewSession({ playbook, session: session(), state: { answers: late, remembered: {} }, prompter: reviewer, renderNow: NOW, save: () => undefined });
    expect(names(reviewer.screens[0]).join('\n')).toMatch(/« by Friday » : Falls on Friday 27 November 2026, after Wednesday 25/);
    expect(reviewer.asked).toEqual([{ id: 'solution', previous: late.solution }]);
    expect(done.answers.solution).toBe('I fix the payment module by Tuesday.');
    expect(names(reviewer.screens[1]).join('\n')).not.toContain("after Wednesday 25");
  });

  it('works the branches out again when an answer changes, and asks what the change opens', async () => {
    const saved: Answers[] = [];
    const reviewer = new ScriptedReviewer([line('Where it comes from'), line('Where it comes from'), write], ['theirs', 'shared', BACK, 'shared', 'discount', '10 % off']);
    const done = await reviewSession({ playbook, session: session(), state: { answers, remembered: {} }, prompter: reviewer, renderNow: NOW, save: (a) => void saved.push(a) });
    // theirs closes the gesture; shared opens it again: asked with the old answer, then Back to fault, then on.
    expect(reviewer.asked.map((a) => `${a.id}:${JSON.stringify(a.previous ?? null)}`)).toEqual([
      'fault:"mine"',
      'fault:"theirs"',
      'gesture:"free_day"',
      'fault:"shared"',
      'gesture:"free_day"',
      'gesture_details:"One free day on the next sprint."',
    ]);
    expect(names(reviewer.screens[1]).join('\n')).not.toContain('A commercial gesture');
    expect(names(reviewer.screens[2]).join('\n')).toContain('A commercial gesture');
    expect(done.answers).toMatchObject({ fault: 'shared', gesture: 'discount', gesture_details: '10 % off' });
    // Each change saved as it is made, for a draft: Ctrl-C loses nothing.
    expect(saved.at(-1)).toMatchObject({ fault: 'shared', gesture: 'discount' });
    expect(saved.some((a) => a.fault === 'theirs' && !('gesture' in a))).toBe(true);
  });

  it('takes the draft as edited in the editor, checks it again, and asks before an answer change makes it again', async () => {
    const reviewer = new ScriptedReviewer([line('Edit the draft'), line('Their words'), line('Their words'), write], ['New words.']);
    reviewer.edits = [(text) => `${text}\nThanks for your patience, sorry you feel that way.`];
    // First "no": the edited draft stays; then "yes": the answer changes and the draft is made again.
    reviewer.confirms = [false, true];
    const edited: (string | undefined)[] = [];
    const done = await reviewSession({
      playbook,
      session: session(),
      state: { answers, remembered: {} },
      prompter: reviewer,
      renderNow: NOW,
      save: (_answers, editedEmail) => void edited.push(editedEmail),
    });
    expect(names(reviewer.screens[1]).some((row) => row.includes('(edited by hand)'))).toBe(true);
    // The words the editor added are checked like the rest.
    expect(names(reviewer.screens[1]).join('\n')).toMatch(/« sorry you feel » :/i);
    expect(reviewer.asked.map((a) => a.id)).toEqual(['client_words']);
    expect(done).toMatchObject({ editedEmail: undefined, answers: { client_words: 'New words.' } });
    expect(edited[0]).toContain('sorry you feel that way');
    expect(edited.at(-1)).toBeUndefined();
  });

  it('says, for a finished session being amended, that new files go beside the old ones', async () => {
    const finished = { ...session(), status: 'open' as const };
    const reviewer = new ScriptedReviewer([line('Their words'), write], ['Other words.']);
    const done = await reviewSession({
      playbook,
      session: finished,
      state: { answers, remembered: {} },
      prompter: reviewer,
      renderNow: NOW,
      save: () => undefined,
    });
    expect(done.answers.client_words).toBe('Other words.');
    expect(reviewer.screens[0]?.head.join(' ')).toMatch(/new files will be written beside the old ones/);
  });
});
