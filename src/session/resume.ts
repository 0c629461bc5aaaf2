import type { AnswerValue, Answers } from '../engine/answers.js';
import { isRequired } from '../engine/answers.js';
import { parseIso } from '../dates/calendar.js';
import { UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Playbook, Step } from '../playbook/schema.js';
import { kindLabel, statusLabel } from '../render/labels.js';
import { findSession, loadSessions } from '../store/session-list.js';
import type { SessionLock } from '../store/lock.js';
import type { SessionRecord } from '../store/sessions.js';
import type { Lang, PlaybookKind } from '../types.js';
import { sessionPlaybook } from './playbook.js';
import { takeSession, type RecordCommand } from './record-keeper.js';

/** `--resume [ID]` for `start`, `checklist` and `followup`. */

const m = catalogue({
  none: { en: 'no unfinished {kind} session to resume', fr: 'aucune session inachevée de type {kind} à reprendre' },
  wrongKind: {
    en: 'session "{id}" is a {kind} session: resume it with the command that started it',
    fr: 'la session « {id} » est de type {kind} : reprenez-la avec la commande qui l\'a commencée',
  },
  notDraft: {
    en: 'session "{id}" is finished ({status}): there is nothing to resume',
    fr: 'la session « {id} » est terminée ({status}) : rien à reprendre',
  },
  changed: {
    en: 'The playbook "{playbook}" changed since session {id} was saved:',
    fr: 'Le playbook « {playbook} » a changé depuis l\'enregistrement de la session {id} :',
  },
  removed: {
    en: 'step "{step}" is no longer in the playbook; your answer is not kept:',
    fr: 'l\'étape « {step} » n\'est plus dans le playbook ; votre réponse n\'est pas gardée :',
  },
  choice: {
    en: 'step "{step}" no longer offers what you picked; it will be asked again. Your answer was:',
    fr: 'l\'étape « {step} » ne propose plus ce que vous aviez choisi ; elle sera reposée. Votre réponse était :',
  },
  type: {
    en: 'step "{step}" now asks for {type}; it will be asked again. Your answer was:',
    fr: 'l\'étape « {step} » demande maintenant {type} ; elle sera reposée. Votre réponse était :',
  },
  required: {
    en: 'step "{step}" must now be answered; it will be asked again.',
    fr: 'l\'étape « {step} » doit maintenant avoir une réponse ; elle sera reposée.',
  },
  typedRemoved: {
    en: 'what you were typing in step "{step}" no longer fits the playbook; it was:',
    fr: 'ce que vous étiez en train de taper à l\'étape « {step} » ne correspond plus au playbook ; c\'était :',
  },
  typeAdvice: { en: 'a pause to read advice', fr: 'une pause pour lire un conseil' },
  typeInput: { en: 'one line of text', fr: 'une ligne de texte' },
  typeText: { en: 'text', fr: 'du texte' },
  typeConfirm: { en: 'yes or no', fr: 'oui ou non' },
  typeSelect: { en: 'one choice in a list', fr: 'un choix dans une liste' },
  typeCheckbox: { en: 'choices in a list', fr: 'des choix dans une liste' },
  typeDate: { en: 'a date', fr: 'une date' },
  typeDateTime: { en: 'a date and a time', fr: 'une date et une heure' },
  typeDay: { en: 'a date without a time', fr: 'une date sans heure' },
});

export interface Resumed {
  draft: SessionRecord;
  /** The playbook the draft was started with. */
  playbook: Playbook;
  /** The draft is this run's until it ends: another `--resume` of it is refused meanwhile. */
  lock: SessionLock;
}

/** The command that resumes each kind of session. */
const RESUMED_BY: Record<PlaybookKind, RecordCommand> = { crisis: 'start', prevention: 'checklist', followup: 'followup' };

/**
 * The draft named, or the newest unfinished session of this kind, taken for this run: if another
 * calmclient has it open, the refusal says which (see lock.ts). With `finished`, a finished
 * session named by its id is taken too: it goes back to the review, to be amended and written again.
 */
