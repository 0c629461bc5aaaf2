import type { Draft, Span } from './draft.js';
import type { Token } from './tokens.js';

/**
 * Date and time expressions of a draft, each classified, for the next-step check: only a future
 * commitment is a next date. A past date ("last Tuesday the 9th"), the date of a dated thing ("your
 * ticket of 04/02/2025"), opening hours ("ouvert du mardi au vendredi"), a window ("between the
 * 15th and the 18th"), "midi" meaning lunchtime, or a phone number is not.
 *
 * It reads the draft's tokens (tokens.ts). A date written out in full is placed against the
 * reference date (the day the draft is written) when there is one: before it, it is past.
 */

export type DateKind =
  /** Ahead of the reference date, or said so ("tomorrow", "next Monday", "dans 3 jours"). */
  | 'future'
  /** Behind it, or said so ("yesterday", "last Monday", "lundi dernier"). */
  | 'past'
  /** The date of a dated thing: "your order of 4 March", "votre mail du 12/03". */
  | 'reference'
  /** Opening hours, habits: "open Monday to Friday", "tous les lundis", "le midi". */
  | 'recurring'
  /** A spread instead of one day: "between the 15th and the 18th". */
  | 'window'
  /** A date whose direction only the sentence's tense tells ("on Friday", "le 4 mars"). */
  | 'date';

export interface DateMention {
  span: Span;
  kind: DateKind;
  /** A delay ("within 48 hours", "sous 3 jours"): a commitment only when a verb says it is one. */
  duration?: boolean;
  /**
   * For a date whose direction only the sentence tells (`kind: 'date'`), where the reference date
   * places it, when the expression names a day: the sentence's tense comes first ("placed on 2
   * March" is past whatever the year), this only decides when it says nothing.
   */
  direction?: 'future' | 'past';
  /** The day, when the expression names one and the reference date places it. */
  day?: { year: number; month: number; day: number };
}

export interface Reference {
  year: number;
  month: number;
  day: number;
}

const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 0,
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 0,
};
const WEEKDAYS_PLURAL = new Set(['mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'lundis', 'mardis', 'mercredis', 'jeudis', 'vendredis', 'samedis', 'dimanches', 'weekdays', 'weekends']);
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  janv: 1, fevr: 2, avr: 4, juil: 7,
};
const FUTURE_WORDS = new Set(['tomorrow', 'tonight', 'demain', 'tomorrow\'s']);
const TODAY_WORDS = new Set(['today', "aujourd'hui"]);
const PAST_WORDS = new Set(['yesterday', 'hier', 'avant-hier']);
const NEXT = new Set(['next', 'coming', 'prochain', 'prochaine', 'prochains', 'prochaines']);
const LAST = new Set(['last', 'past', 'previous', 'dernier', 'derniere', 'derniers', 'dernieres', 'precedent', 'precedente']);
const RECURRING_BEFORE = new Set(['every', 'each', 'chaque', 'tous', 'toutes', 'usually', 'generally', 'normally', 'weekly']);
const RANGE_TO = new Set(['to', 'till', 'until', 'through', 'thru', 'au', 'a']);
/** Nouns of dated things: a date right after them, with "of", "du", "dated", names the thing. */
const DATED_THINGS = new Set([
  'order', 'orders', 'invoice', 'invoices', 'ticket', 'tickets', 'email', 'emails', 'e-mail', 'mail', 'mails', 'message', 'messages', 'letter',
  'call', 'booking', 'reservation', 'visit', 'stay', 'receipt', 'statement', 'bill', 'review', 'complaint', 'request', 'claim', 'quote',
  'contract', 'delivery', 'purchase', 'payment', 'appointment', 'session', 'meeting', 'report', 'note', 'notice', 'version', 'file', 'issue',
  'commande', 'commandes', 'facture', 'factures', 'courrier', 'courriel', 'lettre', 'appel', 'reservation', 'visite', 'sejour', 'releve',
  'avis', 'reclamation', 'demande', 'devis', 'contrat', 'livraison', 'achat', 'paiement', 'prelevement', 'rendez-vous', 'rdv', 'reunion',
  'rapport', 'dossier', 'ticket', 'echange', 'entretien', 'intervention', 'passage', 'depot', 'colis', 'virement', 'signature', 'acte',
]);
const DATED_LINKS = new Set(['of', 'from', 'dated', 'du', 'de', 'en', 'date', 'dated', "d'"]);
const SINCE = new Set(['since', 'depuis', 'ago', 'il']);
const OPENING = new Set(['open', 'opening', 'ouvert', 'ouverte', 'ouverts', 'ouvertes', 'horaires', 'ouverture', 'ferme', 'closed', 'fermes', 'fermeture', 'permanence']);
const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'matin', 'apres-midi', 'soir', 'soiree', 'matinee']);
const THIS = new Set(['this', 'ce', 'cet', 'cette']);
const DURATION_UNITS = new Set(['hours', 'hour', 'days', 'day', 'working', 'business', 'heures', 'heure', 'jours', 'jour', 'h', 'minutes', 'weeks', 'week', 'semaines', 'semaine', 'ouvres', 'ouvrables']);
const WITHIN = new Set(['within', 'in', 'under', 'dans', 'sous', "d'ici", 'ici']);

