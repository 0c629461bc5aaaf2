import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../src/i18n/catalogue.js';
import { dateOrderFromEnv, dateOrderOfLocale } from '../../src/dates/locale.js';
import { explainReading, readDate, worthNoting, type ReadOptions } from '../../src/dates/read.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { QuestionStep } from '../../src/playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../../src/prompters/scripted.js';
import { FIXTURES } from '../helpers.js';

/** What the reader says of a date: understood, ambiguous, or refused and why. Wednesday 18 November 2026, 10:00. */
const now = new Date(2026, 10, 18, 10, 0);

function say(text: string, options: Partial<ReadOptions> = {}): string {
  const full: ReadOptions = { now, lang: 'en', order: 'dmy', future: true, ...options };
  return explainReading(readDate(text, full), full.lang, full.order);
}

describe('what the reader says', () => {
  it('asks for a time that falls in the part of the day typed, when a time is needed', () => {
    const needs = (text: string, lang: 'en' | 'fr'): string => say(text, { lang, want: 'dayTime' });
    expect(needs('mardi en fin de matinée', 'fr')).toBe(
      frenchSpacing('il faut aussi une heure : compris comme mardi 24 novembre 2026, sans heure ; ajoutez-la, par exemple « mardi en fin de matinée à 10h »'),
    );
    expect(needs("demain en début d'après-midi", 'fr')).toContain('à 15h');
    expect(needs('jeudi en fin de journée', 'fr')).toContain('à 18h');
    expect(needs('friday', 'en')).toBe('a time is needed too: read as Friday 20 November 2026, with no time; add one, e.g. "friday 10am"');
    expect(needs('tuesday early afternoon', 'en')).toContain('"tuesday early afternoon 3pm"');
    expect(needs('monday end of day', 'en')).toContain('"monday end of day 6pm"');
  });

  it('writes out what it understood', () => {
    expect(say('vendredi 14h30', { lang: 'fr' })).toBe('compris comme vendredi 20 novembre 2026 à 14\u00a0h\u00a030');
    expect(say('next monday 9:30')).toBe('read as Monday 23 November 2026 at 09:30');
  });

  it('reads 12/11 by the locale, says which way, and what to type for the other', () => {
    expect(say('12/12')).toBe('read as Saturday 12 December 2026');
    expect(say('7/12')).toBe('read as Monday 7 December 2026 (day first); type 2027-07-12 for Monday 12 July 2027');
    expect(say('12/11', { order: 'mdy' })).toBe('read as Friday 11 December 2026 (month first, as in US English); type 2026-11-12 for Thursday 12 November 2026');
    expect(say('25/11', { order: 'mdy' })).toBe('read as Wednesday 25 November 2026 (25 cannot be a month)');
    expect(say('1/12 14h', { lang: 'fr' })).toBe(
      frenchSpacing('compris comme mardi 1 décembre 2026 à 14\u00a0h (le jour en premier) ; tapez 2027-01-12 14:00 pour mardi 12 janvier 2027 à 14\u00a0h'),
    );
  });

  it('refuses a past date and says what it understood', () => {
    expect(say('12/11')).toBe('this date is in the past: read as Thursday 12 November 2026 (day first); type 2026-12-11 for Friday 11 December 2026');
    expect(say('hier 10h', { lang: 'fr' })).toBe(frenchSpacing('cette date est passée : compris comme mardi 17 novembre 2026 à 10\u00a0h'));
    expect(say('today 9am', { want: 'dayTime' })).toBe('this time has already passed: read as Wednesday 18 November 2026 at 09:00');
  });

  it('says when a time is missing, or set aside where only the day is asked', () => {
    expect(say('le 7', { lang: 'fr', want: 'dayTime' })).toBe(
      frenchSpacing('il faut aussi une heure : compris comme lundi 7 décembre 2026, sans heure ; ajoutez-la, par exemple « le 7 à 10h »'),
    );
    expect(say('friday 2pm', { want: 'day' })).toBe('read as Friday 20 November 2026 (the day only: no time is kept here)');
    expect(say('vendredi 10h', { lang: 'fr', want: 'day' })).toBe(frenchSpacing('compris comme vendredi 20 novembre 2026 (le jour seulement : l’heure n’est pas retenue ici)'));
  });

  it('refuses a weekday that disagrees with its date, and dates and times that do not exist', () => {
    expect(say('lundi 8/12', { lang: 'fr' })).toBe(frenchSpacing('lundi ne correspond pas : le 8 décembre 2026 est un mardi'));
    expect(say('Monday 8 December')).toBe('Monday does not match: 8 December 2026 is a Tuesday');
    expect(say('31/11')).toBe('there is no 31 November');
    expect(say('29 février 2027', { lang: 'fr' })).toBe(frenchSpacing('il n’y a pas de 29 février 2027'));
    expect(say('13/13')).toBe('there is no month 13');
    expect(say('le 32', { lang: 'fr' })).toBe(frenchSpacing('aucune date reconnue dans « le 32 »'));
    expect(say('tomorrow 25:00')).toBe('25:00 is not a time of day');
  });

  it('tells a span from a day, and gives examples when nothing was recognised and no question shows them', () => {
    expect(say('la semaine prochaine', { lang: 'fr' })).toBe(frenchSpacing('« la semaine prochaine » n’est pas un jour précis : nommez le jour'));
    expect(say('in December')).toBe('"in December" is not one precise day: name the day');
    expect(say('whenever')).toBe('no date recognised in "whenever"');
    const reading = readDate('whenever', { now, lang: 'en', order: 'dmy' });
    expect(explainReading(reading, 'en', 'dmy', 'dayTime')).toBe('no date recognised in "whenever": write it (e.g. tomorrow 10am, friday 14:30, the 7th at 9:00)');
  });

  it('is worth a note in a scripted run when read from words or from a number that reads two ways', () => {
    const noted = (text: string, order: 'dmy' | 'mdy' = 'dmy') => {
      const reading = readDate(text, { now, lang: 'en', order });
      return reading.ok && worthNoting(reading.understood);
    };
    expect(['next friday', 'le 7', '12/11', '25/11'].map((text) => noted(text))).toEqual([true, true, true, false]);
    expect(noted('25/11', 'mdy')).toBe(true);
    expect(['2026-11-25', '+3', '25/11/2026'].map((text) => noted(text))).toEqual([false, false, false]);
  });
});

