import { defineMessages } from '../i18n.js';

/** Help texts of `calmclient check`, read by cli.ts when it registers the command. */
export const checkHelp = defineMessages(
  {
    'check.description':
      'Read a reply draft before you send it: the words that make an unhappy client angrier, and what to write instead.',
    'check.file': 'the draft to check; - or nothing reads it from standard input',
    'check.lang': 'language of the draft: fr, en or auto (guessed from the text)',
    'check.format': 'text (for people) or json (for scripts and editors)',
    'check.rules': 'a rules file of your own, added to the built-in rules (see docs/check.md)',
    'check.date': 'the day the draft is written (default today): earlier dates in it are past, not a next step',
    'check.notes':
      'Silence one rule in a draft with a line of its own: <!-- calmclient-ignore: rule-id -->\nLines starting with > (the client\'s own words, quoted) are not checked.\nExit status: 0 nothing found, 1 findings, 2 bad usage or a bad file.',
  },
  {
    'check.description':
      'Relire un brouillon de réponse avant de l\'envoyer : les mots qui fâchent un client mécontent, et quoi écrire à la place.',
    'check.file': 'le brouillon à vérifier ; - ou rien le lit sur l\'entrée standard',
    'check.lang': 'langue du brouillon : fr, en ou auto (devinée d\'après le texte)',
    'check.format': 'text (pour les humains) ou json (pour les scripts et les éditeurs)',
    'check.rules': 'un fichier de règles à vous, ajouté aux règles intégrées (voir docs/check.md)',
    'check.date': 'le jour où le brouillon est écrit (par défaut aujourd\'hui) : les dates antérieures sont passées, pas une prochaine étape',
    'check.notes':
      'Faites taire une règle dans un brouillon avec une ligne à part : <!-- calmclient-ignore: id-de-la-règle -->\nLes lignes qui commencent par > (les mots du client, cités) ne sont pas vérifiées.\nCode de sortie : 0 rien à signaler, 1 des remarques, 2 mauvais usage ou fichier invalide.',
  },
);
