import { catalogue } from '../i18n/catalogue.js';

/** What the date reader says about a date typed at a prompt or read from an answers file. */
export const dateMessages = catalogue({
  readAs: { en: 'read as {date}', fr: 'compris comme {date}' },
  dayFirst: { en: 'day first', fr: 'le jour en premier' },
  monthFirst: { en: 'month first, as in US English', fr: 'le mois en premier, à l’américaine' },
  ambiguous: { en: '{reading} ({order}); type {iso} for {other}', fr: '{reading} ({order}) ; tapez {iso} pour {other}' },
  swapped: { en: '{reading} ({number} cannot be a month)', fr: '{reading} ({number} ne peut pas être un mois)' },
  past: { en: 'this date is in the past: read as {date}', fr: 'cette date est passée : compris comme {date}' },
  pastTime: { en: 'this time has already passed: read as {date}', fr: 'cette heure est déjà passée : compris comme {date}' },
  needsTime: {
    en: 'a time is needed too: read as {date}, with no time; add one, e.g. "{typed} {time}"',
    fr: 'il faut aussi une heure : compris comme {date}, sans heure ; ajoutez-la, par exemple « {typed} à {time} »',
  },
  timeDropped: {
    en: '{reading} (the day only: no time is kept here)',
    fr: '{reading} (le jour seulement : l’heure n’est pas retenue ici)',
  },
  weekdayMismatch: {
    en: '{weekday} does not match: {date} is a {actual}',
    fr: '{weekday} ne correspond pas : le {date} est un {actual}',
  },
  noSuchDay: { en: 'there is no {date}', fr: 'il n’y a pas de {date}' },
  noSuchMonth: { en: 'there is no month {month}', fr: 'il n’y a pas de mois {month}' },
  noSuchDayOfMonth: { en: 'no month has a day {day}', fr: 'aucun mois n’a de jour {day}' },
  noSuchTime: { en: '{time} is not a time of day', fr: '{time} n’est pas une heure de la journée' },
  vague: { en: '"{words}" is not one precise day: name the day', fr: '« {words} » n’est pas un jour précis : nommez le jour' },
  unreadable: { en: 'no date recognised in "{typed}"', fr: 'aucune date reconnue dans « {typed} »' },
  unreadableWithExamples: {
    en: 'no date recognised in "{typed}": write it {examples}',
    fr: 'aucune date reconnue dans « {typed} » : écrivez-la {examples}',
  },
  /** The examples a date question shows once, next to the question; an unreadable answer in a file gets them too. */
  dayExamples: { en: '(e.g. friday, the 7th, 15 January, in 3 days)', fr: '(ex. vendredi, le 7, 15 janvier, dans 3 jours)' },
  dayTimeExamples: {
    en: '(e.g. tomorrow 10am, friday 14:30, the 7th at 9:00)',
    fr: '(ex. demain 10h, vendredi 14h30, le 7 à 9h)',
  },
  /** A scripted run's note on stderr for a date read from words or an ambiguous number. */
  note: { en: '{step}: "{typed}" read as {date}', fr: '{step} : « {typed} » compris comme {date}' },
});
