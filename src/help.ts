import { catalogue } from './i18n/catalogue.js';

/**
 * What `--help` says: the description of every command, option and argument, the section titles
 * commander writes, and the messages of the top level (cli.ts). Kept apart from the commands, so
 * that `--help` loads none of them.
 */
export const help = catalogue({
  appDescription: {
    en: 'A calm coach for freelancers and consultants facing an unhappy client.',
    fr: 'Un coach posé pour les indépendants et consultants face à un client mécontent.',
  },
  appLang: {
    en: 'language of the coaching and messages: fr or en',
    fr: 'langue du coaching et des messages : fr ou en',
  },
  helpExamples: { en: 'Examples:', fr: 'Exemples :' },
  helpUsage: { en: 'Usage:', fr: 'Utilisation :' },
  helpOptions: { en: 'Options:', fr: 'Options :' },
  helpCommands: { en: 'Commands:', fr: 'Commandes :' },
  helpArguments: { en: 'Arguments:', fr: 'Arguments :' },
  helpGlobalOptions: { en: 'Global options:', fr: 'Options globales :' },
  helpChoices: { en: 'choices: {values}', fr: 'choix : {values}' },
  helpDefault: { en: 'default: {value}', fr: 'par défaut : {value}' },
  helpHelp: { en: 'show help for a command', fr: 'afficher l\'aide d\'une commande' },
  // Commander's own errors, said in the language of the run (cli.ts `commanderError`).
  errorPrefix: { en: 'error: {message}', fr: 'erreur : {message}' },
  errorUnknownOption: { en: 'unknown option \'{option}\'', fr: 'option inconnue « {option} »' },
  errorUnknownCommand: { en: 'unknown command \'{command}\'', fr: 'commande inconnue « {command} »' },
  errorDidYouMean: { en: '(Did you mean {names}?)', fr: '(vouliez-vous dire {names} ?)' },
  errorOr: { en: 'one of {names}', fr: 'l\'une de {names}' },
  errorMissingArgument: { en: 'missing required argument \'{name}\'', fr: 'argument obligatoire manquant : « {name} »' },
  errorOptionMissing: { en: 'option \'{option}\' argument missing', fr: 'l\'option « {option} » attend une valeur' },
  errorOptionInvalid: {
    en: 'option \'{option}\' argument \'{value}\' is invalid. {reason}',
    fr: 'valeur « {value} » refusée pour l\'option « {option} ». {reason}',
  },
  errorArgumentInvalid: {
    en: 'command-argument value \'{value}\' is invalid for argument \'{name}\'. {reason}',
    fr: 'valeur « {value} » refusée pour l\'argument « {name} ». {reason}',
  },
  errorAllowed: { en: 'Allowed choices are {values}.', fr: 'Choix possibles : {values}.' },
  errorTooMany: {
    en: 'too many arguments{where}. Expected {expected} but got {received}.',
    fr: 'trop d\'arguments{where} : {expected} attendu(s), {received} reçu(s).',
  },
  errorTooManyFor: { en: ' for \'{command}\'', fr: ' pour « {command} »' },
  helpVersion: { en: 'print the version', fr: 'afficher la version' },
  startDescription: {
    en: 'Walk through an unhappy client\'s call, then write a recap and an email draft.',
    fr: 'Traverser l\'appel d\'un client mécontent, puis écrire un compte rendu et un brouillon d\'e-mail.',
  },
  startClient: { en: 'the client\'s name', fr: 'le nom du client' },
  startPlaybook: {
    en: 'a playbook id (built-in or yours, see "playbooks list") or a playbook file',
    fr: 'l\'identifiant d\'un playbook (intégré ou à vous, voir « playbooks list ») ou un fichier de playbook',
  },
  startAnswers: {
    en: 'run without questions, from a YAML or JSON file of answers (step id: answer)',
    fr: 'exécuter sans questions, à partir d\'un fichier YAML ou JSON de réponses (id d\'étape : réponse)',
  },
  startOut: {
    en: 'folder for the recap and the email draft (default: the recaps folder of the data dir)',
    fr: 'dossier du compte rendu et du brouillon (par défaut : le dossier recaps des données)',
  },
  forgetDescription: {
    en: 'Delete everything about a client: session records, drafts, recaps, emails, calendar files.',
    fr: 'Effacer tout ce qui concerne un client : sessions, brouillons, comptes rendus, e-mails, fichiers d\'agenda.',
  },
  forgetClient: {
    en: 'the client\'s name, as in "calmclient history"',
    fr: 'le nom du client, comme dans « calmclient history »',
  },
  forgetYes: { en: 'do not ask for confirmation', fr: 'ne pas demander de confirmation' },
  historyDrafts: {
    en: 'only the unfinished sessions (drafts), with their age',
    fr: 'seulement les sessions inachevées (brouillons), avec leur âge',
  },
  resumeOption: {
    en: 'go on with an unfinished session: the one named, else the most recent',
    fr: 'reprendre une session inachevée : celle indiquée, sinon la plus récente',
  },
  tipsDescription: {
    en: 'Short cards for a glance during a call: the waltz, the four mistakes, the nine needs, phrases.',
    fr: 'Des fiches à consulter pendant un appel : la valse, les quatre erreurs, les neuf besoins, les formules.',
  },
  tipsTopic: { en: 'a topic id (without one: the list of topics)', fr: 'un thème (sans thème : la liste des thèmes)' },
  tipsJson: { en: 'print JSON', fr: 'sortie JSON' },
  playbooksDescription: {
    en: 'List, show and validate coaching playbooks.',
    fr: 'Lister, afficher et valider les playbooks de coaching.',
  },
  playbooksListDescription: {
    en: 'List the built-in playbooks and yours.',
    fr: 'Lister les playbooks intégrés et les vôtres.',
  },
  playbooksShowDescription: { en: 'Show the steps of a playbook.', fr: 'Afficher les étapes d\'un playbook.' },
  playbooksShowJson: {
    en: 'print JSON: every step with id, type, required and choice values',
    fr: 'sortie JSON : chaque étape avec id, type, caractère obligatoire et valeurs des choix',
  },
  playbooksValidateDescription: {
    en: 'Check playbook files and report every problem with its line and column.',
    fr: 'Vérifier des fichiers de playbook et signaler chaque problème avec sa ligne et sa colonne.',
  },
  langUnknown: {
    en: 'unknown language "{value}": use fr or en',
    fr: 'langue « {value} » inconnue : utilisez fr ou en',
  },
  errorUnexpected: {
    en: 'Unexpected error: {message}. This is a bug in calmclient; please report it with the command you ran.',
    fr: 'Erreur inattendue : {message}. C\'est un bogue de calmclient ; signalez-le avec la commande lancée.',
  },
  optionQuiet: {
    en: 'print only results and errors: no headers, hints or progress',
    fr: 'n\'afficher que les résultats et les erreurs : ni en-têtes, ni conseils, ni progression',
  },
  startFormat: {
    en: 'email files to write: md (markdown draft), eml (a draft your mail client opens), or both',
    fr: 'fichiers d\'e-mail à écrire : md (brouillon markdown), eml (brouillon que votre messagerie ouvre) ou both (les deux)',
  },
  playbooksListJson: {
    en: 'print JSON: one object per playbook, with its source and, when invalid, its first problem',
    fr: 'sortie JSON : un objet par playbook, avec sa source et, s\'il est invalide, son premier problème',
  },
  playbooksNewDescription: {
    en: 'Write a commented starter playbook in your playbooks folder, to edit and run.',
    fr: 'Écrire un playbook de départ commenté dans votre dossier de playbooks, à modifier puis lancer.',
  },
  playbooksNewId: {
    en: 'the new playbook\'s id: lowercase letters, digits or -',
    fr: 'l\'identifiant du nouveau playbook : minuscules, chiffres ou -',
  },
  playbooksNewKind: {
    en: 'crisis, prevention or followup',
    fr: 'crisis (crise), prevention (prévention) ou followup (suivi)',
  },
  completionDescription: {
    en: 'Print a shell completion script for calmclient.',
    fr: 'Afficher un script de complétion de calmclient pour le shell.',
  },
  completionShell: { en: 'bash, zsh or fish', fr: 'bash, zsh ou fish' },
  lessonsJson: {
    en: 'print JSON: one object per lesson, with its session id, client, kind and date',
    fr: 'sortie JSON : un objet par leçon, avec l\'id de sa session, le client, le type et la date',
  },
  checklistDescription: {
    en: 'Frame a mission before it starts: a framing document and an email that confirms it to the client.',
    fr: 'Cadrer une mission avant qu\'elle commence : un document de cadrage et un e-mail qui le confirme au client.',
  },
  checklistClient: {
    en: 'the client\'s name; their past incidents and lessons are shown first',
    fr: 'le nom du client ; ses incidents passés et les leçons tirées s\'affichent d\'abord',
  },
  checklistMission: {
    en: 'the mission\'s name, used in the documents',
    fr: 'le nom de la mission, repris dans les documents',
  },
  checklistPlaybook: {
    en: 'a built-in prevention playbook id or a playbook file',
    fr: 'l\'identifiant d\'un playbook de prévention intégré ou un fichier de playbook',
  },
  followupDescription: {
    en: 'Follow up on a crisis session: what was agreed, how it went, and the session\'s new status.',
    fr: 'Faire le suivi d\'une session de crise : ce qui était convenu, comment ça s\'est passé, et le nouveau statut.',
  },
  followupSession: {
    en: 'the crisis session to follow up (default: the open one; a list to pick from when several are open)',
    fr: 'la session de crise à suivre (par défaut : celle qui est ouverte ; une liste au choix s\'il y en a plusieurs)',
  },
  followupLang: {
    en: 'language of the follow-up (default: the crisis session\'s)',
    fr: 'langue du suivi (par défaut : celle de la session de crise)',
  },
  followupPlaybook: {
    en: 'a built-in follow-up playbook id or a playbook file',
    fr: 'l\'identifiant d\'un playbook de suivi intégré ou un fichier de playbook',
  },
  answers: {
    en: 'run without questions, from a YAML or JSON file of answers (step id: answer)',
    fr: 'exécuter sans questions, à partir d\'un fichier YAML ou JSON de réponses (id d\'étape : réponse)',
  },
  out: {
    en: 'folder for the documents (default: the recaps folder of the data dir)',
    fr: 'dossier des documents (par défaut : le dossier recaps des données)',
  },
  historyDescription: {
    en: 'List your sessions, newest first, with overdue promises and contacts highlighted.',
    fr: 'Lister vos sessions, des plus récentes aux plus anciennes, promesses et contacts en retard en évidence.',
  },
  historyClient: { en: 'only this client\'s sessions', fr: 'seulement les sessions de ce client' },
  historyStatus: {
    en: 'only sessions with this status: draft, open, resolved, escalated, lost or done',
    fr: 'seulement les sessions de ce statut : draft, open, resolved, escalated, lost ou done',
  },
  json: { en: 'print JSON for scripts', fr: 'sortie JSON pour les scripts' },
  showDescription: {
    en: 'Show one session in full: promise, next contact, lesson, files and answers.',
    fr: 'Afficher une session en entier : promesse, prochain contact, leçon, fichiers et réponses.',
  },
  showId: { en: 'a session id, or the start of one', fr: 'un id de session, ou son début' },
  showRef: {
    en: 'a session id, the start of one, or a client\'s name (several sessions match: they are listed)',
    fr: 'un id de session, son début, ou le nom d\'un client (si plusieurs sessions correspondent, elles sont listées)',
  },
  recapDescription: {
    en: 'Write a session\'s recap or email draft again, from its saved answers.',
    fr: 'Réécrire le compte rendu ou le brouillon d\'e-mail d\'une session, à partir de ses réponses enregistrées.',
  },
  recapFormat: {
    en: 'md: the recap; email: the email draft',
    fr: 'md : le compte rendu ; email : le brouillon d\'e-mail',
  },
  recapOut: {
    en: 'folder for the file (default: the recaps folder of the data dir)',
    fr: 'dossier du fichier (par défaut : le dossier recaps des données)',
  },
  lessonsDescription: {
    en: 'What you learned across sessions, newest first.',
    fr: 'Ce que vous avez appris, session après session, des plus récentes aux plus anciennes.',
  },
  lessonsClient: { en: 'only this client\'s lessons', fr: 'seulement les leçons de ce client' },
  checkDescription: {
    en: 'Read a reply draft before you send it: the words that make an unhappy client angrier, and what to write instead.',
    fr: 'Relire un brouillon de réponse avant de l\'envoyer : les mots qui fâchent un client mécontent, et quoi écrire à la place.',
  },
  checkFile: {
    en: 'the draft to check; - or nothing reads it from standard input',
    fr: 'le brouillon à vérifier ; - ou rien le lit sur l\'entrée standard',
  },
  checkLang: {
    en: 'language of the draft: fr, en or auto (guessed from the text)',
    fr: 'langue du brouillon : fr, en ou auto (devinée d\'après le texte)',
  },
  checkFormat: {
    en: 'text (for people) or json (for scripts and editors)',
    fr: 'text (pour les humains) ou json (pour les scripts et les éditeurs)',
  },
  checkRules: {
    en: 'a rules file of your own, added to the built-in rules (see docs/check.md)',
    fr: 'un fichier de règles à vous, ajouté aux règles intégrées (voir docs/check.md)',
  },
  checkDate: {
    en: 'the day the draft is written (default today): earlier dates in it are past, not a next step',
    fr: 'le jour où le brouillon est écrit (par défaut aujourd\'hui) : les dates antérieures sont passées, pas une prochaine étape',
  },
  checkNotes: {
    en: 'Silence one rule in a draft with a line of its own: <!-- calmclient-ignore: rule-id -->\nLines starting with > (the client\'s own words, quoted) are not checked.\nExit status: 0 nothing found, 1 findings, 2 bad usage or a bad file.',
    fr: 'Faites taire une règle dans un brouillon avec une ligne à part : <!-- calmclient-ignore: id-de-la-règle -->\nLes lignes qui commencent par > (les mots du client, cités) ne sont pas vérifiées.\nCode de sortie : 0 rien à signaler, 1 des remarques, 2 mauvais usage ou fichier invalide.',
  },
  configDescription: {
    en: 'Your profile (name, email, phone, signature) and your defaults (lang, out), as npm config and gh config manage theirs.',
    fr: 'Votre profil (nom, e-mail, téléphone, signature) et vos réglages par défaut (lang, out), à la manière de npm config et gh config.',
  },
  configSetDescription: {
    en: 'Set a key: name, email, phone, signature, lang (fr or en) or out (the default folder for documents).',
    fr: 'Définir une clé : name, email, phone, signature, lang (fr ou en) ou out (le dossier des documents par défaut).',
  },
  configGetDescription: {
    en: 'Print the value of a key (nothing when it is not set).',
    fr: 'Afficher la valeur d\'une clé (rien si elle n\'est pas définie).',
  },
  configUnsetDescription: { en: 'Remove a key.', fr: 'Supprimer une clé.' },
  configListDescription: { en: 'List the keys that are set, as key=value.', fr: 'Lister les clés définies, sous la forme clé=valeur.' },
  configKey: { en: 'name, email, phone, signature, lang or out', fr: 'name, email, phone, signature, lang ou out' },
  configValue: { en: 'the value (quote it when it holds spaces)', fr: 'la valeur (entre guillemets si elle contient des espaces)' },
  configJson: { en: 'print JSON: one object of the keys that are set', fr: 'sortie JSON : un objet des clés définies' },
  openOption: {
    en: 'open the email draft (.eml) in your mail client once it is written',
    fr: 'ouvrir le brouillon d\'e-mail (.eml) dans votre messagerie une fois écrit',
  },
  copyOption: {
    en: 'copy the email\'s text to the clipboard once it is written',
    fr: 'copier le texte de l\'e-mail dans le presse-papiers une fois écrit',
  },
});
