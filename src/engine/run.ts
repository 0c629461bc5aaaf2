import type { AdviceStep, Playbook, QuestionStep, Step } from '../playbook/schema.js';
import type { AnswerValue, Answers } from './answers.js';
import { holds, isAnswered } from './conditions.js';

/**
 * The engine: given a playbook and the answers so far, it decides which step comes next and asks
 * a Prompter for it. It knows nothing of terminals or files; the Inquirer adapter, the answers-file
 * prompter and the tests' prompters all plug in here.
 *
 * A prompter may answer `BACK` instead of an answer: the previous question is asked again, its
 * answer offered as it was. The answers gone back over are not lost: they are "remembered" and
 * offered again when their step comes back. `reviseAnswer` asks one answered question again (the
 * review before anything is written) and then whatever the new answer opens.
 */

/**
 * Where a step stands, counted on what is known from the start: the steps without a `when`, which
 * every run goes through. `total` never changes during a run, and `index` never goes backwards
 * while the user goes forward. A step that an answer opened (`branch`) takes the number of the
 * step before it: "step 4/20" stays 4 while the branch of step 4 is asked.
 */
export interface Progress {
  index: number;
  total: number;
  branch?: boolean;
}

/** An answer given, for the one-line trail a prompter may show. */
export interface TrailEntry {
  step: QuestionStep;
  value: AnswerValue;
}

/** What a prompter knows of the run when it is asked a step. */
export interface StepContext {
  progress: Progress;
  /** The answer given earlier, to offer again (after going back, or when changing an answer). */
  previous?: AnswerValue | undefined;
  /** The questions answered so far, in order. */
  trail: readonly TrailEntry[];
  /** Whether `BACK` leads anywhere: false on the first question (or on the one being changed, where it cancels). */
  canGoBack: boolean;
  /**
   * A check of the answer beyond its step's type, for a question calmclient asks outside the
   * playbook (an e-mail address, a phone number): the problem to show where the answer is typed,
   * or undefined. An empty answer to an optional question is not checked.
   */
  check?: (answer: string) => string | undefined;
}

/** What a prompter answers to go back to the previous question. */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

