import { formatDate, parseIso, toIso, todayOf } from '../dates/calendar.js';
import type { Answers } from '../engine/answers.js';
import { yesNo } from './labels.js';
import type { Choice, Playbook, Step } from '../playbook/schema.js';
import type { Lang } from '../types.js';
import { inlineText, listItems } from './typography.js';

/**
 * The values a template sees (documented in docs/playbook-format.md). Everything here is plain
 * data: Mustache looks names up, it never calls into calmclient.
 */
export interface TemplateContext {
  [name: string]: unknown;
  client: string;
  today: string;
  today_iso: string;
  // `is.ID`, `is.ID.VALUE` and `is.verdict.ID.VALUE` flags for sections.
  is: Record<string, boolean | Record<string, boolean> | Record<string, Record<string, boolean>>>;
  iso: Record<string, string>;
  list: Record<string, ChoiceItem[]>;
  lines: Record<string, string[]>;
  /** A text answer as list items: see `listItems`. */
  items: Record<string, string[]>;
  /** A text answer made to continue a sentence: see `inlineText`. */
  inline: Record<string, string>;
  /** Set when a text answer makes exactly one item, or several: the sentence around a list reads well either way. */
  one: Record<string, boolean>;
  many: Record<string, boolean>;
  score: Record<string, number>;
  /** The highest score a scored checkbox can reach: the scale its score is read on. */
  max: Record<string, number>;
  verdict: Record<string, string>;
}

/**
 * The people a document is between: the client's contact person (greeted by name), how they are
 * addressed in French, and the user who signs.
 */
export interface DocumentPeople {
  contact?: { name?: string | undefined; email?: string | undefined; phone?: string | undefined } | undefined;
  register?: 'tu' | 'vous' | undefined;
  sender?: { name?: string | undefined; email?: string | undefined; phone?: string | undefined; signature?: string | undefined } | undefined;
}

/** Where the promise a follow-up checks stands on the day of the follow-up. */
export const PROMISE_TIMINGS = ['ahead', 'today', 'past'] as const;
export type PromiseTiming = (typeof PROMISE_TIMINGS)[number];

interface ChoiceItem {
  value: string;
  label: string;
  hint?: string;
  tip?: string;
}

export interface ContextInput {
  playbook: Pick<Playbook, 'steps' | 'lang'>;
  /** Only the answers that count: see `effectiveAnswers`. */
  answers: Answers;
  client: string;
  now: Date;
  /** Values a command adds (`mission`, `promise`, `promise_date`, `promise_timing`, `lessons`…). */
  extra?: Record<string, string>;
  people?: DocumentPeople | undefined;
}

export function buildContext({ playbook, answers, client, now, extra = {}, people = {} }: ContextInput): TemplateContext {
  const { lang } = playbook;
  const today = todayOf(now);
  const context: TemplateContext = {
    ...peopleValues(people, lang),
    ...extra,
    client,
    today: formatDate(today, lang),
    today_iso: toIso(today),
    is: {},
    iso: {},
    list: {},
    lines: {},
    items: {},
    inline: {},
    one: {},
    many: {},
    score: {},
    max: {},
    verdict: {},
  };
  for (const [name, value] of Object.entries(extra)) if (value !== '') addText(context, name, value, lang);
  const timing = extra.promise_timing;
  if (timing !== undefined && (PROMISE_TIMINGS as readonly string[]).includes(timing)) context.is.promise = { [timing]: true };
  const flags: Record<string, Record<string, boolean>> = {};
  for (const step of playbook.steps) {
    const answer = answers[step.id];
    if (answer === undefined || step.type === 'advice') continue;
    switch (step.type) {
      case 'input':
      case 'text':
        if (typeof answer !== 'string') break;
        addText(context, step.id, answer, lang);
        break;
      case 'confirm':
        context[step.id] = displayAnswer(step, answer, lang);
        context.is[step.id] = answer === true;
        break;
      case 'date': {
        const written = displayAnswer(step, answer, lang);
        if (written === '') break;
        context[step.id] = written;
        context.iso[step.id] = answer as string;
        break;
      }
      case 'select':
      case 'checkbox': {
        const picked = chosen(step, answer);
        context[step.id] = displayAnswer(step, answer, lang);
        context.list[step.id] = picked.map(toItem);
        context.is[step.id] = Object.fromEntries(picked.map((choice) => [choice.value, true]));
        if (step.type === 'checkbox' && step.verdicts) {
          const score = picked.reduce((sum, choice) => sum + (choice.weight ?? 1), 0);
          const verdict = step.verdicts.find((v) => v.max === undefined || score <= v.max);
          context.score[step.id] = score;
          context.max[step.id] = step.choices.reduce((sum, choice) => sum + (choice.weight ?? 1), 0);
          if (verdict) {
            context.verdict[step.id] = verdict.label;
            flags[step.id] = { [verdict.value]: true };
          }
        }
        break;
      }
    }
  }
  if (Object.keys(flags).length > 0) context.is.verdict = flags;
  return context;
}

