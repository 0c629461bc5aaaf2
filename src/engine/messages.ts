import { catalogue } from '../i18n/catalogue.js';

/** Why an answer is refused, typed at a prompt or read from an answers file (a date says why in src/dates/messages.ts). */
export const m = catalogue({
  required: { en: 'an answer is needed here', fr: 'une réponse est nécessaire ici' },
  expectString: { en: 'expected text', fr: 'un texte est attendu' },
  expectBoolean: { en: 'expected yes or no (true or false)', fr: 'oui ou non attendu (true ou false)' },
  expectList: { en: 'expected a list of values', fr: 'une liste de valeurs est attendue' },
  unknownChoice: { en: '"{value}" is not one of: {values}', fr: '« {value} » ne fait pas partie de : {values}' },
  tooLong: { en: 'this answer is longer than {max} characters', fr: 'cette réponse dépasse {max} caractères' },
});
