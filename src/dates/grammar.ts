import type { Lang } from '../types.js';
import {
  DAY_WORDS,
  MONTH_WORDS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  PART_OF_DAY_WORDS,
  UNIT_WORDS,
  WEEKDAY_WORDS,
  oneTypoApart,
  type PartOfDay,
  type Unit,
} from './lexicon.js';
import type { Token } from './tokens.js';

/**
 * The grammar of dates as people write them, in French and English: what a phrase says, before
 * it is placed on the calendar (that is resolve.ts). It reads tokens (tokens.ts) at a position and
 * returns the longest expression found there, with the index of the token after it, so that the
 * same rules read a whole typed answer (read.ts) and find dates inside a text (mentions.ts).
 */

/** A day, as said: relative to today, a weekday, or a date with what was given of it. */
export type DayExpr =
  /** `aujourd'hui`, `demain`, `+3`, `hier`. */
  | { kind: 'offset'; days: number }
  /** `dans 3 jours`, `within 48 hours`, `il y a deux semaines` (sign -1). */
  | { kind: 'delay'; amount: number; unit: Unit; sign: 1 | -1 }
  /** `vendredi`, `ce vendredi`, `next friday`, `lundi de la semaine prochaine`, `lundi en huit`, `last Tuesday`. */
  | { kind: 'weekday'; weekday: number; mode: WeekdayMode; weeks: number; article: boolean }
  /** `15 janvier`, `le 15`, `January 15th 2027`, `2026-11-25`; `weekday` when one is named with it. */
  | { kind: 'date'; day: number; month?: number; year?: number; weekday?: number; iso: boolean }
  /** `12/11`, `12.11.2026`: which number is the day depends on the locale. */
  | { kind: 'numeric'; first: number; second: number; year?: number; weekday?: number; dotted: boolean }
  /** `fin du mois`, `end of the month`. */
  | { kind: 'endOfMonth' };

/**
 * `bare`: the next one after today; `this`: this week's, today included; `next`: said with
 * "next"/"prochain"; `nextWeek`: in next week (Monday to Sunday); `last`: the previous one;
 * `weeksAfter`: French `lundi en huit` (the next one, then `weeks` more).
 */
export type WeekdayMode = 'bare' | 'this' | 'next' | 'nextWeek' | 'last' | 'weeksAfter';

export interface TimeExpr {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
  part?: PartOfDay;
  /** A number alone after "at"/"à" (`at 4`): no clock half was said. */
  bare: boolean;
  /** `minuit`, `midnight`: the end of the day it is said with. */
  midnight: boolean;
  /** `midi`, `noon`. */
  noon: boolean;
}

export interface Expr {
  day?: DayExpr;
  time?: TimeExpr;
  /** `demain matin`, `ce soir`: a part of the day said without a time. */
  part?: PartOfDay;
  /** Token indexes: the expression is `tokens[start]` up to, not including, `tokens[end]`. */
  start: number;
  end: number;
}

export interface GrammarOptions {
  /** The languages whose words count, the first winning a tie (`sept`: 7 in French, September in English). */
  langs: readonly Lang[];
  /**
   * A typed answer: one slip of the keyboard is forgiven in longer words (`vendedi`), `+3` and
   * `9.30` are dates and times. Off when finding dates in prose, where a slip is likely another word.
   */
  typed: boolean;
}

type Match<T> = [T, number] | undefined;

interface Entry<V> {
  words: readonly string[];
  value: V;
}

/** A vocabulary indexed by first word, longest entries first. */
class Table<V> {
  private readonly byFirst = new Map<string, Entry<V>[]>();
  readonly singles: Entry<V>[] = [];

