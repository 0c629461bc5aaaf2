import { catalogue } from '../i18n/catalogue.js';

/** Problems of any YAML file calmclient reads: playbooks, answers files, rules, tips. */
export const m = catalogue({
  syntax: { en: 'YAML syntax: {detail}', fr: 'syntaxe YAML : {detail}' },
  unknownField: { en: 'unknown field "{key}"', fr: 'champ « {key} » inconnu' },
  missingField: { en: 'missing field "{key}"', fr: 'champ « {key} » manquant' },
  control: {
    en: 'a control character ({char}) in this text: refused. Remove it (or the escape that makes it, such as "\\0" or "\\e")',
    fr: 'un caractère de contrôle ({char}) dans ce texte : refusé. Retirez-le (ou l\'échappement qui le produit, comme « \\0 » ou « \\e »)',
  },
});
