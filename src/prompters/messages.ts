import { catalogue } from '../i18n/catalogue.js';

/** What the prompts say: hints, progress, the cancel message, and the problems of an answers file. */
export const m = catalogue({
  clientQuestion: { en: 'Who is the client? (name or company)', fr: 'Qui est le client ? (nom ou entreprise)' },
  missingAnswers: {
    en: 'required answers missing in {file}: {ids}',
    fr: 'réponses obligatoires manquantes dans {file} : {ids}',
  },
  unknownStep: {
    en: 'unknown step id "{id}" in playbook "{playbook}"{hint}',
    fr: 'étape « {id} » inconnue dans le playbook « {playbook} »{hint}',
  },
  didYouMean: { en: ' (did you mean "{id}"?)', fr: ' (vouliez-vous dire « {id} » ?)' },
  notMapping: {
    en: 'an answers file must be a mapping of step id to answer',
    fr: 'un fichier de réponses associe un id d\'étape à une réponse',
  },
  continue: { en: 'Press Enter to go on', fr: 'Entrée pour continuer' },
  multilineHint: {
    en: '(several lines: an empty line finishes)',
    fr: '(plusieurs lignes : une ligne vide termine)',
  },
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
  progress: { en: 'step {index}/{total}', fr: 'étape {index}/{total}' },
  cancelled: { en: 'Cancelled. Nothing was written.', fr: 'Annulé. Rien n\'a été écrit.' },
  earlier: { en: 'Your earlier answers:', fr: 'Vos réponses précédentes :' },
  keyNavigate: { en: 'navigate', fr: 'se déplacer' },
  keySelect: { en: 'select', fr: 'choisir' },
  keySubmit: { en: 'submit', fr: 'valider' },
  keyAll: { en: 'all', fr: 'tout' },
  keyInvert: { en: 'invert', fr: 'inverser' },
});
