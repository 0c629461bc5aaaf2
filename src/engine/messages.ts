import { catalogue } from '../i18n/catalogue.js';

/** Why an answer is refused, typed at a prompt or read from an answers file. */
export const m = catalogue({
  required: { en: 'an answer is needed here', fr: 'une réponse est nécessaire ici' },
  expectString: { en: 'expected text', fr: 'un texte est attendu' },
  expectBoolean: { en: 'expected yes or no (true or false)', fr: 'oui ou non attendu (true ou false)' },
  expectList: { en: 'expected a list of values', fr: 'une liste de valeurs est attendue' },
  unknownChoice: { en: '"{value}" is not one of: {values}', fr: '« {value} » ne fait pas partie de : {values}' },
  badDate: { en: 'expected a date such as {example}', fr: 'une date est attendue, par exemple {example}' },
  dayOnly: {
    en: 'only the day here, without a time, such as {example}',
    fr: 'ici, le jour seulement, sans heure : par exemple {example}',
  },
  badTime: {
    en: 'expected a date and a time such as {example}',
    fr: 'une date et une heure sont attendues, par exemple {example}',
  },
  pastDate: {
    en: 'this date is in the past; pick today or later',
    fr: 'cette date est passée ; choisissez aujourd\'hui ou plus tard',
  },
  tooLong: { en: 'this answer is longer than {max} characters', fr: 'cette réponse dépasse {max} caractères' },
});
