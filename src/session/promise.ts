import type { Answers } from '../engine/answers.js';
import type { Finding } from '../check/model.js';
import { compareDates, formatDate, parseIso, type CalendarDate } from '../dates/calendar.js';
import { findDateMentions, type DateMention } from '../dates/mentions.js';
import type { DateOrder } from '../dates/read.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Playbook } from '../playbook/schema.js';
import type { Lang } from '../types.js';

/**
 * The e-mail states one date for the whole promise ("everything done by Tuesday 8 December at the
 * latest", the step `record.promise.by` names), then lists the plan as the user typed it
 * (`record.promise.what`). A date typed into the plan that falls after that date ("put it online
 * by Thursday") tells the client two things at once, and they will hold the user to the later one
 * or the earlier one, whichever hurts. These findings say so on the review screen and after the
 * files are written, beside what `check` finds, pinned to the plan's words in the e-mail.
 */

const m = catalogue({
  after: {
    en: 'Falls on {date}, after {by}, the date the email gives for the whole plan.',
    fr: 'Tombe le {date}, après le {by}, la date que l\'e-mail donne pour tout le plan.',
  },
  startsAfter: {
    en: 'Starts on {date}, after {by}, the date the email gives for the whole plan.',
    fr: 'Commence le {date}, après le {by}, la date que l\'e-mail donne pour tout le plan.',
  },
  mayBeAfter: {
    en: 'May run until {date}, after {by}, the date the email gives for the whole plan.',
    fr: 'Peut aller jusqu\'au {date}, après le {by}, la date que l\'e-mail donne pour tout le plan.',
  },
  suggestion: {
    en: 'Give the client one story: bring this step forward, or give a date for the whole plan that covers it.',
    fr: 'Donnez au client une seule version : avancez cette étape, ou donnez pour tout le plan une date qui la couvre.',
  },
});

/** The id of these findings, as `check`'s rule ids are shown. */
export const PLAN_AFTER_DEADLINE = 'plan-after-deadline';

export interface PromiseInput {
  playbook: Pick<Playbook, 'record'>;
  answers: Answers;
  /** The e-mail draft as it will be written: the findings point into it. */
  email: string;
  lang: Lang;
  /** The day of the call: the plan's relative dates ("Thursday", "in 3 days") count from it. */
  reference: CalendarDate;
  order?: DateOrder;
}

/** The dates of the plan that fall after the date promised for the whole plan, found in the e-mail. */
export function planAfterDeadline({ playbook, answers, email, lang, reference, order }: PromiseInput): Finding[] {
  const roles = playbook.record?.promise;
  const what = roles ? answers[roles.what] : undefined;
  const byAnswer = roles ? answers[roles.by] : undefined;
  const by = typeof byAnswer === 'string' ? parseIso(byAnswer) : undefined;
  if (typeof what !== 'string' || by === undefined) return [];
  const findings: Finding[] = [];
  let from = 0;
  for (const mention of findDateMentions(what, { reference, lang, ...(order ? { order } : {}) })) {
    const late = lateDay(mention, by);
    if (late === undefined) continue;
    // The plan is in the e-mail as typed, line by line; a draft edited by hand may have lost it.
    const offset = email.indexOf(mention.text, from);
    if (offset < 0) continue;
    from = offset + mention.text.length;
    const vars = { date: formatDate(late.day, lang), by: formatDate(by, lang) };
    findings.push({
      rule: PLAN_AFTER_DEADLINE,
      category: 'inconsistent-dates',
      level: 'warning',
      message: t(m[late.kind], lang, vars),
      suggestion: t(m.suggestion, lang),
      ...place(email, offset, mention.text.length),
      text: mention.text,
    });
  }
  return findings;
}

/**
 * The day after `by` a mention points to: its day for a date said ("by Thursday"); for a span
 * ("next week", "in January"), its first day when it starts after `by`, else its last when it runs
 * past `by`. Past days, habits and look-alikes promise nothing.
 */
function lateDay(mention: DateMention, by: CalendarDate): { day: CalendarDate; kind: 'after' | 'startsAfter' | 'mayBeAfter' } | undefined {
  const { date, until } = mention;
  if (date === undefined) return undefined;
  if (mention.kind === 'future' && compareDates(date, by) > 0) return { day: date, kind: 'after' };
  if (mention.kind !== 'window' || until === undefined || compareDates(until, by) <= 0) return undefined;
  return compareDates(date, by) > 0 ? { day: date, kind: 'startsAfter' } : { day: until, kind: 'mayBeAfter' };
}

/** A span of `text` as a Finding places it: 1-based lines and columns in characters, and UTF-16 offsets. */
function place(text: string, offset: number, length: number): Pick<Finding, 'line' | 'col' | 'endLine' | 'endCol' | 'offset' | 'length'> {
  const at = (index: number): { line: number; col: number } => {
    const before = text.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, col: [...text.slice(lineStart, index)].length + 1 };
  };
  const start = at(offset);
  const end = at(offset + length);
  return { line: start.line, col: start.col, endLine: end.line, endCol: end.col, offset, length };
}

/** What `check` found in the e-mail and what the answers say of it, in the order of the text. */
export function emailFindings(checked: readonly Finding[], fromAnswers: readonly Finding[]): Finding[] {
  if (fromAnswers.length === 0) return [...checked];
  // check's findings about the draft as a whole (no words) stay last, as `check` puts them.
  const whole = (finding: Finding): number => Number(finding.length === 0);
  return [...checked, ...fromAnswers].sort((a, b) => whole(a) - whole(b) || a.offset - b.offset);
}
