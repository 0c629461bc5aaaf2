import * as z from 'zod';
import type { m } from './messages.js';

/**
 * A message of the playbook catalogue, named by its key: the loader says it in the language of
 * the run when it reports the problem (see `schemaProblem`).
 */
const says = (key: keyof typeof m & `schema${string}`) => ({ error: key });

/**
 * Playbook format v1. This schema is the single source of truth: the loader validates with it,
 * the TypeScript types are inferred from it, and docs/playbook-format.md describes it.
 */

export const STEP_ID = /^[a-z][a-z0-9_]*$/;
const stepId = z.string().regex(STEP_ID, says('schemaSnakeCase'));
const nonEmpty = z.string().trim().min(1, says('schemaEmpty'));

import { KINDS, LANGS } from '../types.js';
export const STEP_TYPES = ['advice', 'input', 'text', 'confirm', 'select', 'checkbox', 'date'] as const;

/**
 * A declarative condition on earlier answers. Exactly one form per object:
 * `{ step, equals }`, `{ step, in }`, `{ step, includes }`, `{ step, answered }`,
 * `{ not }`, `{ all }`, `{ any }`.
 */
export type Condition =
  | { step: string; equals: string | boolean }
  | { step: string; in: string[] }
  | { step: string; includes: string }
  | { step: string; answered: boolean }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

const scalarValue = z.union([z.string(), z.boolean()]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ step: stepId, equals: scalarValue }),
    z.strictObject({ step: stepId, in: z.array(z.string()).min(1) }),
    z.strictObject({ step: stepId, includes: z.string() }),
    z.strictObject({ step: stepId, answered: z.boolean() }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

const common = {
  id: stepId,
  /** Short heading shown with the progress line. */
  title: nonEmpty.optional(),
  /**
   * What to do at this moment, in one line: shown above the question (or alone, for advice),
   * while the rest of the step (`help`, `text`, `tips`, `warning`) opens on demand. Without it,
   * the first sentence of `help` (or of an advice's `text`) stands in.
   */
  now: nonEmpty.optional(),
  /** Longer explanation, opened on demand under the question. */
  help: nonEmpty.optional(),
  /** Short coaching lines shown as a list. */
  tips: z.array(nonEmpty).optional(),
  /** A mistake that is tempting at this moment, shown highlighted. */
  warning: nonEmpty.optional(),
  when: conditionSchema.optional(),
};

const question = {
  ...common,
  message: nonEmpty,
  /** Defaults to true: a required step must be answered (or have a default). */
  required: z.boolean().optional(),
};

export const choiceSchema = z.strictObject({
  value: stepId,
  label: nonEmpty,
  /** One line shown next to the label in the list. */
  hint: nonEmpty.optional(),
  /** Coaching shown once this choice is picked. */
  tip: nonEmpty.optional(),
  /** Points this choice adds to a checkbox step's score (default 1). */
  weight: z.number().int().min(0).max(100).optional(),
});

/** Turns a checkbox score into a verdict: the first entry whose `max` is not exceeded wins. */
export const verdictSchema = z.strictObject({
  max: z.number().int().min(0).optional(),
  value: stepId,
  label: nonEmpty,
});

/** `today`, `+3d` (days from today) or an ISO date `YYYY-MM-DD`. */
export const DATE_DEFAULT = /^(today|\+\d{1,3}d|\d{4}-\d{2}-\d{2})$/;

export const stepSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('advice'), title: nonEmpty, text: nonEmpty }),
  z.strictObject({ ...question, type: z.literal('input'), default: z.string().optional() }),
  z.strictObject({ ...question, type: z.literal('text'), default: z.string().optional() }),
  z.strictObject({ ...question, type: z.literal('confirm'), default: z.boolean().optional() }),
  z.strictObject({
    ...question,
    type: z.literal('select'),
    choices: z.array(choiceSchema).min(2, says('schemaTwoChoices')),
    default: stepId.optional(),
  }),
  z.strictObject({
    ...question,
    type: z.literal('checkbox'),
    choices: z.array(choiceSchema).min(1, says('schemaOneChoice')),
    default: z.array(stepId).optional(),
    /** Optional scoring: ordered by `max`, the last one without `max` catches the rest. */
    verdicts: z.array(verdictSchema).min(2, says('schemaTwoVerdicts')).optional(),
  }),
  z.strictObject({
    ...question,
    type: z.literal('date'),
    default: z.string().regex(DATE_DEFAULT, says('schemaDateDefault')).optional(),
    /** Also ask for a time of day (HH:MM): a precise call-back time. */
    time: z.boolean().optional(),
    /** Refuse dates before today. */
    future: z.boolean().optional(),
  }),
]);

const templateSource = z.union([
  z.strictObject({ text: nonEmpty }),
  z.strictObject({ file: nonEmpty }),
]);

/**
 * Which steps carry what the session record keeps beyond the documents: the promise made (what,
 * by when), the next contact date, the lesson, and (for follow-ups) the session's new status.
 */
const recordSchema = z.strictObject({
  promise: z.strictObject({ what: stepId, by: stepId }).optional(),
  next_contact: stepId.optional(),
  lesson: stepId.optional(),
  status: stepId.optional(),
  /** Who calls the client back when someone else took over (a colleague, a mediator): their name and role. */
  caller: z.strictObject({ name: stepId, role: stepId.optional() }).optional(),
});

export const playbookSchema = z.strictObject({
  format: z.literal(1).optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, says('schemaPlaybookId')),
  kind: z.enum(KINDS),
  lang: z.enum(LANGS),
  title: nonEmpty,
  description: nonEmpty,
  steps: z.array(stepSchema).min(1, says('schemaOneStep')),
  record: recordSchema.optional(),
  templates: z.strictObject({
    recap: templateSource,
    email: z.strictObject({ subject: nonEmpty, body: templateSource }),
  }),
});

export type RecordRoles = z.infer<typeof recordSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
export type AdviceStep = Extract<Step, { type: 'advice' }>;
export type QuestionStep = Exclude<Step, AdviceStep>;
export type ChoiceStep = Extract<Step, { type: 'select' | 'checkbox' }>;
export type DateStep = Extract<Step, { type: 'date' }>;
export type Choice = z.infer<typeof choiceSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type PlaybookSource = z.infer<typeof playbookSchema>;

/** A validated playbook with its templates read and the place it came from. */
export interface Playbook extends Omit<PlaybookSource, 'templates'> {
  templates: { recap: string; emailSubject: string; emailBody: string };
  source: string;
}
