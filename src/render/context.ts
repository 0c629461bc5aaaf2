import { formatDate, parseIso, toIso, todayOf } from '../dates/calendar.js';
import type { Answers } from '../engine/answers.js';
import { yesNo } from './labels.js';
import type { Choice, Playbook, Step } from '../playbook/schema.js';
import type { Lang } from '../types.js';

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
  score: Record<string, number>;
  verdict: Record<string, string>;
}

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
  /** Values a command adds (`mission`, `promise`, `promise_date`). */
  extra?: Record<string, string>;
}

export function buildContext({ playbook, answers, client, now, extra = {} }: ContextInput): TemplateContext {
  const { lang } = playbook;
  const today = todayOf(now);
  const context: TemplateContext = {
    ...extra,
    client,
    today: formatDate(today, lang),
    today_iso: toIso(today),
    is: {},
    iso: {},
    list: {},
    lines: {},
    score: {},
    verdict: {},
  };
  const flags: Record<string, Record<string, boolean>> = {};
  for (const step of playbook.steps) {
    const answer = answers[step.id];
    if (answer === undefined || step.type === 'advice') continue;
    switch (step.type) {
      case 'input':
      case 'text':
        if (typeof answer !== 'string') break;
        context[step.id] = answer;
        context.lines[step.id] = answer.split('\n');
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
