import { t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { compareDates, dayOf, formatDate, momentOf, todayOf, toIso, weekdayOf, WEEKDAYS, MONTHS, type CalendarDate } from './calendar.js';
import { Grammar, type Expr } from './grammar.js';
import { dateMessages as m } from './messages.js';
import { resolve, type DateOrder } from './resolve.js';
import { tokenize } from './tokens.js';
import type { PartOfDay } from './lexicon.js';

/**
 * Reads a date typed by a person, at a prompt or in an answers file, in French or English:
 * `2026-11-25`, `25/11`, `+3`, `demain 9h30`, `le 15 janvier à 11h`, `dans 3 jours`,
 * `lundi prochain`, `next friday`, `tomorrow at 4pm`, `Dec 11`, `the 3rd`, `jeudi à midi`...
 * Pure: the moment, the language and the locale's order of day and month are parameters.
 *
 * The reading says what was understood even when it is refused, so that every message can show it:
 * "this date is in the past: read as Thursday 12 November 2026".
 */

export type { DateOrder } from './resolve.js';

/** What a question asks for: a day, a day and a time, or either. */
export type DateWant = 'day' | 'dayTime' | 'any';

export interface ReadOptions {
  /** The moment the answer is given: relative dates count from it. */
  now: Date;
  /** The language whose words win a tie (`sept`); both languages' words are read. */
  lang: Lang;
  /** Which way round `12/11` is read (see locale.ts). */
  order: DateOrder;
  want?: DateWant;
  /** The date must not be in the past (a deadline, a next contact); year-less dates then mean the next one. */
  future?: boolean;
}

/** How the date was written: its note in a scripted run depends on it. */
export type DateForm = 'iso' | 'numeric' | 'shorthand' | 'words';

export interface Understood {
  /** The day, with `hour` and `minute` when a time was given. */
  date: CalendarDate;
  form: DateForm;
  /** A numeric date that reads the other way round too (`12/11`): that other date. */
  otherReading?: CalendarDate;
  /** A numeric date read against the locale's order because the number here cannot be a month (`25/11` in en_US). */
  notAMonth?: number;
  /** Only a day was asked for and a time came with it (`vendredi 10h` for a deadline): the day is kept, the time set aside. */
  timeDropped?: true;
}

export type DateProblem =
  | { problem: 'empty' }
  | { problem: 'unreadable' }
  /** A span rather than a day: `la semaine prochaine`, `soon`, `en décembre`. */
  | { problem: 'vague' }
  | { problem: 'noSuchDate'; day: number; month: number; year?: number }
  | { problem: 'noSuchTime'; hour: number; minute: number }
  | { problem: 'weekdayMismatch'; weekday: number; understood: Understood }
  /** `earlierToday`: the day is today, the time has passed. */
  | { problem: 'past'; understood: Understood; earlierToday: boolean }
  /** A time was asked for as well, and only a day was given, or a day and a part of it (`mardi en fin de matinée`). */
  | { problem: 'needsTime'; understood: Understood; part?: PartOfDay };

export type DateReading = { text: string } & ({ ok: true; understood: Understood } | ({ ok: false } & DateProblem));

/** The time a refusal for want of one suggests: one that falls in the part of the day typed, if any. */
const EXAMPLE_TIME: Record<Lang, Record<PartOfDay | 'none', string>> = {
  en: { none: '10am', morning: '10am', afternoon: '3pm', evening: '6pm' },
  fr: { none: '10h', morning: '10h', afternoon: '15h', evening: '18h' },
};

/** Both languages' words are read, the user's first (they win a tie: `sept`). */
const WORDS_FIRST: Record<Lang, readonly Lang[]> = { fr: ['fr', 'en'], en: ['en', 'fr'] };

/** How far back a date typed with its month but not its year stays last one (and is refused as past) rather than next year's. */
const RECENT_PAST_DAYS = 90;

/** Words a typed date may start or end with that say nothing more: `pour demain`, `d'ici le 15`, `vendredi au plus tard`. */
const LEADS: readonly (readonly string[])[] = [['pour', 'le'], ['pour'], ['d', 'ici'], ['on'], ['by'], ['for'], ['au', 'plus', 'tard'], ['until'], ['jusqu', 'au']];
const TAILS: readonly (readonly string[])[] = [['au', 'plus', 'tard'], ['at', 'the', 'latest'], ['max'], ['maximum'], ['svp'], ['please']];

export function readDate(text: string, options: ReadOptions): DateReading {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (typed === '') return { text: typed, ok: false, problem: 'empty' };
  const tokens = tokenize(typed);
  const langs = WORDS_FIRST[options.lang];
  const grammar = new Grammar(tokens, { langs, typed: true });
  const expr = wholeExpression(grammar, tokens.length);
  if (!expr) return { text: typed, ok: false, problem: isVague(grammar) ? 'vague' : 'unreadable' };

  const future = options.future === true;
  const want = options.want ?? 'any';
  const resolved = resolve(expr, {
    now: options.now,
    order: options.order,
    direction: future ? 'future' : 'nearest',
    recentPastDays: future ? RECENT_PAST_DAYS : 0,
  });
  if ('impossible' in resolved) {
    return resolved.impossible === 'date'
      ? { text: typed, ok: false, problem: 'noSuchDate', day: resolved.day, month: resolved.month, ...(resolved.year === undefined ? {} : { year: resolved.year }) }
      : { text: typed, ok: false, problem: 'noSuchTime', hour: resolved.hour, minute: resolved.minute };
  }

  let date = resolved.date;
  // A day asked for and a time given (`sous 48 h`, `vendredi 10h` for a deadline): the day it falls
  // on. Said back, unless it came from a delay, where no time was typed.
  const timeDropped = want === 'day' && date.hour !== undefined && !resolved.fromDelay;
  if (want === 'day') date = dayOf(date);
  const understood: Understood = {
    date,
    form: formOf(expr, tokens[expr.start]?.norm),
    ...(resolved.otherReading ? { otherReading: want === 'day' ? dayOf(resolved.otherReading) : resolved.otherReading } : {}),
    ...(resolved.swapped && expr.day?.kind === 'numeric' ? { notAMonth: options.order === 'dmy' ? expr.day.second : expr.day.first } : {}),
    ...(timeDropped ? { timeDropped: true as const } : {}),
  };
  if (resolved.weekdayMismatch !== undefined) return { text: typed, ok: false, problem: 'weekdayMismatch', weekday: resolved.weekdayMismatch, understood };
  const hasTime = date.hour !== undefined;
  if (want === 'dayTime' && !hasTime) return { text: typed, ok: false, problem: 'needsTime', understood, ...(expr.part ? { part: expr.part } : {}) };
  if (future) {
    const today = todayOf(options.now);
    const earlierToday = hasTime && compareDates(dayOf(date), today) === 0 && compareDates(date, momentOf(options.now)) < 0;
    if (earlierToday || compareDates(dayOf(date), today) < 0) return { text: typed, ok: false, problem: 'past', understood, earlierToday };
  }
  return { text: typed, ok: true, understood };
}

/** The expression covering all of `tokens`, once the words that add nothing are set aside. */
function wholeExpression(grammar: Grammar, count: number): Expr | undefined {
  let end = count;
  while (end > 0 && grammar.isPunct(end - 1, '.')) end--;
  while (end > 0 && grammar.isPunct(end - 1, '!')) end--;
  const ends = [count, end];
  for (const tail of TAILS) {
    for (let at = 1; at < end; at++) if (grammar.skipWords(at, tail) === end) ends.push(at);
  }
  const starts = [0];
  for (const lead of LEADS) {
    const after = grammar.skipWords(0, lead);
    if (after !== undefined) starts.push(after);
  }
  for (const start of starts) {
    const expr = grammar.expression(start);
    if (expr && ends.some((stop) => expr.end === stop || (grammar.isPunct(expr.end, ',') && expr.end + 1 === stop))) return expr;
  }
  return undefined;
}

function formOf(expr: Expr, first: string | undefined): DateForm {
  if (expr.day?.kind === 'date' && expr.day.iso) return 'iso';
  if (expr.day?.kind === 'numeric') return 'numeric';
  if (first === '+') return 'shorthand';
  return 'words';
}

/** Phrases that name a span of time rather than a day. */
const VAGUE = [
  'bientot', 'prochainement', 'des que possible', 'au plus vite', 'rapidement', 'asap', 'semaine prochaine',
  'cette semaine', 'mois prochain', 'ce mois', 'fin de semaine', 'fin de la semaine', 'week end', 'weekend',
  'plus tard', 'un de ces jours', 'debut de semaine', 'dans la semaine', 'sous peu', 'soon', 'as soon as possible',
  'next week', 'this week', 'next month', 'this month', 'end of the week', 'end of week', 'later', 'someday',
  'some day', 'shortly', 'coming days', 'jours qui viennent', 'prochains jours', 'early next', 'late next',
];

function isVague(grammar: Grammar): boolean {
  const words = ` ${grammar.tokens.filter((token) => token.kind === 'word').map((token) => token.norm).join(' ')} `;
  if (VAGUE.some((phrase) => words.includes(` ${phrase} `))) return true;
  // A month with no day: `décembre`, `in December`, `fin mars`, `early April 2027`.
  const rest = grammar.tokens.filter((token) => !['en', 'in', 'debut', 'fin', 'mi', 'early', 'late', 'mid', 'end', 'of', 'courant', 'd', 'ici', 'by'].includes(token.norm) && token.kind !== 'punct');
  const monthWords = new Set([...Object.values(MONTHS.fr), ...Object.values(MONTHS.en)].map((name) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()));
  return rest.length >= 1 && rest.length <= 2 && monthWords.has(rest[0]?.norm ?? '') && (rest.length === 1 || rest[1]?.text.length === 4);
}

/** What the reading understood, in words: "read as Thursday 12 November 2026 (day first); type 2026-12-11 for Friday 11 December 2026". */
export function describeUnderstood(understood: Understood, lang: Lang, order: DateOrder): string {
  return qualify(t(m.readAs, lang, { date: formatDate(understood.date, lang) }), understood, lang, order);
}

/** The date understood, written out, with what to type for the other reading of an ambiguous number: for a prompt's echo. */
export function describeDate(understood: Understood, lang: Lang, order: DateOrder): string {
  return qualify(formatDate(understood.date, lang), understood, lang, order);
}

function qualify(reading: string, understood: Understood, lang: Lang, order: DateOrder): string {
  if (understood.otherReading) {
    const other = understood.date.hour === undefined ? understood.otherReading : { ...understood.otherReading, hour: understood.date.hour, minute: understood.date.minute ?? 0 };
    return t(m.ambiguous, lang, {
      reading,
      order: t(order === 'dmy' ? m.dayFirst : m.monthFirst, lang),
      iso: toIso(other).replace('T', ' '),
      other: formatDate(other, lang),
    });
  }
  if (understood.notAMonth !== undefined) return t(m.swapped, lang, { reading, number: understood.notAMonth });
  if (understood.timeDropped) return t(m.timeDropped, lang, { reading });
  return reading;
}

/**
 * Says what a reading understood, or why it is refused and what it understood: the message a
 * prompt shows under the answer and an answers file's error gives. `examples`: add the examples
 * to an unreadable answer's message (where the question's own examples are not on screen).
 */
export function explainReading(reading: DateReading, lang: Lang, order: DateOrder, examples?: DateWant): string {
  if (reading.ok) return describeUnderstood(reading.understood, lang, order);
  switch (reading.problem) {
    case 'empty':
    case 'unreadable':
      return examples === undefined
        ? t(m.unreadable, lang, { typed: reading.text })
        : t(m.unreadableWithExamples, lang, { typed: reading.text, examples: dateExamples(examples, lang) });
    case 'vague':
      return t(m.vague, lang, { words: reading.text });
    case 'noSuchDate': {
      if (reading.month > 12) return t(m.noSuchMonth, lang, { month: reading.month });
      if (reading.month === 0) return t(m.noSuchDayOfMonth, lang, { day: reading.day });
      const name = `${reading.day} ${MONTHS[lang][reading.month - 1] ?? ''}${reading.year === undefined ? '' : ` ${reading.year}`}`;
      return t(m.noSuchDay, lang, { date: name });
    }
    case 'noSuchTime':
      return t(m.noSuchTime, lang, { time: `${reading.hour}:${String(reading.minute).padStart(2, '0')}` });
    case 'weekdayMismatch': {
      const date = reading.understood.date;
      return t(m.weekdayMismatch, lang, {
        weekday: WEEKDAYS[lang][reading.weekday] ?? '',
        date: `${date.day} ${MONTHS[lang][date.month - 1] ?? ''} ${date.year}`,
        actual: WEEKDAYS[lang][weekdayOf(date)] ?? '',
      });
    }
    case 'past': {
      const date = formatDate(reading.understood.date, lang);
      const said = t(reading.earlierToday ? m.pastTime : m.past, lang, { date });
      return qualify(said, reading.understood, lang, order);
    }
    case 'needsTime':
      return t(m.needsTime, lang, { date: formatDate(reading.understood.date, lang), typed: reading.text, time: EXAMPLE_TIME[lang][reading.part ?? 'none'] });
  }
}

/** The examples a date question gives, once: next to the question, or in an answers file's error. */
export function dateExamples(want: DateWant, lang: Lang): string {
  return t(want === 'dayTime' ? m.dayTimeExamples : m.dayExamples, lang);
}

/** Whether a scripted run notes how it read this answer: a date in words, or a number that reads two ways. */
export function worthNoting(understood: Understood): boolean {
  return understood.form === 'words' || understood.otherReading !== undefined || understood.notAMonth !== undefined || understood.timeDropped === true;
}

/** `deadline: "12/11" read as Thursday 12 November 2026 …`: the note a scripted run prints on stderr; `date` is `describeDate`'s. */
export function noteReading(step: string, typed: string, date: string, lang: Lang): string {
  return t(m.note, lang, { step, typed: typed.trim(), date });
}

