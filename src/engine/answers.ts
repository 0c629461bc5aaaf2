import { t } from '../i18n/catalogue.js';
import { m } from './messages.js';
import type { QuestionStep } from '../playbook/schema.js';
import { dateExample, isBeforeToday, parseDateInput, parseIso, resolveDateDefault, toIso } from '../dates/calendar.js';
import type { Lang } from '../types.js';

/** What a step's answer is stored as: text, yes/no, a choice value, choice values, an ISO date. */
export type AnswerValue = string | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** Long enough for a whole e-mail pasted in; beyond that it is a mistake, not an answer. */
export const MAX_ANSWER_LENGTH = 200_000;

export type Coerced = { ok: true; value: AnswerValue } | { ok: false; message: string };

const fail = (message: string): Coerced => ({ ok: false, message });

/**
 * Checks and normalises one raw answer, typed at a prompt or read from an answers file.
 * Dates may be typed in any form `parseDateInput` reads; they are stored as ISO.
 */
export function coerceAnswer(step: QuestionStep, raw: unknown, now: Date, lang: Lang): Coerced {
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
      const example = dateExample(now, step.time === true, lang);
      const badDate = fail(t(step.time ? m.badTime : m.badDate, lang, { example }));
      // YAML reads an unquoted 2026-11-25 as a timestamp: accept it as the calendar day it names.
      if (raw instanceof Date && !Number.isNaN(raw.getTime())) raw = raw.toISOString().slice(0, 10);
      if (typeof raw !== 'string') return badDate;
      const date = parseIso(raw.trim()) ?? parseDateInput(raw, now, step.time === true);
      // `vendredi 10h` where only a day is asked: say so, rather than that it is no date.
      if (!step.time && (date?.hour !== undefined || (!date && parseDateInput(raw, now, true))))
        return fail(t(m.dayOnly, lang, { example }));
      if (!date || (step.time === true) !== (date.hour !== undefined)) return badDate;
      if (step.future && isBeforeToday(date, now)) return fail(t(m.pastDate, lang));
      return { ok: true, value: toIso(date) };
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
