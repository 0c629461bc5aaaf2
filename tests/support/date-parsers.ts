import * as chrono from 'chrono-node';
import { compareDates, momentOf, parseIso, todayOf, toIso, type CalendarDate } from '../../src/dates/calendar.js';
import { readDate } from '../../src/dates/read.js';
import type { Phrase, Refusal } from './date-phrases.js';
import { legacyParseDateInput } from './legacy-date-parser.js';

/**
 * The parsers compared on the phrase table, each behind the same door: a typed answer in, a
 * stored value (`YYYY-MM-DD[THH:MM]`) or a refusal out. Around each parser, the same checks a
 * date question makes: a day or a day and a time as asked, nothing in the past.
 */

export type Outcome = { value: string } | { refused: Refusal | 'refused' };

export interface Parser {
  name: string;
  read: (phrase: Phrase) => Outcome;
}

/** The questions' own checks, applied alike to what every parser found. */
function asked(phrase: Phrase, date: CalendarDate | undefined): Outcome {
  if (!date) return { refused: 'unreadable' };
  const want = phrase.want ?? 'any';
  const timed = date.hour !== undefined;
  if (want === 'dayTime' && !timed) return { refused: 'needsTime' };
  // A day asked for: the day of a date given with a time.
  if (want === 'day' && timed) date = { year: date.year, month: date.month, day: date.day };
  const past = date.hour !== undefined ? compareDates(date, momentOf(phrase.now)) < 0 : compareDates(date, todayOf(phrase.now)) < 0;
  if (past) return { refused: 'past' };
  return { value: toIso(date) };
}

export const handWritten: Parser = {
  name: 'calmclient (hand-written)',
  read(phrase) {
    const reading = readDate(phrase.text, { now: phrase.now, lang: phrase.lang, order: phrase.order ?? 'dmy', want: phrase.want ?? 'any', future: true });
    if (reading.ok) return { value: toIso(reading.understood.date) };
    return { refused: reading.problem === 'empty' ? 'unreadable' : reading.problem };
  },
};

/** Words a typed answer may carry around its date that say nothing more (the hand-written reader sets the same aside). */
const FILLER = /^(?:\s|[,.!]|\b(?:pour|on|by|for|d['’]ici|au plus tard|until|le|the|at|à)\b)*$/i;

function chronoParser(locale: (phrase: Phrase) => chrono.Chrono): Parser['read'] {
  return (phrase) => {
    const text = phrase.text.trim();
    const results = locale(phrase).parse(text, phrase.now, { forwardDate: true });
    const result = results[0];
    if (!result) return { refused: 'unreadable' };
    // A typed answer is a date and nothing else: what chrono left out must be filler.
    const left = text.slice(0, result.index) + ' ' + text.slice(result.index + result.text.length);
    if (!FILLER.test(left)) return { refused: 'unreadable' };
    const start = result.start;
    const year = start.get('year');
    const month = start.get('month');
    const day = start.get('day');
    if (year === null || month === null || day === null) return { refused: 'unreadable' };
    const date: CalendarDate = { year, month, day };
    if (start.isCertain('hour')) {
      date.hour = start.get('hour') ?? 0;
      date.minute = start.get('minute') ?? 0;
    }
    return asked(phrase, parseIso(toIso(date)) ?? undefined);
  };
}

export const chronoNode: Parser = {
  name: 'chrono-node',
  read: chronoParser((phrase) => (phrase.lang === 'fr' ? chrono.fr.casual : phrase.order === 'mdy' ? chrono.en.casual : chrono.en.GB)),
};

export const legacy: Parser = {
  name: 'calmclient before issue 15',
  read(phrase) {
    const want = phrase.want ?? 'any';
    const withTime = want === 'dayTime' || (want === 'any' && legacyParseDateInput(phrase.text, phrase.now, true) !== undefined);
    const date = legacyParseDateInput(phrase.text, phrase.now, withTime) ?? (want === 'day' ? legacyParseDateInput(phrase.text, phrase.now, true) : undefined);
    return asked(phrase, date);
  },
};

/** The hand-written reader first; chrono-node for what it cannot read. */
export const combined: Parser = {
  name: 'hand-written, then chrono-node',
  read(phrase) {
    const first = handWritten.read(phrase);
    if ('refused' in first && first.refused === 'unreadable') return chronoNode.read(phrase);
    return first;
  },
};

export const PARSERS: readonly Parser[] = [legacy, handWritten, chronoNode, combined];

/** Whether an outcome is right for the row: the expected reading (or an accepted other one), or a refusal. */
export function passes(phrase: Phrase, outcome: Outcome): boolean {
  if (typeof phrase.expect !== 'string') return 'refused' in outcome;
  return 'value' in outcome && (outcome.value === phrase.expect || (phrase.also ?? []).includes(outcome.value));
}

export function describeOutcome(outcome: Outcome): string {
  return 'value' in outcome ? outcome.value : `refused (${outcome.refused})`;
}