const word = (token: Token | undefined): string => (token && (token.kind === 'word' || token.kind === 'number') ? token.text : '');
const isNumber = (token: Token | undefined, max = Infinity): boolean => token?.kind === 'number' && Number(token.text) <= max && token.text.length <= 4;
const isPunct = (token: Token | undefined, chars: string): boolean => token?.kind === 'punct' && token.text === chars;

/** Every date or time expression of the draft, in order, classified. */
export function findDates(draft: Draft, reference?: Reference): DateMention[] {
  const { tokens } = draft;
  const found: DateMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const mention = dateAt(tokens, i);
    if (!mention) {
      i++;
      continue;
    }
    const kind = classify(draft, mention, reference);
    found.push({
      span: mention.span,
      kind: kind.kind,
      ...(kind.day ? { day: kind.day } : {}),
      ...(kind.direction ? { direction: kind.direction } : {}),
      ...(mention.duration ? { duration: true } : {}),
    });
    i = mention.span.to;
  }
  return mergeWindows(draft, found);
}

interface Raw {
  span: Span;
  kind: DateKind;
  duration?: boolean;
  /** Day and month written out, to place against the reference date. */
  dayMonth?: { day: number; month: number; year?: number };
  weekday?: number;
}

/** The longest date or time expression starting at token `i`, if any. */
function dateAt(tokens: readonly Token[], i: number): Raw | undefined {
  const t = tokens[i];
  const w = word(t);
  const next = tokens[i + 1];
  if (!t) return undefined;
  if (PAST_WORDS.has(w)) return { span: { from: i, to: i + 1 }, kind: 'past' };
  if (FUTURE_WORDS.has(w)) return { span: { from: i, to: extendDayPart(tokens, i + 1) }, kind: 'future' };
  if (TODAY_WORDS.has(w)) return { span: { from: i, to: i + 1 }, kind: 'date' };
  // "this afternoon", "ce soir", "cet après-midi", "tonight".
  if (THIS.has(w) && DAY_PARTS.has(dayPart(tokens, i + 1).word)) return { span: { from: i, to: dayPart(tokens, i + 1).end }, kind: 'date' };
  if (w === 'end' && word(tokens[i + 1]) === 'of' && ['the', 'day'].includes(word(tokens[i + 2]))) {
    const end = word(tokens[i + 2]) === 'the' ? i + 4 : i + 3;
    if (['day', 'week'].includes(word(tokens[end - 1]))) return { span: { from: i, to: end }, kind: word(tokens[end - 1]) === 'day' ? 'future' : 'date' };
  }
  if (w === 'eod' || w === 'cob') return { span: { from: i, to: i + 1 }, kind: 'future' };
  // Parts of today: "dans la journée", "dans l'après-midi", "en fin de matinée", "en début d'après-midi".
  if (w === 'dans' && (word(tokens[i + 1]) === 'la' || word(tokens[i + 1]) === "l'") && DAY_PARTS.has(dayPart(tokens, i + 2).word))
    return { span: { from: i, to: dayPart(tokens, i + 2).end }, kind: 'date' };
  if (w === 'dans' && word(tokens[i + 1]) === 'la' && word(tokens[i + 2]) === 'journee') return { span: { from: i, to: i + 3 }, kind: 'date' };
  if (w === 'en' && (word(tokens[i + 1]) === 'fin' || word(tokens[i + 1]) === 'debut') && (word(tokens[i + 2]) === 'de' || word(tokens[i + 2]) === "d'")) {
    const part = word(tokens[i + 3]) === 'journee' ? { word: 'journee', end: i + 4 } : dayPart(tokens, i + 3);
    if (DAY_PARTS.has(part.word) || part.word === 'journee') return { span: { from: i, to: part.end }, kind: 'date' };
  }
  if (w === 'later' && word(tokens[i + 1]) === 'today') return { span: { from: i, to: i + 2 }, kind: 'future' };
  if (w === 'noon' || w === 'midday' || w === 'midnight') return { span: { from: i, to: i + 1 }, kind: 'date' };
  if (w === 'midi' && isTimeBefore(tokens, i)) return { span: { from: i, to: i + 1 }, kind: 'date' };
  if (w in WEEKDAYS) {
    const weekday = WEEKDAYS[w] as number;
    // "Tuesday 12 March", "mardi 12", "Tuesday the 12th".
    let end = i + 1;
    const dm = dayMonthAt(tokens, word(tokens[end]) === 'the' || word(tokens[end]) === 'le' ? end + 1 : end);
    if (dm) end = dm.end;
    else if (isNumber(tokens[end], 31) && !isPunct(tokens[end + 1], ':')) end++;
    end = extendDayPart(tokens, end);
    return { span: { from: i, to: end }, kind: 'date', weekday, ...(dm ? { dayMonth: dm.value } : {}) };
  }
  const dm = dayMonthAt(tokens, i);
  if (dm) return { span: { from: i, to: dm.end }, kind: 'date', dayMonth: dm.value };
  // Times: 10:30, 9h30, 15 h, 3pm, 3 p.m.
  if (isNumber(t, 24)) {
    if ((isPunct(next, ':') || isPunct(next, '.')) && isNumber(tokens[i + 2], 59) && tokens[i + 2]?.text.length === 2 && !tokens[i + 2]?.spaced)
      return { span: { from: i, to: meridiem(tokens, i + 3) }, kind: 'date' };
    // "9h30" reads 9 h30.
    if (next?.kind === 'word' && !next.spaced && /^h[0-9]{2}$/.test(next.text)) return { span: { from: i, to: i + 2 }, kind: 'date' };
    if (word(next) === 'h' || word(next) === 'heures' || word(next) === 'heure') {
      const end = isNumber(tokens[i + 2], 59) ? i + 3 : i + 2;
      // "15 heures" alone is a duration as often as a time ("sous 48 heures"): a time when "à" or "avant" comes before.
      if (word(next) === 'h' || isTimeBefore(tokens, i)) return { span: { from: i, to: end }, kind: 'date' };
    }
    const m = meridiem(tokens, i + 1);
    if (m > i + 1) return { span: { from: i, to: m }, kind: 'date' };
    if (word(next) === "o'clock") return { span: { from: i, to: i + 2 }, kind: 'date' };
  }
  // Delays: within 48 hours, in 3 days, sous 48 heures, d'ici 3 jours.
  if (WITHIN.has(w) && isNumber(next) && DURATION_UNITS.has(word(tokens[i + 2])))
    return { span: { from: i, to: i + 3 + (DURATION_UNITS.has(word(tokens[i + 3])) ? 1 : 0) }, kind: 'date', duration: true };
  // ISO dates: 2026-03-04.
  if (t.kind === 'number' && t.text.length === 4 && isPunct(next, '-') && isNumber(tokens[i + 2], 12) && isPunct(tokens[i + 3], '-') && isNumber(tokens[i + 4], 31)) {
    const value = { year: Number(t.text), month: Number(tokens[i + 2]?.text), day: Number(tokens[i + 4]?.text) };
    return { span: { from: i, to: i + 5 }, kind: 'date', dayMonth: value };
  }
  return undefined;
}