export interface Prompter {
  /** Shows an advice card; resolves when the user is ready to go on (or with `BACK`). */
  advise(step: AdviceStep, context: StepContext): Promise<void | Back>;
  /** Asks a question; resolves with the answer, undefined when an optional step is left empty, or `BACK`. */
  ask(step: QuestionStep, context: StepContext): Promise<AnswerValue | undefined | Back>;
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

/** The place of every step in the playbook, counted on the steps every run goes through (see Progress). */
export function numberSteps(playbook: Pick<Playbook, 'steps'>): Map<Step, Progress> {
  const total = playbook.steps.filter((candidate) => candidate.when === undefined).length;
  const numbers = new Map<Step, Progress>();
  let index = 0;
  playbook.steps.forEach((step, position) => {
    // A playbook made only of branches has nothing fixed to count on: its steps are counted as written.
    if (total === 0) numbers.set(step, { index: position + 1, total: playbook.steps.length });
    else if (step.when === undefined) numbers.set(step, { index: ++index, total });
    else numbers.set(step, { index: Math.max(1, index), total, branch: true });
  });
  return numbers;
}

/** The place of `step` in the playbook (see Progress). */
export function progressOf(playbook: Pick<Playbook, 'steps'>, step: Step): Progress {
  return numberSteps(playbook).get(step) ?? { index: 1, total: playbook.steps.length };
}

export interface NextStep {
  step: Step;
  progress: Progress;
}

export function nextStep(playbook: Pick<Playbook, 'steps'>, answers: Answers): NextStep | undefined {
  const step = firstUnanswered(playbook, answers);
  return step && { step, progress: progressOf(playbook, step) };
}

function firstUnanswered(playbook: Pick<Playbook, 'steps'>, answers: Answers): Step | undefined {
  return playbook.steps.find((step) => !(step.id in answers) && applies(step, answers));
}

/** The answers of a walk, and those it gave and then went back over (offered again when their step returns). */
export interface WalkState {
  answers: Answers;
  remembered: Answers;
}

export interface RunOptions {
  prompter: Prompter;
  /** Answers from an earlier, interrupted run: those steps are not asked again. */
  answers?: Answers;
  /** Answers to offer again when their step is asked (see WalkState). */
  remembered?: Answers;
  /** Called after every answer, with all answers so far (to save a draft). */
  onAnswer?: (answers: Answers) => void | Promise<void>;
}

export async function runPlaybook(playbook: Pick<Playbook, 'steps'>, options: RunOptions): Promise<Answers> {
  const state = { answers: { ...options.answers }, remembered: { ...options.remembered } };
  // Going back from the first question stays on it: the walk always ends with answers.
  const done = await walk(playbook, state, { floor: 0, cancel: false }, options);
  return (done ?? state).answers;
}

/**
 * Asks the answered question `id` again, its answer offered, then every question the new answer
 * opens; the answers of steps it closes are kept aside, offered again if a later change reopens
 * them. Resolves with the new state, or undefined when the user went back from `id` itself (the
 * change is cancelled and `state` stands).
 */
export async function reviseAnswer(
  playbook: Pick<Playbook, 'steps'>,
  state: WalkState,
  id: string,
  options: Omit<RunOptions, 'answers' | 'remembered'>,
): Promise<WalkState | undefined> {
  const step = playbook.steps.find((candidate) => candidate.id === id);
  if (!step || !(id in state.answers)) return { answers: { ...state.answers }, remembered: { ...state.remembered } };
  const answers = { ...state.answers };
  const remembered = { ...state.remembered, [id]: answers[id] as AnswerValue };
  delete answers[id];
  const floor = answeredQuestions(playbook, answers).filter((before) => playbook.steps.indexOf(before) < playbook.steps.indexOf(step)).length;
  return walk(playbook, { answers, remembered }, { floor, cancel: true }, options);
}

/** The questions answered, in playbook order (the order they were asked in). */
function answeredQuestions(playbook: Pick<Playbook, 'steps'>, answers: Answers): QuestionStep[] {
  return applicableSteps(playbook, answers).filter((step): step is QuestionStep => step.type !== 'advice' && step.id in answers);
}

/** How far back a walk may go: not past `floor` answered questions; going back at the floor ends it (`cancel`) or stays. */
interface Limit {
  floor: number;
  cancel: boolean;
}

/** The walk itself, on a `state` it owns; undefined when the user went back past the limit that cancels. */
async function walk(
  playbook: Pick<Playbook, 'steps'>,
  state: WalkState,
  { floor, cancel }: Limit,
  options: Omit<RunOptions, 'answers' | 'remembered'>,
): Promise<WalkState | undefined> {
  const { answers, remembered } = state;
  // What going back walks through: the questions answered before the first one to ask (answers
  // after it, when an answer is being changed, stay as they are), then each one answered here.
  const first = firstUnanswered(playbook, answers);
  const start = first ? playbook.steps.indexOf(first) : playbook.steps.length;
  const history = answeredQuestions(playbook, answers)
    .filter((step) => playbook.steps.indexOf(step) < start)
    .map((step) => step.id);
  const numbers = numberSteps(playbook);
  const byId = new Map(playbook.steps.map((step) => [step.id, step]));
  for (let step = first; step; step = firstUnanswered(playbook, answers)) {
    const context: StepContext = {
      progress: numbers.get(step) ?? { index: 1, total: playbook.steps.length },
      previous: remembered[step.id],
      // Made when a prompter reads it: a playbook of thousands of steps walked by a script never does.
      get trail() {
        return history.flatMap((id) => {
          const asked = byId.get(id);
          const value = answers[id];
          return asked && asked.type !== 'advice' && value !== undefined ? [{ step: asked, value }] : [];
        });
      },
      canGoBack: history.length > floor || cancel,
    };
    const reply = step.type === 'advice' ? await options.prompter.advise(step, context) : await options.prompter.ask(step, context);
    if (reply === BACK) {
      if (history.length <= floor) {
        if (cancel) return undefined;
        continue;
      }
      const previous = history.pop() as string;
      remembered[previous] = answers[previous] as AnswerValue;
      delete answers[previous];
      continue;
    }
    if (step.type === 'advice') {
      answers[step.id] = SHOWN;
    } else {
      answers[step.id] = reply ?? emptyAnswer(step);
      history.push(step.id);
      delete remembered[step.id];
    }
    // Only answers after this one can belong to a branch it closed (when an answer is changed).
    const position = playbook.steps.indexOf(step);
    if (playbook.steps.some((later, index) => index > position && later.id in answers)) setAsideClosedBranches(playbook, state);
    await options.onAnswer?.({ ...answers });
  }
  return state;
}

/**
 * Moves the answers of steps that no longer apply (an answer before them changed) to
 * `remembered`: if a later change opens their branch again, they are asked again, their old answer
 * offered, instead of coming back unseen.
 */
function setAsideClosedBranches(playbook: Pick<Playbook, 'steps'>, { answers, remembered }: WalkState): void {
  for (const step of playbook.steps) {
    if (!(step.id in answers) || applies(step, answers)) continue;
    if (step.type !== 'advice') remembered[step.id] = answers[step.id] as AnswerValue;
    delete answers[step.id];
  }
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
