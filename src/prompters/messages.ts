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
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
  progress: { en: 'step {index}/{total}', fr: 'étape {index}/{total}' },
  resumedOne: {
    en: 'Resumed: 1 answer already given. Esc goes back to it.',
    fr: 'Reprise : 1 réponse déjà donnée. Échap pour y revenir.',
  },
  resumedMany: {
    en: 'Resumed: {count} answers already given. Esc goes back over them.',
    fr: 'Reprise : {count} réponses déjà données. Échap pour revenir dessus.',
  },
  editing: { en: 'The draft is open in your editor: save and close it to come back.', fr: 'Le brouillon est ouvert dans votre éditeur : enregistrez et fermez-le pour revenir.' },
  editorReceived: { en: 'Received', fr: 'Reçu' },
  editorLaunch: { en: 'Press Enter to open your editor again.', fr: 'Entrée pour rouvrir votre éditeur.' },
  keyMove: { en: 'move', fr: 'se déplacer' },
  keyChoose: { en: 'choose', fr: 'choisir' },
  keyTick: { en: 'tick', fr: 'cocher' },
  keyConfirm: { en: 'confirm', fr: 'valider' },
  keySpace: { en: 'space', fr: 'espace' },
  keyDetails: { en: 'reasons, examples', fr: 'raisons, exemples' },
  keyFold: { en: 'fold', fr: 'replier' },
  keyBack: { en: 'back', fr: 'retour' },
  keyEscape: { en: 'Esc', fr: 'Échap' },
  keyNewLine: { en: 'new line', fr: 'nouvelle ligne' },
  keyFinish: { en: 'done', fr: 'terminer' },
  keyGoOn: { en: 'go on', fr: 'continuer' },
  keyTab: { en: 'Tab', fr: 'Tab' },
  keyKeep: { en: 'type "{value}"', fr: 'taper « {value} »' },
  cancelled: { en: 'Cancelled. Nothing was written.', fr: 'Annulé. Rien n\'a été écrit.' },
  keyNavigate: { en: 'move', fr: 'se déplacer' },
  keySelect: { en: 'choose', fr: 'choisir' },
  keySubmit: { en: 'submit', fr: 'valider' },
  keyAll: { en: 'all', fr: 'tout' },
  keyInvert: { en: 'invert', fr: 'inverser' },
});