/** "12/03", "12/03/2025", "4 March", "March 4th", "le 15", "the 15th", "4 mars 2026". */
function dayMonthAt(tokens: readonly Token[], i: number): { end: number; value: { day: number; month: number; year?: number } } | undefined {
  const t = tokens[i];
  const w = word(t);
  if (isNumber(t, 31) && isPunct(tokens[i + 1], '/') && isNumber(tokens[i + 2], 12) && !tokens[i + 1]?.spaced && !tokens[i + 2]?.spaced) {
    // 24/7 is no date.
    if (t?.text === '24' && tokens[i + 2]?.text === '7') return undefined;
    const hasYear = isPunct(tokens[i + 3], '/') && tokens[i + 4]?.kind === 'number';
    const year = hasYear ? Number(tokens[i + 4]?.text) : undefined;
    const value = { day: Number(t?.text), month: Number(tokens[i + 2]?.text), ...(year !== undefined ? { year: year < 100 ? 2000 + year : year } : {}) };
    return { end: hasYear ? i + 5 : i + 3, value };
  }
  if (isNumber(t, 31)) {
    let j = i + 1;
    if (['st', 'nd', 'rd', 'th', 'er'].includes(word(tokens[j]))) j++;
    if (word(tokens[j]) === 'of') j++;
    const month = MONTHS[word(tokens[j])];
    if (month !== undefined) {
      const year = tokens[j + 1]?.kind === 'number' && tokens[j + 1]?.text.length === 4 ? Number(tokens[j + 1]?.text) : undefined;
      return { end: year !== undefined ? j + 2 : j + 1, value: { day: Number(t?.text), month, ...(year !== undefined ? { year } : {}) } };
    }
  }
  const month = MONTHS[w];
  // "March 4", "March 4th" (not "may" the verb: a number must follow).
  if (month !== undefined && isNumber(tokens[i + 1], 31) && !isPunct(tokens[i + 2], ':')) {
    let end = i + 2;
    if (['st', 'nd', 'rd', 'th'].includes(word(tokens[end]))) end++;
    return { end, value: { day: Number(tokens[i + 1]?.text), month } };
  }
  // "the 15th", "on the 3rd", "le 15" (a day of this month).
  if ((w === 'the' || w === 'le') && isNumber(tokens[i + 1], 31)) {
    const suffix = word(tokens[i + 2]);
    if (w === 'the' && ['st', 'nd', 'rd', 'th'].includes(suffix)) return { end: i + 3, value: { day: Number(tokens[i + 1]?.text), month: 0 } };
    if (w === 'le' && (suffix === '' || suffix === 'er') && !DURATION_UNITS.has(suffix) && !isPunct(tokens[i + 2], '/') && tokens[i + 2]?.kind !== 'number')
      return { end: suffix === 'er' ? i + 3 : i + 2, value: { day: Number(tokens[i + 1]?.text), month: 0 } };
  }
  return undefined;
}

