import type { DateOrder, DateWant } from '../../src/dates/read.js';
import type { Lang } from '../../src/types.js';

/**
 * Dates as people type them, each with what it means at a fixed moment. The table is the test of
 * the date reader (tests/unit/dates-phrases.test.ts) and the ground on which parsers are compared
 * (scripts/compare-date-parsers.mjs). Every question in the built-in playbooks wants a date that is
 * not in the past, so every row is read with `future`.
 *
 * `also`: another reading a reasonable person may mean (`next friday` said on a Wednesday is the
 * one in two days for some, in nine for others). The comparison accepts it; the test holds the
 * reader to `expect`, the reading calmclient chose and echoes back in words.
 */

/** Wednesday 18 November 2026, 10:00. */
export const WEDNESDAY = new Date(2026, 10, 18, 10, 0);
/** Sunday 22 November 2026, 10:00. */
export const SUNDAY = new Date(2026, 10, 22, 10, 0);
/** Tuesday 29 December 2026, 16:00: next year is three days away, noon has passed. */
export const YEAR_END = new Date(2026, 11, 29, 16, 0);

export type Refusal = 'past' | 'needsTime' | 'weekdayMismatch' | 'noSuchDate' | 'noSuchTime' | 'vague' | 'unreadable';

export interface Phrase {
  text: string;
  lang: Lang;
  now: Date;
  /** What the question asks: a day, a day and a time, or either (default). */
  want?: DateWant;
  /** The locale's order of day and month (default `dmy`: French, British English). */
  order?: DateOrder;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or why the answer is refused. */
  expect: string | { refuse: Refusal };
  also?: string[];
  why?: string;
}

const W = WEDNESDAY;
const S = SUNDAY;
const Y = YEAR_END;

const fr = (text: string, now: Date, expect: Phrase['expect'], more: Partial<Phrase> = {}): Phrase => ({ text, lang: 'fr', now, expect, ...more });
const en = (text: string, now: Date, expect: Phrase['expect'], more: Partial<Phrase> = {}): Phrase => ({ text, lang: 'en', now, expect, ...more });
const refuse = (why: Refusal) => ({ refuse: why });

