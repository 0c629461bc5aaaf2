import { catalogue } from '../i18n/catalogue.js';

/** Problems of any YAML file calmclient reads: playbooks, answers files, rules, tips. */
export const m = catalogue({
  syntax: { en: 'YAML syntax: {detail}', fr: 'syntaxe YAML : {detail}' },
  unknownField: { en: 'unknown field "{key}"', fr: 'champ « {key} » inconnu' },
  missingField: { en: 'missing field "{key}"', fr: 'champ « {key} » manquant' },
});