function meridiem(tokens: readonly Token[], i: number): number {
  const w = word(tokens[i]);
  if (w === 'am' || w === 'pm') return i + 1;
  // "p.m." reads p . m
  if ((w === 'a' || w === 'p') && isPunct(tokens[i + 1], '.') && word(tokens[i + 2]) === 'm') return i + 3;
  return i;
}

/** "midi", "15 heures" are times after "à", "avant", "jusqu'à", "vers", "d'ici", "pour". */
function isTimeBefore(tokens: readonly Token[], i: number): boolean {
  const before = word(tokens[i - 1]);
  return ['a', 'avant', 'vers', 'ici', 'pour', 'dès', 'des', 'apres'].includes(before) || (before === 'demain' || before in WEEKDAYS);
}

function dayPart(tokens: readonly Token[], i: number): { word: string; end: number } {
  const w = word(tokens[i]);
  // "après-midi" is three tokens: apres - midi.
  if (w === 'apres' && isPunct(tokens[i + 1], '-') && word(tokens[i + 2]) === 'midi') return { word: 'apres-midi', end: i + 3 };
  return { word: w, end: i + 1 };
}

/** "tomorrow morning", "Tuesday afternoon", "demain matin", "mardi après-midi", "at 10:00" is found on its own. */
function extendDayPart(tokens: readonly Token[], i: number): number {
  const part = dayPart(tokens, i);
  return DAY_PARTS.has(part.word) ? part.end : i;
}

