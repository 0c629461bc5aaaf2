import type { AdviceStep, Playbook, QuestionStep, Step } from '../playbook/schema.js';
import type { AnswerValue, Answers } from './answers.js';
import { holds, isAnswered } from './conditions.js';

/**
 * The engine: given a playbook and the answers so far, it decides which step comes next and asks
 * a Prompter for it. It knows nothing of terminals or files; the Inquirer adapter, the answers-file
 * prompter and the tests' prompters all plug in here.
 */

/** `index` counts from 1 among the steps that apply given the answers so far. */
export interface Progress {
  index: number;
  total: number;
}

export interface Prompter {
  /** Shows an advice card; resolves when the user is ready to go on. */
  advise(step: AdviceStep, progress: Progress): Promise<void>;
  /** Asks a question; resolves with the answer, or undefined when an optional step is left empty. */
  ask(step: QuestionStep, progress: Progress): Promise<AnswerValue | undefined>;
}

/** An advice step that was shown is recorded as `true`, so a resumed run does not show it again. */
const SHOWN = true;

export function applies(step: Step, answers: Answers): boolean {
  return step.when === undefined || holds(step.when, answers);
}

/** The steps that apply given the answers so far; a branch opens once the answer it needs exists. */
export function applicableSteps(playbook: Pick<Playbook, 'steps'>, answers: Answers): Step[] {
  return playbook.steps.filter((step) => applies(step, answers));
}

export interface NextStep {
  step: Step;
  progress: Progress;
}

export function nextStep(playbook: Pick<Playbook, 'steps'>, answers: Answers): NextStep | undefined {
  const steps = applicableSteps(playbook, answers);
  const position = steps.findIndex((step) => !(step.id in answers));
  const step = steps[position];
  return step && { step, progress: { index: position + 1, total: steps.length } };
}

export interface RunOptions {
  prompter: Prompter;
  /** Answers from an earlier, interrupted run: those steps are not asked again. */
  answers?: Answers;
  /** Called after every step, with all answers so far (to save a draft). */
  onAnswer?: (answers: Answers) => void | Promise<void>;
}

export async function runPlaybook(playbook: Pick<Playbook, 'steps'>, options: RunOptions): Promise<Answers> {
  const answers: Answers = { ...options.answers };
  for (let next = nextStep(playbook, answers); next; next = nextStep(playbook, answers)) {
    const { step, progress } = next;
    if (step.type === 'advice') {
      await options.prompter.advise(step, progress);
      answers[step.id] = SHOWN;
    } else {
      const value = await options.prompter.ask(step, progress);
      answers[step.id] = value ?? emptyAnswer(step);
    }
    await options.onAnswer?.({ ...answers });
  }
  return answers;
}

function emptyAnswer(step: QuestionStep): AnswerValue {
  return step.type === 'checkbox' ? [] : '';
}

/**
 * The answers a reader cares about: those of question steps that apply and were answered.
 * Branches that were closed by a later change, advice markers and empty answers are dropped.
 */
export function effectiveAnswers(playbook: Pick<Playbook, 'steps'>, answers: Answers): Answers {
  const result: Answers = {};
  for (const step of applicableSteps(playbook, answers)) {
    const value = answers[step.id];
    if (step.type === 'advice' || value === undefined) continue;
    // Ticking nothing on a scored checklist is an answer: a score of zero.
    const scored = step.type === 'checkbox' && step.verdicts !== undefined;
    if (isAnswered(value) || scored) result[step.id] = value;
  }
  return result;
}