  constructor(tables: readonly Readonly<Record<string, V>>[]) {
    const seen = new Set<string>();
    for (const table of tables) {
      for (const [key, value] of Object.entries(table)) {
        // The keys are folded words already; hyphens and apostrophes part them as the tokenizer does.
        const words = key.split(/[\s'-]+/).filter((word) => word !== '');
        const first = words[0];
        const joined = words.join(' ');
        // The first table given wins a tie: an entry already there is kept.
        if (first === undefined || seen.has(joined)) continue;
        seen.add(joined);
        const list = this.byFirst.get(first) ?? [];
        list.push({ words, value });
        this.byFirst.set(first, list);
        if (words.length === 1) this.singles.push({ words, value });
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  candidates(first: string): readonly Entry<V>[] {
    return this.byFirst.get(first) ?? [];
  }
}

const tableCache = new Map<string, unknown>();

function table<V>(name: string, source: Record<Lang, Readonly<Record<string, V>>>, langs: readonly Lang[]): Table<V> {
  const key = `${name}:${langs.join(',')}`;
  const cached = tableCache.get(key) as Table<V> | undefined;
  if (cached) return cached;
  const made = new Table(langs.map((lang) => source[lang]));
  tableCache.set(key, made);
  return made;
}

/** Small words, by language: the connectors and markers the rules below look for. */
const W = {
  the: new Set(['le', 'the']),
  this: new Set(['ce', 'cet', 'cette', 'this', 'coming']),
  next: new Set(['next']),
  nextAfter: new Set(['prochain', 'prochaine', 'prochains', 'suivant']),
  last: new Set(['last', 'past']),
  lastAfter: new Set(['dernier', 'derniere', 'passe', 'passee']),
  of: new Set(['of', 'de', 'du']),
  at: new Set(['a', 'at', 'vers', 'around', 'about']),
  on: new Set(['on', 'le']),
  in: new Set(['dans', 'in', 'sous', 'within', 'en', 'under']),
  ago: new Set(['ago', 'earlier']),
  hours: new Set(['h', 'heure', 'heures', 'hr', 'hrs']),
  am: new Set(['am']),
  pm: new Set(['pm']),
  noon: new Set(['midi', 'noon', 'midday']),
  midnight: new Set(['minuit', 'midnight']),
  half: new Set(['demi', 'demie']),
  quarter: new Set(['quart']),
};

/**
 * The words an expression can start with, in any language: the scan of a long text skips every
 * other word at once (src/dates/mentions.ts).
 */
export function expressionStarters(): string[] {
  return [
    ...[W.the, W.this, W.next, W.last, W.at, W.on, W.in, W.noon, W.midnight].flatMap((set) => [...set]),
    'il', 'd', 'tonight', 'half', 'la', 'fin', 'end', 'aux', 'autour',
    ...[DAY_WORDS, WEEKDAY_WORDS, MONTH_WORDS, NUMBER_WORDS, ORDINAL_WORDS, PART_OF_DAY_WORDS].flatMap((table) =>
      [...Object.keys(table.en), ...Object.keys(table.fr)].map((key) => key.split(/[\s'-]+/)[0] ?? ''),
    ),
  ].filter((word) => word !== '');
}

/** Words that may follow an hour said as a bare number in prose: `à 10 ou 11`, `at 4 and`. */
const FOLLOWS_A_TIME = new Set(['ou', 'or', 'et', 'and', 'puis', 'then', 'si', 'if', 'pour', 'for', 'sharp', 'pile', 'precises', 'precise', 'au', 'tomorrow', 'demain', 'today']);

/** Small sets of words the rules below look for, made once. */
const ARTICLE_OR_ON = new Set(['le', 'on']);
const EIGHT_OR_FIFTEEN = new Set(['huit', 'quinze']);
const BEFORE_A_WEEKDAY = new Set(['le', 'on', 'ce', 'this', 'next', 'last', 'coming']);
const THIS_WORDS = new Set(['ce', 'cet', 'this']);
/** Words a part of the day may come after that say nothing more: `en fin de matinée`, `in the late morning`. */
const BEFORE_A_PART: readonly (readonly string[])[] = [['en'], ['in', 'the']];

export class Grammar {
  readonly tokens: readonly Token[];
  private readonly options: GrammarOptions;
  private readonly days: Table<number>;
  private readonly weekdays: Table<number>;
  private readonly months: Table<number>;
  private readonly numbers: Table<number>;
  private readonly ordinals: Table<number>;
  private readonly units: Table<Unit>;
  private readonly parts: Table<PartOfDay>;

  constructor(tokens: readonly Token[], options: GrammarOptions) {
    this.tokens = tokens;
    this.options = options;
    const langs = options.langs;
    this.days = table('days', DAY_WORDS, langs);
    this.weekdays = table('weekdays', WEEKDAY_WORDS, langs);
    this.months = table('months', MONTH_WORDS, langs);
    this.numbers = table('numbers', NUMBER_WORDS, langs);
    this.ordinals = table('ordinals', ORDINAL_WORDS, langs);
    this.units = table('units', UNIT_WORDS, langs);
    this.parts = table('parts', PART_OF_DAY_WORDS, langs);
  }

  /** The longest date or time expression starting at token `i`. */
  expression(i: number): Expr | undefined {
    const candidates: Expr[] = [];
    const day = this.day(i);
    if (day) {
      const [dayExpr, afterDay] = day;
      candidates.push({ day: dayExpr, start: i, end: afterDay });
      const part = this.partOfDay(afterDay);
      const afterPart = part ? part[1] : afterDay;
      if (part) candidates.push({ day: dayExpr, part: part[0], start: i, end: afterPart });
      const time = this.connectedTime(afterPart);
      if (time) {
        const [timeExpr, end] = time;
        candidates.push({ day: dayExpr, time: withPart(timeExpr, part?.[0]), start: i, end });
      }
    }
    // `ce soir`, `tonight`, `this morning`: today, and a part of it.
    const partToday = this.partToday(i);
    if (partToday) {
      const [part, after] = partToday;
      candidates.push({ day: { kind: 'offset', days: 0 }, part, start: i, end: after });
      const time = this.connectedTime(after);
      if (time) candidates.push({ day: { kind: 'offset', days: 0 }, time: withPart(time[0], part), start: i, end: time[1] });
    }
    const time = this.time(i);
    if (time) {
      const [timeExpr, afterTime] = time;
      candidates.push({ time: timeExpr, start: i, end: afterTime });
      // `14h demain`, `10am tomorrow`, `at 4pm on Friday`.
      let next = afterTime;
      if (this.isPunct(next, ',')) next++;
      if (this.isWord(next, W.on) && !this.isWord(next, W.the)) next++;
      const later = this.day(next);
      if (later) candidates.push({ day: later[0], time: timeExpr, start: i, end: later[1] });
      // `à 9h ce matin`, `at 8 tonight`
      const today = this.partToday(next);
      if (today) candidates.push({ day: { kind: 'offset', days: 0 }, time: withPart(timeExpr, today[0]), start: i, end: today[1] });
    }
    let best: Expr | undefined;
    for (const candidate of candidates) if (!best || candidate.end > best.end) best = candidate;
    return best;
  }

  // ── days ────────────────────────────────────────────────────────────────────────────────────

  day(i: number): Match<DayExpr> {
    return longest([
      this.relativeDay(i),
      this.plusDays(i),
      this.delay(i),
      this.weekdayWithDate(i),
      this.weekday(i),
      this.date(i),
      this.numeric(i),
      this.endOfMonth(i),
    ]);
  }

  private relativeDay(i: number): Match<DayExpr> {
    const found = this.vocab(this.days, i);
    return found && [{ kind: 'offset', days: found[0] }, found[1]];
  }

  /** `+3`, `+3j`, `+2d`, `+1 semaine`: typed answers only. */
  private plusDays(i: number): Match<DayExpr> {
    if (!this.options.typed || !this.isPunct(i, '+')) return undefined;
    const count = this.tokens[i + 1];
    if (count?.kind !== 'number' || count.spaced || count.text.length > 3) return undefined;
    const unit = this.vocab(this.units, i + 2);
    if (unit) return [{ kind: 'delay', amount: count.value, unit: unit[0], sign: 1 }, unit[1]];
    return [{ kind: 'offset', days: count.value }, i + 2];
  }

  /** `dans 3 jours`, `in a week`, `within 48 hours`, `sous 48 h`, `d'ici 2 semaines`, `3 days from now`, `il y a 2 jours`, `2 days ago`. */
  private delay(i: number): Match<DayExpr> {
    let at = i;
    let sign: 1 | -1 = 1;
    let lead = false;
    if (this.isWords(at, ['il', 'y', 'a'])) {
      sign = -1;
      at += 3;
      lead = true;
    } else if (this.isWords(at, ['d', 'ici'])) {
      at = this.skipWords(at, ['d', 'ici']) ?? at;
      lead = true;
    } else if (this.isWord(at, W.in)) {
      at++;
      lead = true;
      if (this.isWord(at, 'the') && this.isWord(at + 1, 'next')) at += 2;
    }
    const amount = this.count(at);
    if (!amount) return undefined;
    // `in a fortnight`
    const unit = this.vocab(this.units, amount[1]);
    if (!unit) return undefined;
    let end = unit[1];
    let value = amount[0];
    const unitToken = this.tokens[amount[1]];
    if (unitToken?.norm === 'fortnight') value *= 2;
    // French counts a week as `huit jours` and two as `quinze jours`.
    if (unit[0] === 'day' && (value === 8 || value === 15) && this.frenchOnly(amount[1])) value -= 1;
    if (!lead) {
      if (this.isWord(end, W.ago)) {
        sign = -1;
        end++;
      } else if (this.isWords(end, ['from', 'now'])) end += 2;
      else if (this.isWords(end, ['plus', 'tard']) || this.isWord(end, 'later')) end += this.isWord(end, 'later') ? 1 : 2;
      else return undefined;
    }
    return [{ kind: 'delay', amount: value, unit: unit[0], sign }, end];
  }

  /** `une`, `3`, `a couple of`: how many units. */
  private count(i: number): Match<number> {
    const token = this.tokens[i];
    if (token?.kind === 'number' && !token.ordinal && token.norm.length <= 3) return [token.value, i + 1];
    return this.vocab(this.numbers, i);
  }

  weekdayName(i: number): Match<number> {
    const found = this.vocab(this.weekdays, i);
    if (!found) return undefined;
    // `ven.`: an abbreviation may take a dot.
    const token = this.tokens[i];
    const end = token && token.norm.length <= 4 && this.isPunct(found[1], '.') && !this.isNumberAt(found[1] + 1, false) ? found[1] + 1 : found[1];
    return [found[0], end];
  }

  /** A weekday and what is said around it: `ce`, `next`, `prochain`, `de la semaine prochaine`, `en huit`, `dernier`. */
  private weekday(i: number): Match<DayExpr> {
    let at = i;
    let mode: WeekdayMode = 'bare';
    let article = false;
    if (this.isWords(at, ['this', 'coming']) || this.isWords(at, ['this', 'next'])) {
      at += 2;
      mode = 'this';
    } else if (this.isWord(at, W.this)) {
      at++;
      mode = 'this';
    } else if (this.isWord(at, W.next)) {
      at++;
      mode = 'next';
    } else if (this.isWord(at, W.last)) {
      at++;
      mode = 'last';
    } else if (this.isWord(at, ARTICLE_OR_ON)) {
      at++;
      article = true;
    }
    const name = this.weekdayName(at);
    if (!name) return undefined;
    const [weekday] = name;
    let end = name[1];
    if (mode === 'bare' || mode === 'next') {
      if (this.isWords(end, ['next', 'week']) || this.isWords(end, ['de', 'la', 'semaine', 'prochaine']) || this.isWords(end, ['la', 'semaine', 'prochaine'])) {
        end = this.skipWords(end, ['next', 'week']) ?? this.skipWords(end, ['de', 'la', 'semaine', 'prochaine']) ?? this.skipWords(end, ['la', 'semaine', 'prochaine']) ?? end;
        mode = 'nextWeek';
      } else if (mode === 'bare' && this.isWord(end, W.nextAfter)) {
        end++;
        mode = 'next';
      } else if (mode === 'bare' && this.isWords(end, ['qui', 'vient'])) {
        end += 2;
        mode = 'next';
      } else if (mode === 'bare' && this.isWord(end, W.lastAfter)) {
        end++;
        mode = 'last';
      } else if (mode === 'bare' && this.isWord(end, 'en') && this.isWord(end + 1, EIGHT_OR_FIFTEEN)) {
        const weeks = this.tokens[end + 1]?.norm === 'huit' ? 1 : 2;
        return [{ kind: 'weekday', weekday, mode: 'weeksAfter', weeks, article }, end + 2];
      } else if (mode === 'bare' && this.isWord(end, 'after') && this.isWord(end + 1, W.next)) {
        return [{ kind: 'weekday', weekday, mode: 'weeksAfter', weeks: 1, article }, end + 2];
      }
    }
    return [{ kind: 'weekday', weekday, mode, weeks: 0, article }, end];
  }

  /** `lundi 7/12`, `lundi 7 décembre`, `Monday the 7th`, `Monday, December 7`, `le mardi 9`. */
  private weekdayWithDate(i: number): Match<DayExpr> {
    let at = i;
    // The date settles the day: `last Tuesday the 10th`, `ce lundi 7`, `next Friday, 20 November`.
    if (this.isWord(at, BEFORE_A_WEEKDAY)) at++;
    const name = this.weekdayName(at);
    if (!name) return undefined;
    let next = name[1];
    if (this.isPunct(next, ',')) next++;
    const date = this.date(next, true) ?? this.numeric(next);
    if (!date) return undefined;
    const [expr, end] = date;
    if (expr.kind !== 'date' && expr.kind !== 'numeric') return undefined;
    return [{ ...expr, weekday: name[0] }, end];
  }

  /** A day of the month: `15`, `1er`, `15th`, `premier`, `the first`. */
  dayOfMonth(i: number, needsMarker: boolean): Match<number> {
    const token = this.tokens[i];
    if (token?.kind === 'number' && token.norm.length <= 2 && token.value >= 1 && token.value <= 31) {
      if (needsMarker && !token.ordinal) return undefined;
      if (this.startsTime(i + 1) && !token.ordinal) return undefined;
      return [token.value, i + 1];
    }
    return this.vocab(this.ordinals, i);
  }

  /** A year after a date: four digits. */
  private year(i: number): Match<number> {
    let at = i;
    if (this.isPunct(at, ',')) at++;
    const token = this.tokens[at];
    if (token?.kind === 'number' && token.norm.length === 4 && !this.startsTime(at + 1)) return [token.value, at + 1];
    return undefined;
  }

  monthName(i: number): Match<number> {
    const found = this.vocab(this.months, i);
    if (!found) return undefined;
    const token = this.tokens[i];
    // `janv.`, `Dec.`: an abbreviation may take a dot (not `mars.` ending a sentence: that is kept out of the span).
    const full = token !== undefined && found[1] === i + 1 && token.norm.length <= 4 && !['mars', 'mai', 'juin', 'may', 'june', 'july'].includes(token.norm);
    return [found[0], full && this.isPunct(found[1], '.') && !this.isNumberAt(found[1] + 1, false) ? found[1] + 1 : found[1]];
  }

  /**
   * `15 janvier [2027]`, `le 15 [janvier]`, `1er décembre`, `15th of January`, `January 15th, 2027`,
   * `the 15th`, `2026-11-25`. `afterWeekday`: after a weekday name, `7` alone is the 7th.
   */
  date(i: number, afterWeekday = false): Match<DayExpr> {
    const iso = this.iso(i);
    if (iso) return iso;
    let at = i;
    let article = false;
    if (this.isWord(at, W.the)) {
      at++;
      article = true;
    }
    // Day first: `15 janvier`, `the 15th of January`, `le 15`.
    const day = this.dayOfMonth(at, false);
    if (day) {
      let next = day[1];
      const of = this.isWord(next, W.of) && this.monthName(next + 1) ? 1 : 0;
      const month = this.monthName(next + of);
      if (month) {
        const year = this.year(month[1]);
        return [{ kind: 'date', day: day[0], month: month[0], ...(year ? { year: year[0] } : {}), iso: false }, year ? year[1] : month[1]];
      }
      // `le 15`, `the 15th`, `15th`, `lundi 7`: the day alone.
      const token = this.tokens[at];
      // `the first`, `le premier`: a day written as a word needs its article (`first`, alone, is no date).
      const marked = article || afterWeekday || token?.ordinal === true;
      const joinedNumber = ['/', '.', '-', ':'].some((mark) => this.isPunct(next, mark)) && this.isNumberAt(next + 1, false) && !this.tokens[next]?.spaced;
      if (marked && !joinedNumber) {
        return [{ kind: 'date', day: day[0], iso: false }, next];
      }
    }
    // Month first: `January 15`, `Dec 11, 2026`, `December the 7th`.
    if (!article) {
      const month = this.monthName(at);
      if (month) {
        let next = month[1];
        if (this.isWord(next, 'the')) next++;
        const dayAfter = this.dayOfMonth(next, false);
        if (dayAfter) {
          const year = this.year(dayAfter[1]);
          return [{ kind: 'date', day: dayAfter[0], month: month[0], ...(year ? { year: year[0] } : {}), iso: false }, year ? year[1] : dayAfter[1]];
        }
      }
    }
    return undefined;
  }

  /** `2026-11-25`, `2026/11/25`. */
  private iso(i: number): Match<DayExpr> {
    const parts = this.numberRun(i, 3);
    if (!parts) return undefined;
    const [numbers, separator, end] = parts;
    const [year, month, day] = numbers;
    if (year === undefined || month === undefined || day === undefined) return undefined;
    if (this.tokens[i]?.text.length !== 4 || (separator !== '-' && separator !== '/')) return undefined;
    return [{ kind: 'date', year: year.value, month: month.value, day: day.value, iso: true }, end];
  }

  /** `12/11`, `12/11/2026`, `25.11.26`, `12-11-2026`: two or three numbers, joined, no spaces. */
  numeric(i: number): Match<DayExpr> {
    const three = this.numberRun(i, 3);
    if (three) {
      const [[first, second, year], separator, end] = three;
      if (first && second && year && first.text.length <= 2 && second.text.length <= 2 && (year.text.length === 2 || year.text.length === 4)) {
        const fullYear = year.text.length === 2 ? 2000 + year.value : year.value;
        if (separator !== '.' || this.options.typed || year.text.length === 4 || (first.text.length === 2 && second.text.length === 2))
          return [{ kind: 'numeric', first: first.value, second: second.value, year: fullYear, dotted: separator === '.' }, end];
      }
      return undefined;
    }
    const two = this.numberRun(i, 2);
    if (!two) return undefined;
    const [[first, second], separator, end] = two;
    if (!first || !second || first.text.length > 2 || second.text.length > 2) return undefined;
    // `15-18` is a span of days, `9.30` a time or a price: only `/` makes a date of two numbers in prose.
    if ((separator === '-' || separator === '.') && !this.options.typed) return undefined;
    // Dates written with dots are day first wherever they are written so: `9.30` is a time.
    if (separator === '.' && (second.value > 12 || first.value > 31)) return undefined;
    if (this.startsTime(end)) return undefined;
    return [{ kind: 'numeric', first: first.value, second: second.value, dotted: separator === '.' }, end];
  }

  /** `count` numbers joined by one separator used throughout (`/`, `.` or `-`), with no spaces; a longer run is no date. */
  private numberRun(i: number, count: number): [Token[], string, number] | undefined {
    const numbers: Token[] = [];
    let separator: string | undefined;
    let at = i;
    for (let n = 0; n < count; n++) {
      const token = this.tokens[at];
      if (token?.kind !== 'number' || token.ordinal || (n > 0 && token.spaced)) return undefined;
      numbers.push(token);
      at++;
      if (n === count - 1) break;
      const mark = this.tokens[at];
      if (mark?.kind !== 'punct' || mark.spaced || !['/', '.', '-'].includes(mark.norm)) return undefined;
      if (separator !== undefined && mark.norm !== separator) return undefined;
      separator = mark.norm;
      at++;
    }
    // `12/11/2026/5`, `1.2.3.4`: part of something longer.
    const after = this.tokens[at];
    const afterNext = this.tokens[at + 1];
    if (after?.kind === 'punct' && !after.spaced && after.norm === separator && afterNext?.kind === 'number' && !afterNext.spaced) return undefined;
    if (after?.kind === 'number' && !after.spaced) return undefined;
    return separator === undefined ? undefined : [numbers, separator, at];
  }

  private endOfMonth(i: number): Match<DayExpr> {
    for (const words of [
      ['la', 'fin', 'du', 'mois'],
      ['fin', 'du', 'mois'],
      ['fin', 'de', 'mois'],
      ['the', 'end', 'of', 'the', 'month'],
      ['end', 'of', 'the', 'month'],
      ['end', 'of', 'month'],
    ]) {
      const end = this.skipWords(i, words);
      if (end !== undefined) return [{ kind: 'endOfMonth' }, end];
    }
    return undefined;
  }

  // ── times ───────────────────────────────────────────────────────────────────────────────────

  /** A time after a day: `à 10h`, `at 4pm`, `, 9:30`, `vers midi`, `14h30`. */
  private connectedTime(i: number): Match<TimeExpr> {
    let at = i;
    if (this.isPunct(at, ',') || this.isPunct(at, '-')) at++;
    // `2026-11-25T08:05`
    else if (this.tokens[at]?.norm === 't' && !this.tokens[at]?.spaced && this.isNumberAt(at + 1, false)) at++;
    const direct = this.time(at);
    if (direct) return direct;
    // A typed `demain 10`, `+2 14`: after a day, a number alone is the hour.
    return this.options.typed && at > 0 ? this.clock(at, true) : undefined;
  }

  /** Whether a time starts at `i` (`h`, `:`, `am` after a number mean the number was an hour). */
  private startsTime(i: number): boolean {
    const token = this.tokens[i];
    if (!token) return false;
    if (token.kind === 'punct') return token.norm === ':' && !token.spaced;
    return token.kind === 'word' && (W.hours.has(token.norm) || W.am.has(token.norm) || W.pm.has(token.norm) || (token.norm === 'a' && this.isPunct(i + 1, '.') && this.isWord(i + 2, 'm')) || (token.norm === 'p' && this.isPunct(i + 1, '.')));
  }

  /** A time of day, with what may come before it (`à`, `at`, `vers`) and after it (`du soir`, `in the morning`). */
  time(i: number): Match<TimeExpr> {
    let at = i;
    let lead = false;
    if (this.isPunct(at, '@')) {
      at++;
      lead = true;
    } else if (this.isWords(at, ['aux', 'alentours', 'de']) || this.isWords(at, ['autour', 'de'])) {
      at = this.skipWords(at, ['aux', 'alentours', 'de']) ?? this.skipWords(at, ['autour', 'de']) ?? at;
      lead = true;
    } else if (this.isWord(at, W.at)) {
      // `a` without its accent is French `has` or English `a` in prose; a typed answer may leave the accent out.
      const written = this.tokens[at]?.text.toLowerCase();
      if (written === 'a' && !this.options.typed) return undefined;
      at++;
      lead = true;
    }
    const clock = this.clock(at, lead);
    if (!clock) return undefined;
    const [time, afterClock] = clock;
    const part = this.partOfDay(afterClock);
    if (part && !time.noon && !time.midnight) return [withPart(time, part[0]), part[1]];
    return clock;
  }

  clock(i: number, lead: boolean): Match<TimeExpr> {
    const token = this.tokens[i];
    if (!token) return undefined;
    const plain = { bare: false, midnight: false, noon: false };
    if (token.kind === 'word') {
      if (W.noon.has(token.norm)) {
        const minutes = this.minutesAfterNoon(i + 1);
        return [{ hour: 12, minute: minutes?.[0] ?? 0, ...plain, noon: true }, minutes?.[1] ?? i + 1];
      }
      if (W.midnight.has(token.norm)) return [{ hour: 23, minute: 59, ...plain, midnight: true }, i + 1];
      // `half past 9`, `quarter past 10`, `quarter to 5`
      if (token.norm === 'half' && this.isWord(i + 1, 'past') && this.isNumberAt(i + 2, true))
        return this.withMeridiem({ hour: this.tokens[i + 2]?.value ?? 0, minute: 30, ...plain }, i + 3);
      return undefined;
    }
    if (token.kind !== 'number' || token.ordinal || token.norm.length > 2) return undefined;
    const hour = token.value;
    const next = this.tokens[i + 1];
    // `14h`, `14h30`, `14 h 30`, `14 heures 30`, `9h et demie`
    if (next?.kind === 'word' && W.hours.has(next.norm)) {
      const minutes = this.tokens[i + 2];
      if (minutes?.kind === 'number' && minutes.text.length === 2 && !minutes.ordinal && !(this.isPunct(i + 3, '/') || this.isPunct(i + 3, '.') && this.isNumberAt(i + 4, false)))
        return this.withMeridiem({ hour, minute: minutes.value, ...plain }, i + 3);
      const half = this.halfOrQuarter(i + 2);
      if (half) return this.withMeridiem({ hour, minute: half[0], ...plain }, half[1]);
      return this.withMeridiem({ hour, minute: 0, ...plain }, i + 2);
    }
    // `9:30`, `9.30` (typed, or said with `at`/`à`, or with am/pm)
    if (next?.kind === 'punct' && !next.spaced && (next.norm === ':' || next.norm === '.') && this.isNumberAt(i + 2, false)) {
      const minutes = this.tokens[i + 2];
      if (minutes?.kind === 'number' && !minutes.spaced && minutes.text.length === 2 && !minutes.ordinal) {
        const after = this.tokens[i + 3];
        if (after?.kind === 'punct' && !after.spaced && (after.norm === ':' || after.norm === '.') && this.isNumberAt(i + 4, false) && !this.tokens[i + 4]?.spaced) {
          // `14:30:00` has seconds; `12.11.2026` is a date.
          if (next.norm === '.' || after.norm === '.') return undefined;
          return this.withMeridiem({ hour, minute: minutes.value, ...plain }, i + 5);
        }
        if (next.norm === ':' || this.options.typed || lead || this.meridiemAt(i + 3))
          return this.withMeridiem({ hour, minute: minutes.value, ...plain }, i + 3);
      }
      return undefined;
    }
    // `4pm`, `4 p.m.`, `10 o'clock`
    const meridiem = this.meridiemAt(i + 1);
    if (meridiem) return [{ hour, minute: 0, meridiem: meridiem[0], ...plain }, meridiem[1]];
    if (this.isWords(i + 1, ['o', "'", 'clock']) || this.isWords(i + 1, ['o', 'clock'])) {
      const end = this.skipWords(i + 1, ['o', "'", 'clock']) ?? this.skipWords(i + 1, ['o', 'clock']) ?? i + 2;
      return this.withMeridiem({ hour, minute: 0, ...plain }, end);
    }
    // `demain à 10`, `at 4`: a number alone is an hour only after `à`/`at`.
    if (lead && hour <= 24 && this.bareHourEnds(i + 1)) {
      const part = this.partOfDay(i + 1);
      return [{ hour, minute: 0, ...plain, bare: true, ...(part ? { part: part[0] } : {}) }, part ? part[1] : i + 1];
    }
    return undefined;
  }

  /** What may follow an hour said as a number alone (`à 10`, `at 4`): not `/`, `.5`, a month, or a noun (`at 4 places`). */
  private bareHourEnds(i: number): boolean {
    const token = this.tokens[i];
    if (token === undefined) return true;
    if (token.kind === 'number') return false;
    if (token.kind === 'punct') return !['/', '-', ':', '%', '€', '$', '£'].includes(token.norm) && !(token.norm === '.' && this.isNumberAt(i + 1, false));
    if (this.isMonthAt(i)) return false;
    if (this.options.typed) return true;
    return this.partOfDay(i) !== undefined || this.day(i) !== undefined || this.isWord(i, FOLLOWS_A_TIME);
  }

  private withMeridiem(time: TimeExpr, i: number): Match<TimeExpr> {
    const meridiem = this.meridiemAt(i);
    return meridiem ? [{ ...time, meridiem: meridiem[0] }, meridiem[1]] : [time, i];
  }

  /** `am`, `pm`, `a.m.`, `p.m.` */
  private meridiemAt(i: number): Match<'am' | 'pm'> {
    const token = this.tokens[i];
    if (token?.kind !== 'word') return undefined;
    if (W.am.has(token.norm)) return ['am', i + 1];
    if (W.pm.has(token.norm)) return ['pm', i + 1];
    if ((token.norm === 'a' || token.norm === 'p') && this.isPunct(i + 1, '.') && this.isWord(i + 2, 'm')) {
      const end = this.isPunct(i + 3, '.') ? i + 4 : i + 3;
      return [token.norm === 'a' ? 'am' : 'pm', end];
    }
    return undefined;
  }

  private minutesAfterNoon(i: number): Match<number> {
    const half = this.halfOrQuarter(i);
    if (half) return half;
    const token = this.tokens[i];
    if (token?.kind === 'number' && token.text.length === 2 && token.value < 60) return [token.value, i + 1];
    return undefined;
  }

  /** `et demie`, `et quart`, `moins le quart`. */
  private halfOrQuarter(i: number): Match<number> {
    if (this.isWord(i, 'et') && this.isWord(i + 1, W.half)) return [30, i + 2];
    if (this.isWord(i, 'et') && this.isWord(i + 1, W.quarter)) return [15, i + 2];
    return undefined;
  }

  /** `matin`, `du soir`, `de l'après-midi`, `in the morning`, `en fin de matinée`. */
  partOfDay(i: number): Match<PartOfDay> {
    const part = this.vocab(this.parts, i);
    if (part) return part;
    for (const lead of BEFORE_A_PART) {
      const after = this.skipWords(i, lead);
      if (after !== undefined) return this.vocab(this.parts, after);
    }
    return undefined;
  }

  /** `ce soir`, `ce matin`, `cet après-midi`, `tonight`, `this morning`. */
  private partToday(i: number): Match<PartOfDay> {
    if (this.isWord(i, 'tonight')) return ['evening', i + 1];
    if (!this.isWord(i, THIS_WORDS)) return undefined;
    const part = this.partOfDay(i + 1);
    return part;
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  /** The longest entry of `table` at `i`; hyphens and apostrophes between its words are skipped. */
  private vocab<V>(source: Table<V>, i: number): Match<V> {
    const token = this.tokens[i];
    if (token?.kind !== 'word' && token?.kind !== 'number') return undefined;
    for (const entry of source.candidates(token.norm)) {
      const end = this.skipWords(i, entry.words);
      if (end !== undefined) return [entry.value, end];
    }
    // One slip of the keyboard in a long word, in a typed answer: `vendedi`, `decmbre`.
    if (this.options.typed && token.kind === 'word' && token.norm.length >= 5) {
      const near = source.singles.find((entry) => {
        const word = entry.words[0] ?? '';
        return word.length >= 5 && oneTypoApart(word, token.norm);
      });
      if (near) return [near.value, i + 1];
    }
    return undefined;
  }

  /** The index after `words` at `i`, skipping hyphens and apostrophes in the text; undefined when they are not there. */
  skipWords(i: number, words: readonly string[]): number | undefined {
    // Most calls fail on the first word: say so before anything else.
    const first = this.tokens[i];
    if (words.length > 0 && words[0] !== "'" && words[0] !== '-' && (first === undefined || first.norm !== words[0] || first.kind === 'punct')) return undefined;
    let at = i;
    for (let n = 0; n < words.length; n++) {
      const word = words[n] ?? '';
      if (word === "'" || word === '-') {
        if (this.isPunct(at, word)) at++;
        continue;
      }
      while (n > 0 && (this.isPunct(at, '-') || this.isPunct(at, "'")) && this.tokens[at + 1]?.kind === 'word') at++;
      const token = this.tokens[at];
      if (token?.norm !== word || token.kind === 'punct') return undefined;
      at++;
    }
    return at;
  }

  isWords(i: number, words: readonly string[]): boolean {
    return this.skipWords(i, words) !== undefined;
  }

  /** Whether token `i` is the word `words` (or one of them). */
  isWord(i: number, words: ReadonlySet<string> | string): boolean {
    const token = this.tokens[i];
    return token?.kind === 'word' && (typeof words === 'string' ? token.norm === words : words.has(token.norm));
  }

  isPunct(i: number, mark: string): boolean {
    const token = this.tokens[i];
    return token?.kind === 'punct' && token.norm === mark;
  }

  isNumberAt(i: number, spacedOk: boolean): boolean {
    const token = this.tokens[i];
    return token?.kind === 'number' && (spacedOk || !token.spaced);
  }

  private isMonthAt(i: number): boolean {
    return this.monthName(i) !== undefined;
  }

  /** Whether the unit at `i` is a French word (`jours`, not `days` nor `j`, which `+8j` uses too): French idioms apply. */
  private frenchOnly(i: number): boolean {
    const token = this.tokens[i];
    return token !== undefined && token.norm.length > 1 && UNIT_WORDS.fr[token.norm] !== undefined && UNIT_WORDS.en[token.norm] === undefined;
  }
}

function withPart(time: TimeExpr, part: PartOfDay | undefined): TimeExpr {
  return part === undefined || time.part !== undefined ? time : { ...time, part };
}

function longest<T>(matches: readonly Match<T>[]): Match<T> {
  let best: Match<T>;
  for (const match of matches) if (match && (!best || match[1] > best[1])) best = match;
  return best;
}