/** What the words around a date say of it. */
function classify(draft: Draft, mention: Raw, reference: Reference | undefined): { kind: DateKind; day?: Reference; direction?: 'future' | 'past' } {
  const { tokens } = draft;
  const { from, to } = mention.span;
  const before = (k: number): string => word(tokens[from - k]);
  const after = (k: number): string => word(tokens[to - 1 + k]);
  if (mention.kind === 'past') return { kind: 'past' };
  // Habits and opening hours: "every Monday", "tous les lundis", "le lundi", "Monday to Friday", "open…".
  if (RECURRING_BEFORE.has(before(1)) || RECURRING_BEFORE.has(before(2))) return { kind: 'recurring' };
  if (WEEKDAYS_PLURAL.has(word(tokens[from]))) return { kind: 'recurring' };
  if (mention.weekday !== undefined && before(1) === 'le' && mention.dayMonth === undefined && to === from + 1) return { kind: 'recurring' };
  // "Monday to Friday", "du mardi au vendredi": a week's habit, unless "between" makes it a window.
  if (mention.weekday !== undefined && RANGE_TO.has(after(1)) && word(tokens[to + 1]) in WEEKDAYS && !['between', 'entre'].includes(before(1)))
    return { kind: 'recurring' };
  if (RANGE_TO.has(after(1)) && (word(tokens[to + 1]) in WEEKDAYS || isNumber(tokens[to + 1], 24)) && sentenceHas(draft, from, OPENING))
    return { kind: 'recurring' };
  if ((before(1) === 'du' || before(1) === 'from' || before(1) === 'de') && RANGE_TO.has(after(1)) && (word(tokens[to + 1]) in WEEKDAYS || isNumber(tokens[to + 1], 24)))
    return { kind: sentenceHas(draft, from, OPENING) || mention.weekday !== undefined ? 'recurring' : 'window' };
  if (sentenceHas(draft, from, OPENING) && mention.dayMonth === undefined) return { kind: 'recurring' };
  // "lunchtime": "le midi", "ce midi" at the restaurant, "pause de midi".
  // Past: "last Tuesday", "lundi dernier", "since Monday", "il y a", "ago".
  if (LAST.has(before(1)) || LAST.has(after(1))) return { kind: 'past' };
  if (SINCE.has(before(1)) || after(1) === 'ago') return { kind: 'past' };
  // A past participle right before: "placed on 2 March", "acheté le 2 janvier", "parvenus que le 12 mai".
  const link0 = before(1);
  const verbAt = ['on', 'le', 'the', 'du'].includes(link0) ? (before(2) === 'que' ? from - 3 : from - 2) : from - 1;
  if (isPastParticiple(draft, verbAt)) return { kind: 'past' };
  // Future: "next Tuesday", "mardi prochain".
  if (NEXT.has(before(1)) || NEXT.has(after(1))) return { kind: 'future' };
  // The date of a thing: "your order of 4 March", "votre commande du 12/03", "the invoice dated…".
  const link = before(1);
  if (DATED_LINKS.has(link) && DATED_THINGS.has(before(2))) return { kind: 'reference' };
  if (DATED_LINKS.has(link) && (before(2) === 'date' || before(3) === 'date')) return { kind: 'reference' };
  if ((link === 'le' || link === 'the' || link === 'on') && DATED_LINKS.has(before(2)) && DATED_THINGS.has(before(3))) return { kind: 'reference' };
  if (mention.kind === 'future') return { kind: 'future' };
  // Placed against the reference date: a written year says where; without one, the nearest such day.
  if (reference && mention.dayMonth && mention.dayMonth.month > 0) {
    const at = (year: number): number => Date.UTC(year, (mention.dayMonth?.month ?? 1) - 1, mention.dayMonth?.day ?? 1);
    const today = Date.UTC(reference.year, reference.month - 1, reference.day);
    const written = mention.dayMonth.year;
    const year =
      written ?? [reference.year - 1, reference.year, reference.year + 1].reduce((best, y) => (Math.abs(at(y) - today) < Math.abs(at(best) - today) ? y : best));
    const day = { year, month: mention.dayMonth.month, day: mention.dayMonth.day };
    return { kind: 'date', day, direction: at(year) >= today ? 'future' : 'past' };
  }
  return { kind: mention.kind };
}

