import type { Lang } from '../types.js';

/**
 * The words of dates in French and English, folded as the tokenizer folds them (lower case, no
 * accents). Multi-word entries are written with spaces; hyphens and apostrophes in the text are
 * skipped when they are compared (`après-demain`, `après demain`, `apres demain` are one entry).
 */

export type Vocabulary = Readonly<Record<string, number>>;

/** 0 = Sunday … 6 = Saturday; full names, abbreviations, and the plural (`lundis`, `mondays`). */
export const WEEKDAY_WORDS: Record<Lang, Vocabulary> = {
  fr: {
    dimanche: 0, dim: 0, lundi: 1, lun: 1, mardi: 2, mar: 2, mercredi: 3, mer: 3, merc: 3,
    jeudi: 4, jeu: 4, vendredi: 5, ven: 5, vend: 5, samedi: 6, sam: 6,
  },
  en: {
    sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
    thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
  },
};

/** Weekday names written in the plural, which say a habit: `les lundis`, `on Mondays`. */
export const WEEKDAY_PLURALS: Record<Lang, Vocabulary> = {
  fr: { dimanches: 0, lundis: 1, mardis: 2, mercredis: 3, jeudis: 4, vendredis: 5, samedis: 6 },
  en: { sundays: 0, mondays: 1, tuesdays: 2, wednesdays: 3, thursdays: 4, fridays: 5, saturdays: 6 },
};

/** 1 = January … 12 = December, with the usual abbreviations (a trailing dot is allowed). */
export const MONTH_WORDS: Record<Lang, Vocabulary> = {
  fr: {
    janvier: 1, janv: 1, jan: 1, fevrier: 2, fevr: 2, fev: 2, mars: 3, avril: 4, avr: 4, mai: 5,
    juin: 6, juillet: 7, juil: 7, juill: 7, aout: 8, septembre: 9, sept: 9, sep: 9, octobre: 10,
    oct: 10, novembre: 11, nov: 11, decembre: 12, dec: 12,
  },
  en: {
    january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
    june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
    october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  },
};

/** Days counted from today: `demain` is 1. */
export const DAY_WORDS: Record<Lang, Vocabulary> = {
  fr: {
    "aujourd'hui": 0, aujourdhui: 0, auj: 0, demain: 1, 'apres demain': 2, 'apres-demain': 2,
    hier: -1, 'avant hier': -2, 'avant-hier': -2,
  },
  en: {
    today: 0, tomorrow: 1, tmrw: 1, tmr: 1, 'the day after tomorrow': 2, 'day after tomorrow': 2,
    yesterday: -1, 'the day before yesterday': -2, 'day before yesterday': -2,
  },
};

/** Counts written as words, for `dans trois jours`, `in a week`. */
export const NUMBER_WORDS: Record<Lang, Vocabulary> = {
  fr: {
    un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
    onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30,
    quarante: 40, cinquante: 50, soixante: 60,
  },
  en: {
    a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
    ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
    twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, 'a couple of': 2, 'a couple': 2,
  },
};

/** Days of the month written as words: `le premier`, `the first`. */
export const ORDINAL_WORDS: Record<Lang, Vocabulary> = {
  fr: { premier: 1 },
  en: {
    first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
    tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
    sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
    'twenty first': 21, 'twenty second': 22, 'twenty third': 23, 'twenty fourth': 24,
    'twenty fifth': 25, 'twenty sixth': 26, 'twenty seventh': 27, 'twenty eighth': 28,
    'twenty ninth': 29, thirtieth: 30, 'thirty first': 31,
  },
};

export type Unit = 'minute' | 'hour' | 'day' | 'workday' | 'week' | 'month';

/** Units of a delay: `dans 3 jours`, `within 48 hours`, `+3j`. */
export const UNIT_WORDS: Record<Lang, Readonly<Record<string, Unit>>> = {
  fr: {
    minute: 'minute', minutes: 'minute', min: 'minute', mn: 'minute', heure: 'hour', heures: 'hour',
    h: 'hour', jour: 'day', jours: 'day', j: 'day', jr: 'day', jrs: 'day', journee: 'day',
    journees: 'day', 'jour ouvre': 'workday', 'jours ouvres': 'workday', 'jour ouvrable': 'workday',
    'jours ouvrables': 'workday', semaine: 'week', semaines: 'week', sem: 'week', mois: 'month',
  },
  en: {
    minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute', hour: 'hour', hours: 'hour',
    h: 'hour', hr: 'hour', hrs: 'hour', day: 'day', days: 'day', d: 'day', 'business day': 'workday',
    'business days': 'workday', 'working day': 'workday', 'working days': 'workday',
    'work day': 'workday', 'work days': 'workday', week: 'week', weeks: 'week', wk: 'week',
    wks: 'week', w: 'week', month: 'month', months: 'month', fortnight: 'week',
  },
};

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** Parts of the day, which set the half of the clock of a time said with them (`4h de l'après-midi`). */
export const PART_OF_DAY_WORDS: Record<Lang, Readonly<Record<string, PartOfDay>>> = {
  fr: {
    matin: 'morning', 'du matin': 'morning', 'dans la matinee': 'morning', matinee: 'morning',
    'apres midi': 'afternoon', 'de l apres midi': 'afternoon', aprem: 'afternoon', soir: 'evening',
    'du soir': 'evening', soiree: 'evening', 'dans la soiree': 'evening',
    // Said with its start, middle or end, as a call is set: `mardi (en) fin de matinée` (the
    // grammar reads `en` and `in the` before a part of the day).
    'tot le matin': 'morning', 'de bon matin': 'morning', 'debut de matinee': 'morning',
    'milieu de matinee': 'morning', 'fin de matinee': 'morning', 'dans l apres midi': 'afternoon',
    'debut d apres midi': 'afternoon', 'milieu d apres midi': 'afternoon', 'fin d apres midi': 'afternoon',
    'dans l aprem': 'afternoon', 'debut d aprem': 'afternoon', 'fin d aprem': 'afternoon',
    'fin de journee': 'evening', 'debut de soiree': 'evening',
  },
  en: {
    morning: 'morning', afternoon: 'afternoon', evening: 'evening', tonight: 'evening', night: 'evening',
    'early morning': 'morning', 'mid morning': 'morning', midmorning: 'morning', 'late morning': 'morning',
    'early afternoon': 'afternoon', 'mid afternoon': 'afternoon', midafternoon: 'afternoon',
    'late afternoon': 'afternoon', 'early evening': 'evening', 'end of day': 'evening',
    'at the end of the day': 'evening',
  },
};

/** Looks `word` up in the tables of `langs`, in that order (`sept` is 7 in French, September in English). */
export function lookup<V>(tables: Record<Lang, Readonly<Record<string, V>>>, langs: readonly Lang[], word: string): V | undefined {
  for (const lang of langs) {
    const value = tables[lang][word];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Whether two words differ by at most one letter typed wrong, left out, added or swapped. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const restA = a.length - i - j;
  const restB = b.length - i - j;
  if (restA <= 1 && restB <= 1) return true;
  // A swap of two neighbours: `vendedri` for `vendredi`.
  return restA === 2 && restB === 2 && a[i] === b[i + 1] && a[i + 1] === b[i];
}