export const FRENCH: readonly Phrase[] = [
  // The forms issue 15 names.
  fr('15 janvier', W, '2027-01-15'),
  fr('le 15', W, '2026-12-15', { why: 'the 15th of this month has passed: next month’s' }),
  fr('le 15 janvier à 11h', W, '2027-01-15T11:00'),
  fr('dans 3 jours', W, '2026-11-21'),
  fr('après-demain', W, '2026-11-20'),
  fr('lundi prochain', W, '2026-11-23', { also: ['2026-11-30'] }),
  fr('vendredi 14h30', W, '2026-11-20T14:30'),
  fr('demain à 10h', W, '2026-11-19T10:00'),
  fr('7 décembre', W, '2026-12-07'),
  fr('lundi 7/12', W, '2026-12-07'),
  fr('le 7', W, '2026-12-07'),
  fr('mardi 18h', W, '2026-11-24T18:00'),
  fr('midi', W, '2026-11-18T12:00', { want: 'dayTime' }),
  fr('jeudi à midi', W, '2026-11-19T12:00'),
  // What worked before must keep working.
  fr('2026-11-25', W, '2026-11-25'),
  fr('25/11', W, '2026-11-25'),
  fr('25/11/2026', W, '2026-11-25'),
  fr('25.11.26', W, '2026-11-25'),
  fr('+3', W, '2026-11-21'),
  fr('+10j', W, '2026-11-28'),
  fr('demain 9h30', W, '2026-11-19T09:30'),
  fr('+2 14h', W, '2026-11-20T14:00'),
  fr('25/11 à 10h', W, '2026-11-25T10:00'),
  fr('mercredi', W, '2026-11-25', { why: 'a weekday named on that weekday is next week’s' }),
  fr("aujourd'hui", W, '2026-11-18'),
  fr('2026-11-25 14:30', W, '2026-11-25T14:30'),
  // Spelling as it comes: capitals, no accents, no apostrophe, no spaces, a slip.
  fr('aujourdhui', W, '2026-11-18'),
  fr('Apres-demain', W, '2026-11-20'),
  fr('apres demain', W, '2026-11-20'),
  fr('DEMAIN', W, '2026-11-19'),
  fr('7 decembre', W, '2026-12-07'),
  fr('7 déc.', W, '2026-12-07'),
  fr('Lundi 30 Novembre', W, '2026-11-30'),
  fr('demain10h', W, '2026-11-19T10:00'),
  fr('  demain   à  10h ', W, '2026-11-19T10:00'),
  fr('vendedi', W, '2026-11-20', { why: 'one letter left out' }),
  // Days of the month.
  fr('le 1er décembre', W, '2026-12-01'),
  fr('1er décembre', W, '2026-12-01'),
  fr('le premier', W, '2026-12-01'),
  fr('mardi 1er décembre', W, '2026-12-01'),
  fr('le 30 novembre 2026', W, '2026-11-30'),
  fr('30/11/2026', W, '2026-11-30'),
  fr('le 15 à 14h', W, '2026-12-15T14:00'),
  fr('fin du mois', W, '2026-11-30'),
  // Times.
  fr('à 14h', W, '2026-11-18T14:00', { want: 'dayTime' }),
  fr('à 9h', W, '2026-11-19T09:00', { want: 'dayTime', why: '9:00 has passed today: tomorrow’s' }),
  fr('demain 9 h 30', W, '2026-11-19T09:30'),
  fr('demain 9:30', W, '2026-11-19T09:30'),
  fr('demain 9.30', W, '2026-11-19T09:30'),
  fr('demain 15 h', W, '2026-11-19T15:00'),
  fr('14h demain', W, '2026-11-19T14:00'),
  fr('demain vers 14h', W, '2026-11-19T14:00'),
  fr('demain matin à 9h', W, '2026-11-19T09:00'),
  fr("demain après-midi à 3h", W, '2026-11-19T15:00'),
  fr('ce soir à 20h', W, '2026-11-18T20:00'),
  fr('jeudi à minuit', W, '2026-11-19T23:59', { also: ['2026-11-20T00:00'], why: 'midnight ends the day it is said with' }),
  fr('vendredi midi et demi', W, '2026-11-20T12:30'),
  // Weekdays.
  fr('ce vendredi', W, '2026-11-20'),
  fr('vendredi prochain', W, '2026-11-20', { also: ['2026-11-27'] }),
  fr('d’ici vendredi', W, '2026-11-20'),
  fr('lundi en huit', W, '2026-11-30', { why: 'the Monday after next' }),
  fr('vendredi de la semaine prochaine', W, '2026-11-27'),
  fr('samedi à 14h', S, '2026-11-28T14:00'),
  fr('dimanche', S, '2026-11-29'),
  fr('ce dimanche', S, '2026-11-22'),
  fr('lundi', S, '2026-11-23'),
  fr('le 22', S, '2026-11-22'),
  fr('le 21', S, '2026-12-21'),
  // Delays.
  fr('dans une semaine', W, '2026-11-25'),
  fr('dans 2 semaines', W, '2026-12-02'),
  fr('dans huit jours', W, '2026-11-25', { why: '« huit jours » is a week in French' }),
  fr('dans quinze jours', W, '2026-12-02', { why: '« quinze jours » is two weeks' }),
  fr('sous 48 h', W, '2026-11-20', { want: 'day' }),
  fr('dans 3 jours ouvrés', W, '2026-11-23'),
  fr('dans 3 jours à 14h', W, '2026-11-21T14:00'),
  // Across the year end.
  fr('31/12', Y, '2026-12-31'),
  fr('le 5 janvier', Y, '2027-01-05'),
  fr('le 3', Y, '2027-01-03'),
  fr('2/1', Y, '2027-01-02'),
  fr('1er janvier', Y, '2027-01-01'),
  fr('vendredi 1er janvier', Y, '2027-01-01'),
  fr('demain minuit', Y, '2026-12-30T23:59', { also: ['2026-12-31T00:00'] }),
  fr('midi', Y, '2026-12-30T12:00', { want: 'dayTime', why: 'noon has passed today: tomorrow’s' }),
  // Refused, each for its reason.
  fr('hier', W, refuse('past')),
  fr('12/11', W, refuse('past'), { why: 'last Thursday: a slip, not next year' }),
  fr('2026-11-10', W, refuse('past')),
  fr('lundi dernier', W, refuse('past')),
  fr('il y a 2 jours', W, refuse('past')),
  fr("aujourd'hui 9h", W, refuse('past'), { want: 'dayTime' }),
  fr('lundi 8/12', W, refuse('weekdayMismatch')),
  fr('31/11', W, refuse('noSuchDate')),
  fr('30 février', W, refuse('noSuchDate')),
  fr('demain 25h', W, refuse('noSuchTime')),
  fr('la semaine prochaine', W, refuse('vague')),
  fr('bientôt', W, refuse('vague')),
  fr('vendredi', W, refuse('needsTime'), { want: 'dayTime' }),
  fr('vendredi 10h', W, '2026-11-20', { want: 'day', why: 'a day asked for: the day kept, the time set aside and said so' }),
  fr("n'importe quand", W, refuse('unreadable')),
  // Written after the reader, as a check on phrases it was not built against (see the README's "Dates").
  fr('jeudi prochain à 9h', W, '2026-11-19T09:00', { also: ['2026-11-26T09:00'] }),
  fr('mardi 24 novembre à 15h', W, '2026-11-24T15:00'),
  fr('le mardi 24', W, '2026-11-24'),
  fr('24 nov', W, '2026-11-24'),
  fr('24/11 14h', W, '2026-11-24T14:00'),
  fr('24/11/26 à 9h', W, '2026-11-24T09:00'),
  fr('demain 8h', W, '2026-11-19T08:00'),
  fr('Demain A 10H', W, '2026-11-19T10:00'),
  fr('demain à 10 heures', W, '2026-11-19T10:00'),
  fr('demain à 10h00', W, '2026-11-19T10:00'),
  fr('après demain 17h', W, '2026-11-20T17:00'),
  fr('vendredi 20', W, '2026-11-20'),
  fr('ven. 20 nov.', W, '2026-11-20'),
  fr('le 2 décembre à 9h30', W, '2026-12-02T09:30'),
  fr("d'ici le 30", W, '2026-11-30'),
  fr('pour lundi', W, '2026-11-23'),
  fr('dans 10 jours', W, '2026-11-28'),
  fr('dans un mois', W, '2026-12-18'),
  fr('lundi 23', W, '2026-11-23'),
  fr('samedi matin', W, '2026-11-21', { want: 'day' }),
  fr('jeudi 17h30', W, '2026-11-19T17:30'),
  fr('mercredi prochain', W, '2026-11-25'),
  fr('dans 2 jours à 9h', W, '2026-11-20T09:00'),
  fr('15h', W, '2026-11-18T15:00', { want: 'dayTime' }),
  fr('1/12', W, '2026-12-01'),
  fr('mardi 25/11', W, refuse('weekdayMismatch')),
  fr('32/12', W, refuse('noSuchDate')),
  fr('ce matin', W, refuse('needsTime'), { want: 'dayTime' }),
  // A part of the day said with its start, middle or end, as a call is set on the phone.
  fr('mardi en fin de matinée', W, refuse('needsTime'), { want: 'dayTime' }),
  fr('mardi en fin de matinée vers 11h', W, '2026-11-24T11:00'),
  fr("demain en début d'après-midi à 2h", W, '2026-11-19T14:00'),
  fr('vendredi en fin de journée', W, '2026-11-20', { want: 'day' }),
  fr('lundi en fin de journée à 6h', W, '2026-11-23T18:00'),
  fr('avant-hier', W, refuse('past')),
  fr('demain 14h70', W, refuse('noSuchTime')),
];