/** The languages whose documents address the client as tu or vous. */
export const HAS_REGISTER: Record<Lang, boolean> = { en: false, fr: true };

/** A text value under its own name, and as lines, list items and their count. */
function addText(context: TemplateContext, name: string, value: string, lang: Lang): void {
  const items = listItems(value);
  context[name] = value;
  context.inline[name] = inlineText(value, lang);
  context.lines[name] = value.split('\n');
  context.items[name] = items;
  context.one[name] = items.length === 1;
  context.many[name] = items.length > 1;
}

/**
 * `{{contact}}`, `{{tu}}` (French, the contact is addressed as tu), `{{signature}}` (the one set,
 * else the user's name), `{{my_name}}`, `{{my_email}}`, `{{my_phone}}`: set only when known, so a
 * template tests them with a section. A playbook step of the same id wins over them.
 */
function peopleValues(people: DocumentPeople, lang: Lang): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined && value.trim() !== '') values[name] = value.trim();
  };
  set('contact', people.contact?.name);
  set('my_name', people.sender?.name);
  set('my_email', people.sender?.email);
  set('my_phone', people.sender?.phone);
  set('signature', people.sender?.signature ?? people.sender?.name);
  values.tu = HAS_REGISTER[lang] && people.register === 'tu';
  return values;
}

/** A scored checkbox's result: its title, score, the highest score it can reach, and its verdict's label. */
export interface ScoreResult {
  id: string;
  title: string;
  score: number;
  max: number;
  verdict: string | undefined;
}

/** The scores of a playbook's scored checkboxes, for the screen (the documents have `{{score.ID}}`, `{{max.ID}}`). */
export function scores(playbook: Pick<Playbook, 'steps'>, answers: Answers): ScoreResult[] {
  return playbook.steps.flatMap((step) => {
    if (step.type !== 'checkbox' || !step.verdicts) return [];
    const answer = answers[step.id];
    if (answer === undefined) return [];
    const picked = chosen(step, answer);
    const score = picked.reduce((sum, choice) => sum + (choice.weight ?? 1), 0);
    const max = step.choices.reduce((sum, choice) => sum + (choice.weight ?? 1), 0);
    const verdict = step.verdicts.find((v) => v.max === undefined || score <= v.max)?.label;
    return [{ id: step.id, title: step.title ?? step.id, score, max, verdict }];
  });
}

/** An answer as a reader wants it: a choice's label, a written-out date, "yes"/"oui". */
export function displayAnswer(step: Step, answer: Answers[string], lang: Lang): string {
  switch (step.type) {
    case 'advice':
      return '';
    case 'confirm':
      return yesNo(answer === true, lang);
    case 'date': {
      const date = typeof answer === 'string' ? parseIso(answer) : undefined;
      return date ? formatDate(date, lang) : '';
    }
    case 'select':
    case 'checkbox':
      return chosen(step, answer)
        .map((choice) => choice.label)
        .join(', ');
    default:
      return typeof answer === 'string' ? answer : '';
  }
}

function chosen(step: Extract<Step, { type: 'select' | 'checkbox' }>, answer: Answers[string]): Choice[] {
  const values = Array.isArray(answer) ? answer : [answer];
  return step.choices.filter((choice) => values.includes(choice.value));
}

function toItem(choice: Choice): ChoiceItem {
  const item: ChoiceItem = { value: choice.value, label: choice.label };
  if (choice.hint) item.hint = choice.hint;
  if (choice.tip) item.tip = choice.tip;
  return item;
}