describe('the order of day and month, from the locale', () => {
  it.each([
    ['fr_FR.UTF-8', 'dmy'],
    ['en_GB.UTF-8', 'dmy'],
    ['en_IE@euro', 'dmy'],
    ['en_US.UTF-8', 'mdy'],
    ['en-US', 'mdy'],
    ['en_PH.UTF-8', 'mdy'],
    ['de_CH', 'dmy'],
    ['en', undefined],
    ['C.UTF-8', undefined],
    ['POSIX', undefined],
    ['', undefined],
  ] as const)('%s → %s', (locale, order) => expect(dateOrderOfLocale(locale)).toBe(order));

  it('takes LC_ALL, then LC_TIME, then LANG, the first one set, and day first when they say nothing', () => {
    expect(dateOrderFromEnv({ LC_ALL: 'en_US.UTF-8', LC_TIME: 'fr_FR.UTF-8' })).toBe('mdy');
    expect(dateOrderFromEnv({ LC_ALL: '', LC_TIME: 'en_GB.UTF-8', LANG: 'en_US.UTF-8' })).toBe('dmy');
    expect(dateOrderFromEnv({ LANG: 'en_US.UTF-8' })).toBe('mdy');
    expect(dateOrderFromEnv({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('dmy');
    expect(dateOrderFromEnv({})).toBe('dmy');
  });
});

describe('a scripted run', () => {
  const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
  const deadline = mini.steps.find((step) => step.id === 'deadline') as QuestionStep;

  it('notes a date read from words or an ambiguous number, and says nothing of an ISO date', async () => {
    const notes: string[] = [];
    const ask = async (value: string) => {
      const file = AnswersFile.parse('answers.yaml', `deadline: "${value}"\n`, 'en');
      return new ScriptedPrompter(file, now, 'en', { dateOrder: 'dmy', note: (line) => notes.push(line) }).ask(deadline);
    };
    expect(await ask('12/12')).toBe('2026-12-12');
    expect(await ask('2026-12-11')).toBe('2026-12-11');
    expect(notes).toEqual([]);
    expect(await ask('7/12')).toBe('2026-12-07');
    expect(await ask('next friday')).toBe('2026-11-20');
    expect(notes).toEqual([
      'deadline: "7/12" read as Monday 7 December 2026 (day first); type 2027-07-12 for Monday 12 July 2027',
      'deadline: "next friday" read as Friday 20 November 2026',
    ]);
  });

  it('gives the examples with an unreadable date, since no question shows them', async () => {
    const file = AnswersFile.parse('answers.yaml', 'deadline: "someday soon-ish"\n', 'en');
    const prompter = new ScriptedPrompter(file, now, 'en', { dateOrder: 'dmy', note: () => undefined });
    expect(await prompter.ask(deadline)).toBeUndefined();
    expect(prompter.problems[0]?.message).toMatch(/^deadline: /);
    expect(prompter.problems[0]?.message).toMatch(/is not one precise day|\(e\.g\. friday, the 7th, 15 January, in 3 days\)/);
  });
});