export const ENGLISH: readonly Phrase[] = [
  // The forms issue 15 names.
  en('January 15', W, '2027-01-15'),
  en('15 January', W, '2027-01-15'),
  en('in 3 days', W, '2026-11-21'),
  en('the day after tomorrow', W, '2026-11-20'),
  en('next friday', W, '2026-11-20', { also: ['2026-11-27'] }),
  en('tomorrow at 4pm', W, '2026-11-19T16:00'),
  en('next monday 9:30', W, '2026-11-23T09:30', { also: ['2026-11-30T09:30'] }),
  en('in 2 days at 10am', W, '2026-11-20T10:00'),
  en('Dec 11', W, '2026-12-11'),
  en('tomorrow 4pm', W, '2026-11-19T16:00'),
  en('friday noon', W, '2026-11-20T12:00'),
  // What worked before must keep working.
  en('2026-11-25', W, '2026-11-25'),
  en('25/11', W, '2026-11-25'),
  en('+3', W, '2026-11-21'),
  en('tomorrow', W, '2026-11-19'),
  en('Friday', W, '2026-11-20'),
  en('today', W, '2026-11-18'),
  en('Monday 9:30', W, '2026-11-23T09:30'),
  en('tomorrow 2pm', W, '2026-11-19T14:00'),
  en('2026-11-25T08:05', W, '2026-11-25T08:05'),
  en('wednesday', W, '2026-11-25'),
  // Spelling as it comes.
  en('Tomorrow At 10AM', W, '2026-11-19T10:00'),
  en('tomorow', W, '2026-11-19', { why: 'one letter left out' }),
  en('thursdy', W, '2026-11-19'),
  en('DEC 11', W, '2026-12-11'),
  en('tomorrow4pm', W, '2026-11-19T16:00'),
  // Days of the month.
  en('the 3rd', W, '2026-12-03'),
  en('the 1st', W, '2026-12-01'),
  en('on the 15th', W, '2026-12-15'),
  en('December 7th', W, '2026-12-07'),
  en('7th December', W, '2026-12-07'),
  en('the 7th of December', W, '2026-12-07'),
  en('Monday 7 December', W, '2026-12-07'),
  en('Monday, December 7', W, '2026-12-07'),
  en('Thursday 26 November 2026', W, '2026-11-26'),
  en('26 Nov 2026', W, '2026-11-26'),
  en('Nov 26, 2026', W, '2026-11-26'),
  en('end of the month', W, '2026-11-30'),
  en('the 22nd', S, '2026-11-22'),
  // Times.
  en('tomorrow at 9', W, '2026-11-19T09:00'),
  en('tomorrow at 3', W, '2026-11-19T15:00', { also: ['2026-11-19T03:00'], why: 'a call "at 3" is in the afternoon' }),
  en('tomorrow 4 pm', W, '2026-11-19T16:00'),
  en('tomorrow 4.30pm', W, '2026-11-19T16:30'),
  en('tomorrow at 16:00', W, '2026-11-19T16:00'),
  en('tomorrow noon', W, '2026-11-19T12:00'),
  en('noon', W, '2026-11-18T12:00', { want: 'dayTime' }),
  en('tomorrow midnight', W, '2026-11-19T23:59', { also: ['2026-11-20T00:00'] }),
  en('tomorrow morning at 9', W, '2026-11-19T09:00'),
  en('tomorrow at 9 in the morning', W, '2026-11-19T09:00'),
  en('this evening at 7', W, '2026-11-18T19:00'),
  en('tonight at 8', W, '2026-11-18T20:00'),
  en('friday at 2.30pm', W, '2026-11-20T14:30'),
  en('dec 11 at 3pm', W, '2026-12-11T15:00'),
  en('4pm tomorrow', W, '2026-11-19T16:00'),
  en('at 4pm on Friday', W, '2026-11-20T16:00'),
  en('friday at 10 a.m.', W, '2026-11-20T10:00'),
  // Weekdays.
  en('this friday', W, '2026-11-20'),
  en('friday next week', W, '2026-11-27'),
  en('by friday', W, '2026-11-20'),
  en('this sunday', S, '2026-11-22'),
  en('Sunday', S, '2026-11-29'),
  en('next tuesday', S, '2026-11-24', { also: ['2026-12-01'] }),
  // Delays.
  en('in a week', W, '2026-11-25'),
  en('in 2 weeks', W, '2026-12-02'),
  en('a week from now', W, '2026-11-25'),
  en('3 days from now', W, '2026-11-21'),
  en('within 48 hours', W, '2026-11-20', { want: 'day' }),
  en('in 3 business days', W, '2026-11-23'),
  // Across the year end.
  en('Dec 31', Y, '2026-12-31'),
  en('Jan 5', Y, '2027-01-05'),
  en('the 3rd', Y, '2027-01-03'),
  en('January 1st', Y, '2027-01-01'),
  en('Friday January 1', Y, '2027-01-01'),
  en('noon', Y, '2026-12-30T12:00', { want: 'dayTime' }),
  // US order.
  en('12/11', W, '2026-12-11', { order: 'mdy' }),
  en('11/25', W, '2026-11-25', { order: 'mdy' }),
  en('25/11', W, '2026-11-25', { order: 'mdy', why: '25 cannot be a month' }),
  en('12/11/2026', W, '2026-12-11', { order: 'mdy' }),
  // Refused, each for its reason.
  en('yesterday', W, refuse('past')),
  en('12/11', W, refuse('past')),
  en('last tuesday', W, refuse('past')),
  en('2 days ago', W, refuse('past')),
  en('today 9am', W, refuse('past'), { want: 'dayTime' }),
  en('Monday 8 December', W, refuse('weekdayMismatch')),
  en('31/11', W, refuse('noSuchDate')),
  en('February 30', W, refuse('noSuchDate')),
  en('tomorrow at 25:00', W, refuse('noSuchTime')),
  en('next week', W, refuse('vague')),
  en('soon', W, refuse('vague')),
  en('friday', W, refuse('needsTime'), { want: 'dayTime' }),
  en('friday 2pm', W, '2026-11-20', { want: 'day', why: 'a day asked for: the day kept, the time set aside and said so' }),
  en('whenever', W, refuse('unreadable')),
  // Written after the reader, as a check on phrases it was not built against (see the README's "Dates").
  en('next thursday at 9am', W, '2026-11-19T09:00', { also: ['2026-11-26T09:00'] }),
  en('Tuesday 24 November at 3pm', W, '2026-11-24T15:00'),
  en('Tuesday the 24th', W, '2026-11-24'),
  en('24 Nov', W, '2026-11-24'),
  en('24/11 2pm', W, '2026-11-24T14:00'),
  en('tomorrow 8am', W, '2026-11-19T08:00'),
  en('TOMORROW 10AM', W, '2026-11-19T10:00'),
  en("tomorrow at 10 o'clock", W, '2026-11-19T10:00'),
  en('tomorrow at 10:00', W, '2026-11-19T10:00'),
  en('day after tomorrow at 5pm', W, '2026-11-20T17:00'),
  en('friday the 20th', W, '2026-11-20'),
  en('Fri 20 Nov', W, '2026-11-20'),
  en('December 2nd at 9:30', W, '2026-12-02T09:30'),
  en('by the 30th', W, '2026-11-30'),
  en('for monday', W, '2026-11-23'),
  en('in 10 days', W, '2026-11-28'),
  en('in a month', W, '2026-12-18'),
  en('monday the 23rd', W, '2026-11-23'),
  en('saturday morning', W, '2026-11-21', { want: 'day' }),
  en('thursday 5:30pm', W, '2026-11-19T17:30'),
  en('next wednesday', W, '2026-11-25', { also: ['2026-12-02'] }),
  en('in two days at 9', W, '2026-11-20T09:00'),
  en('3pm', W, '2026-11-18T15:00', { want: 'dayTime' }),
  en('12/1', W, '2026-12-01', { order: 'mdy' }),
  en('Tuesday 25 November', W, refuse('weekdayMismatch')),
  en('32/12', W, refuse('noSuchDate')),
  en('this morning', W, refuse('needsTime'), { want: 'dayTime' }),
  // A part of the day said with its start, middle or end, as a call is set on the phone.
  en('tuesday late morning', W, refuse('needsTime'), { want: 'dayTime' }),
  en('tomorrow early afternoon at 2', W, '2026-11-19T14:00'),
  en('friday end of day', W, '2026-11-20', { want: 'day' }),
  en('monday mid-morning at 10', W, '2026-11-23T10:00'),
  en('the day before yesterday', W, refuse('past')),
  en('tomorrow at 14:70', W, refuse('noSuchTime')),
];

export const PHRASES: readonly Phrase[] = [...FRENCH, ...ENGLISH];
