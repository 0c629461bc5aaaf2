import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/engine/answers.js';
import { applicableSteps, runPlaybook } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Playbook, QuestionStep, Step } from '../../src/playbook/schema.js';
import { describeMismatches, misfit, reconcileDraft } from '../../src/session/resume.js';
import { FIXTURES } from '../helpers.js';
import { propertyRuns as runs, propertyTimeout as timeoutFor } from '../properties.js';

const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');

/** An answer for each question, picked by `pick` among what the step accepts. */
function answerFor(step: QuestionStep, pick: number): AnswerValue {
  switch (step.type) {
    case 'input':
      return `line ${pick}`;
    case 'text':
      return `first ${pick}\nsecond`;
    case 'confirm':
      return pick % 2 === 0;
    case 'select':
      return step.choices[pick % step.choices.length]?.value ?? '';
    case 'checkbox':
      return step.choices.filter((_, i) => (pick >> i) & 1).map((choice) => choice.value);
    case 'date':
      return step.time ? '2030-01-02T10:00' : '2030-01-02';
  }
}

async function answersOf(playbook: Pick<Playbook, 'steps'>, pick: number): Promise<Answers> {
  return runPlaybook(playbook, {
    prompter: { advise: async () => undefined, ask: async (step) => answerFor(step, pick) },
  });
}

type Edit = { kind: 'removeStep' | 'removeChoice' | 'toInput' | 'toDate' | 'toConfirm' | 'toText' | 'require'; at: number };

/** The playbook after one edit an author could make between two runs. */
function edited(steps: readonly Step[], edit: Edit): Step[] {
  const copy = steps.map((step) => ({ ...step })) as Step[];
  const index = edit.at % copy.length;
  const step = copy[index];
  if (!step) return copy;
  const base = { id: step.id, message: 'message' in step ? step.message : 'Now a question' };
  switch (edit.kind) {
    case 'removeStep':
      // Conditions naming the step would now point nowhere: they are dropped with it.
      return copy.filter((_, i) => i !== index).map((other) => ({ ...other, when: undefined }) as Step);
    case 'removeChoice':
      if (step.type === 'select' || step.type === 'checkbox') copy[index] = { ...step, choices: step.choices.slice(1) } as Step;
      return copy;
    case 'toInput':
      copy[index] = { ...base, type: 'input' } as Step;
      return copy;
    case 'toText':
      copy[index] = { ...base, type: 'text' } as Step;
      return copy;
    case 'toDate':
      copy[index] = { ...base, type: 'date', time: true } as Step;
      return copy;
    case 'toConfirm':
      copy[index] = { ...base, type: 'confirm' } as Step;
      return copy;
    case 'require':
      if (step.type !== 'advice') copy[index] = { ...step, required: true } as Step;
      return copy;
  }
}

const edit = fc.record({
  kind: fc.constantFrom('removeStep', 'removeChoice', 'toInput', 'toDate', 'toConfirm', 'toText', 'require'),
  at: fc.nat(),
}) as fc.Arbitrary<Edit>;

describe('resuming after the playbook changed (issue 13, item 12)', () => {
  it('reports a removed choice, a changed type and a removed step, and drops only those answers', () => {
    const answers: Answers = { breathe: true, said: 'They shouted', gap: 'quality', mine: 'yes', gone: 'a lot of typing', needs: ['control', 'vanished'] };
    const draft = { answers: { ...answers } };
    const steps = mini.steps.map((step) => (step.id === 'gap' && step.type === 'select' ? { ...step, choices: step.choices.filter((c) => c.value !== 'quality') } : step));
    const mismatches = reconcileDraft({ steps }, draft);
    expect(mismatches.map(({ step, why, answer }) => ({ step, why, answer }))).toEqual([
      { step: 'gap', why: 'choice', answer: 'quality' },
      { step: 'mine', why: 'type', answer: 'yes' },
      { step: 'gone', why: 'removed', answer: 'a lot of typing' },
      { step: 'needs', why: 'choice', answer: ['control', 'vanished'] },
    ]);
    expect(draft.answers).toEqual({ breathe: true, said: 'They shouted' });
    const told = describeMismatches('mini', 'the-id', mismatches, 'en');
    expect(told).toContain('step "gap" no longer offers what you picked; it will be asked again. Your answer was:\n      quality');
    expect(told).toContain('step "mine" now asks for yes or no; it will be asked again');
    expect(told).toContain('step "gone" is no longer in the playbook; your answer is not kept:\n      a lot of typing');
  });

  it('reports text being typed into a step that no longer takes text, and keeps it otherwise', () => {
    const keep = { answers: {}, partial: { step: 'said', text: 'half a sentence' } };
    expect(reconcileDraft(mini, keep)).toEqual([]);
    expect(keep.partial).toEqual({ step: 'said', text: 'half a sentence' });
    const gone = { answers: {}, partial: { step: 'gap', text: 'half a sentence' } };
    expect(reconcileDraft(mini, gone)).toMatchObject([{ step: 'gap', typed: true, answer: 'half a sentence' }]);
    expect(gone.partial).toBeUndefined();
  });

  it(
    'after any edit of the playbook, keeps the answers that fit as they were, reports every other one, and asks those steps again',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.nat(255), fc.array(edit, { minLength: 1, maxLength: 3 }), async (pick, edits) => {
          const before = await answersOf(mini, pick);
          const steps = edits.reduce<Step[]>((current, change) => edited(current, change), [...mini.steps]);
          const draft = { answers: { ...before } };
          const mismatches = reconcileDraft({ steps }, draft);
          const reported = new Map(mismatches.map((mismatch) => [mismatch.step, mismatch]));
          for (const [id, value] of Object.entries(before)) {
            if (id in draft.answers) expect(draft.answers[id]).toEqual(value);
            else if (value !== true) expect(reported.get(id)?.answer).toEqual(value);
          }
          const byId = new Map(steps.map((step) => [step.id, step]));
          for (const [id, value] of Object.entries(draft.answers)) expect(misfit(byId.get(id) as Step, value)).toBeUndefined();
          // Going on asks every step whose answer was dropped, if it still applies: none is kept silently.
          const asked: string[] = [];
          const after = await runPlaybook({ steps }, {
            answers: draft.answers,
            prompter: {
              advise: async (step) => void asked.push(step.id),
              ask: async (step) => {
                asked.push(step.id);
                return answerFor(step, pick);
              },
            },
          });
          const applying = new Set(applicableSteps({ steps }, after).map((step) => step.id));
          for (const mismatch of mismatches) if (applying.has(mismatch.step)) expect(asked).toContain(mismatch.step);
        }),
        { numRuns: runs(300) },
      );
    },
    timeoutFor(300),
  );
});