export async function resumeDraft(root: string, kind: PlaybookKind, ref: string | true, lang: Lang, finished = false): Promise<Resumed> {
  const draft = findDraft(root, kind, ref, lang, finished);
  const lock = takeSession(root, draft.id, RESUMED_BY[kind], lang);
  try {
    return { draft, playbook: await sessionPlaybook(draft, lang), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

function findDraft(root: string, kind: PlaybookKind, ref: string | true, lang: Lang, finished: boolean): SessionRecord {
  const loaded = loadSessions(root);
  if (ref === true) {
    const newest = loaded.sessions.find((session) => session.kind === kind && session.status === 'draft');
    if (!newest) throw new UsageError(t(m.none, lang, { kind: kindLabel(kind, lang) }));
    return newest;
  }
  const session = findSession(loaded, ref, lang);
  if (session.kind !== kind) throw new UsageError(t(m.wrongKind, lang, { id: session.id, kind: kindLabel(session.kind, lang) }));
  if (session.status !== 'draft' && !finished)
    throw new UsageError(t(m.notDraft, lang, { id: session.id, status: statusLabel(session.status, lang) }));
  return session;
}

/** Why a saved answer no longer fits its step. */
export type Misfit = 'removed' | 'choice' | 'type' | 'required';

/** An answer of a draft that no longer fits the playbook, or text typed into a step that no longer takes it. */
export interface Mismatch {
  step: string;
  answer: AnswerValue;
  why: Misfit;
  /** The step as the playbook now has it; undefined when it was removed. */
  now?: Step;
  /** What was being typed when the run stopped (`partial`), rather than an answer. */
  typed?: boolean;
}

/** Why `value` cannot stand as the answer of `step` as the playbook now has it; undefined when it fits. */
export function misfit(step: Step, value: AnswerValue): Misfit | undefined {
  const empty = value === '' || (Array.isArray(value) && value.length === 0);
  switch (step.type) {
    case 'advice':
      return value === true ? undefined : 'type';
    case 'input':
    case 'text':
      // One line or several: both are text, and an answers file may give an input several lines.
      if (typeof value !== 'string') return 'type';
      break;
    case 'confirm':
      return typeof value === 'boolean' ? undefined : 'type';
    case 'select':
      if (typeof value !== 'string') return 'type';
      if (!empty && !step.choices.some((choice) => choice.value === value)) return 'choice';
      break;
    case 'checkbox':
      if (!Array.isArray(value)) return 'type';
      if (value.some((item) => !step.choices.some((choice) => choice.value === item))) return 'choice';
      // Ticking nothing is an answer where the steps allow it (a score of zero).
      return undefined;
    case 'date': {
      if (typeof value !== 'string') return 'type';
      if (empty) break;
      const date = parseIso(value);
      if (!date || (date.hour !== undefined) !== (step.time === true)) return 'type';
      break;
    }
  }
  return empty && isRequired(step) ? 'required' : undefined;
}

/**
 * Fits a draft's answers to its playbook as the playbook now is: an answer whose step was removed,
 * whose type changed, or whose choice is gone, leaves the answers (so that the step is asked
 * again, where there still is one) and is returned, to be told to the user. So is text typed into a
 * step that no longer takes text. Answers that fit are kept as they are.
 */
export function reconcileDraft(playbook: Pick<Playbook, 'steps'>, draft: Pick<SessionRecord, 'answers' | 'partial'>): Mismatch[] {
  const steps = new Map(playbook.steps.map((step) => [step.id, step]));
  const mismatches: Mismatch[] = [];
  const kept: Answers = {};
  for (const [id, value] of Object.entries(draft.answers)) {
    const step = steps.get(id);
    if (!step) {
      // An advice step that was shown leaves `true`: nothing was typed.
      if (value !== true) mismatches.push({ step: id, answer: value, why: 'removed' });
      continue;
    }
    const why = misfit(step, value);
    if (why === undefined) kept[id] = value;
    else mismatches.push({ step: id, answer: value, why, now: step });
  }
  draft.answers = kept;
  const partial = draft.partial;
  if (partial) {
    const step = steps.get(partial.step);
    if (!step || step.type !== 'text' || partial.step in kept) {
      mismatches.push({ step: partial.step, answer: partial.text, why: step ? 'type' : 'removed', typed: true, ...(step ? { now: step } : {}) });
      delete draft.partial;
    }
  }
  return mismatches;
}

function typeWords(step: Step, lang: Lang): string {
  switch (step.type) {
    case 'advice':
      return t(m.typeAdvice, lang);
    case 'input':
      return t(m.typeInput, lang);
    case 'text':
      return t(m.typeText, lang);
    case 'confirm':
      return t(m.typeConfirm, lang);
    case 'select':
      return t(m.typeSelect, lang);
    case 'checkbox':
      return t(m.typeCheckbox, lang);
    case 'date':
      return t(step.time ? m.typeDateTime : m.typeDay, lang);
  }
}

/** An answer as stored, in words: text as typed, choice values, yes or no. */
function answerText(answer: AnswerValue): string {
  if (Array.isArray(answer)) return answer.join(', ');
  if (typeof answer === 'boolean') return answer ? 'true' : 'false';
  return answer;
}

/**
 * What to tell the user about the mismatches, one entry per step: the sentence and the answer
 * (indented), so that nothing they typed vanishes unseen. Plain text from the user's data: print
 * it through `inert`.
 */
export function describeMismatches(playbookId: string, id: string, mismatches: readonly Mismatch[], lang: Lang): string {
  const lines = [t(m.changed, lang, { playbook: playbookId, id })];
  for (const mismatch of mismatches) {
    const step = mismatch.step;
    const sentence = mismatch.typed
      ? t(m.typedRemoved, lang, { step })
      : mismatch.why === 'removed'
        ? t(m.removed, lang, { step })
        : mismatch.why === 'choice'
          ? t(m.choice, lang, { step })
          : mismatch.why === 'required'
            ? t(m.required, lang, { step })
            : t(m.type, lang, { step, type: mismatch.now ? typeWords(mismatch.now, lang) : '' });
    lines.push(`  - ${sentence}`);
    if (mismatch.why !== 'required') for (const line of answerText(mismatch.answer).split('\n')) lines.push(`      ${line}`);
  }
  return lines.join('\n');
}