function sentenceHas(draft: Draft, at: number, words: ReadonlySet<string>): boolean {
  const sentence = draft.sentence[at];
  for (let i = at; i >= 0 && draft.sentence[i] === sentence; i--) if (words.has(word(draft.tokens[i]))) return true;
  for (let i = at; i < draft.tokens.length && draft.sentence[i] === sentence; i++) if (words.has(word(draft.tokens[i]))) return true;
  return false;
}

/** "between X and Y", "entre X et Y", "X or Y", "du X au Y": one window, not two dates. */
function mergeWindows(draft: Draft, mentions: DateMention[]): DateMention[] {
  const { tokens } = draft;
  const merged: DateMention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const first = mentions[k] as DateMention;
    const second = mentions[k + 1];
    const opener = word(tokens[first.span.from - 1]);
    const link = second ? tokens.slice(first.span.to, second.span.from).map((token) => word(token) || token.text.trim()) : [];
    const linked = link.length > 0 && link.length <= 2 && ['and', 'et', 'or', 'ou', 'to', 'au', 'a', '-', 'and the', 'et le'].includes(link.join(' '));
    const window =
      second &&
      linked &&
      first.kind !== 'recurring' &&
      second.kind !== 'recurring' &&
      (['between', 'entre', 'either', 'soit', 'from', 'du', 'de'].includes(opener) || link[0] === 'or' || link[0] === 'ou' || link[0] === '-');
    if (window && second) {
      merged.push({ span: { from: first.span.from - 1, to: second.span.to }, kind: 'window' });
      k++;
      continue;
    }
    merged.push(first);
  }
  // "between 20 and 27 June", "entre le 18 et le 22": the first bound is a bare number.
  return merged.map((mention) => {
    if (mention.kind === 'window') return mention;
    const link = word(tokens[mention.span.from - 1]);
    const opener2 = word(tokens[mention.span.from - 3]);
    const opener3 = word(tokens[mention.span.from - 4]);
    if ((link === 'and' || link === 'et') && (isNumber(tokens[mention.span.from - 2], 31) || word(tokens[mention.span.from - 2]) === 'th') &&
      ['between', 'entre', 'le', 'the'].some((w) => w === opener2 || w === opener3))
      return { span: mention.span, kind: 'window' };
    return mention;
  });
}

/** Irregular past participles and simple pasts that end in neither -ed nor -é. */
const IRREGULAR_PAST = new Set([
  'sent', 'paid', 'bought', 'left', 'came', 'made', 'took', 'got', 'gave', 'told', 'said', 'wrote', 'written', 'received', 'was', 'were',
  'recu', 'recue', 'recus', 'recues', 'remis', 'remise', 'parvenu', 'parvenus', 'parvenue', 'parvenues', 'venu', 'venus', 'venue', 'pris',
  'prise', 'fait', 'faite', 'mis', 'mise', 'eu', 'ete', 'vu', 'vue', 'ecrit', 'ecrite', 'dit', 'ouvert', 'ouverte', 'offert', 'offerte',
  'rendu', 'rendue', 'perdu', 'perdue', 'attendu', 'repondu', 'vendu', 'vendue', 'survenu', 'survenue', 'intervenu', 'emis', 'emise',
]);

/** Whether token `at` is a past participle or a simple past, as written ("-ed", "-é", "-ée", "reçu"). */
function isPastParticiple(draft: Draft, at: number): boolean {
  const token = draft.tokens[at];
  if (!token || token.kind !== 'word') return false;
  if (IRREGULAR_PAST.has(token.text)) return true;
  const from = draft.folded.start[token.from] ?? 0;
  const to = draft.folded.end[token.to - 1] ?? from;
  const written = draft.text.slice(from, to).toLowerCase();
  return /(?:ée?s?)$/.test(written) || (/[a-z]{3}ed$/.test(written) && !['need', 'speed', 'feed', 'indeed'].includes(written));
}
