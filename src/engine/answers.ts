import { t } from '../i18n/catalogue.js';
import { m } from './messages.js';
import type { QuestionStep } from '../playbook/schema.js';
import { resolveDateDefault, toIso } from '../dates/calendar.js';
import { describeDate, explainReading, readDate, worthNoting, type DateOrder } from '../dates/read.js';
import type { Lang } from '../types.js';

/** What a step's answer is stored as: text, yes/no, a choice value, choice values, an ISO date. */
export type AnswerValue = string | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** Long enough for a whole e-mail pasted in; beyond that it is a mistake, not an answer. */
export const MAX_ANSWER_LENGTH = 200_000;

/**
 * A checked answer. For a date, `understood` writes out the date understood ("Thursday 12 November
 * 2026", with what to type for the other reading of `12/11`), for the user to see before going on;
 * `note` when it is worth a note in a scripted run: read from words, or from a number that reads
 * two ways.
 */
export type Coerced =
  | { ok: true; value: AnswerValue; understood?: { words: string; note: boolean } }
  /** `understood`: a date was understood, then refused (in the past, no time...): the message says which. */
  | { ok: false; message: string; understood?: boolean };

export interface CoerceOptions {
  /** Which way round `12/11` is read: the locale's (src/dates/locale.ts). Day first when not given. */
  order?: DateOrder;
  /** Add examples to the message about an unreadable date: for an answers file, where no question shows them. */
  examples?: boolean;
}

const fail = (message: string): Coerced => ({ ok: false, message });

/**
 * Checks and normalises one raw answer, typed at a prompt or read from an answers file.
 * Dates may be written in any form src/dates/read.ts reads (`le 15 janvier à 11h`, `next friday`,
 * `12/11`); they are stored as ISO. A refused date says what was understood and why.
 */
export function coerceAnswer(step: QuestionStep, raw: unknown, now: Date, lang: Lang, options: CoerceOptions = {}): Coerced {
  switch (step.type) {
    case 'input':
    case 'text': {
      if (typeof raw === 'number') raw = String(raw);
      if (typeof raw !== 'string') return fail(t(m.expectString, lang));
      const text = step.type === 'input' ? raw.trim() : raw.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
      if (text.length > MAX_ANSWER_LENGTH) return fail(t(m.tooLong, lang, { max: MAX_ANSWER_LENGTH }));
      return { ok: true, value: text };
    }
    case 'confirm':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : fail(t(m.expectBoolean, lang));
    case 'select': {
      if (typeof raw !== 'string') return fail(t(m.expectString, lang));
      return checkChoice(step.choices, raw, lang) ?? { ok: true, value: raw };
    }
    case 'checkbox': {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))
        return fail(t(m.expectList, lang));
      for (const item of list) {
        const problem = checkChoice(step.choices, item, lang);
        if (problem) return problem;
      }
      return { ok: true, value: [...new Set(list)] };
    }
    case 'date': {
      const order = options.order ?? 'dmy';
      const want = step.time === true ? 'dayTime' : 'day';
      // YAML reads an unquoted 2026-11-25 as a timestamp: accept it as the calendar day it names.
      if (raw instanceof Date && !Number.isNaN(raw.getTime())) raw = raw.toISOString().slice(0, 10);
      if (typeof raw === 'number') raw = String(raw);
      if (typeof raw !== 'string') return fail(explainReading({ text: '', ok: false, problem: 'unreadable' }, lang, order, want));
      const reading = readDate(raw, { now, lang, order, want, future: step.future === true });
      if (!reading.ok) {
        const message = explainReading(reading, lang, order, options.examples ? want : undefined);
        return reading.problem === 'unreadable' || reading.problem === 'empty' ? fail(message) : { ok: false, message, understood: true };
      }
      const words = describeDate(reading.understood, lang, order);
      return { ok: true, value: toIso(reading.understood.date), understood: { words, note: worthNoting(reading.understood) } };
    }
  }
}

function checkChoice(choices: readonly { value: string }[], value: string, lang: Lang): Coerced | undefined {
  if (choices.some((choice) => choice.value === value)) return undefined;
  return fail(t(m.unknownChoice, lang, { value, values: choices.map((c) => c.value).join(', ') }));
}

/** The step's default as a stored answer, or undefined when it has none. */
export function defaultAnswer(step: QuestionStep, now: Date): AnswerValue | undefined {
  if (step.default === undefined) return undefined;
  // A day alone is not an answer to a step that wants a time too; prompts still pre-fill it.
  if (step.type === 'date') return step.time ? undefined : resolveDateDefault(step.default, now);
  return step.default;
}

export function isRequired(step: QuestionStep): boolean {
  return step.required !== false;
}
