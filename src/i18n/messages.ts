import type { Lang } from '../types.js';


/**
 * The language of the CLI's own messages: `--lang`, then `CALMCLIENT_LANG`, then the locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`: a value starting with `fr` gives French), else English.
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag !== undefined) return parseLang(flag);
  const fromEnv = env.CALMCLIENT_LANG?.trim();
  if (fromEnv) return fromEnv.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]?.trim();
    if (value) return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
  return 'en';
}

export function parseLang(value: string): Lang {
  const lang = value.trim().toLowerCase();
  if (lang === 'fr' || lang === 'en') return lang;
  throw new LangError(value);
}

export class LangError extends Error {
  constructor(readonly value: string) {
    super(`unknown language "${value}"`);
  }
}

/** Pre-reads `--lang X` / `--lang=X` so that even `--help` speaks the user's language. */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') return argv[i + 1];
    if (arg?.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

const en = {
  'app.description': 'A calm coach for freelancers and consultants facing an unhappy client.',
  'app.lang': 'language of the coaching and messages: fr or en',
  'help.examples': 'Examples:',
  'help.usage': 'Usage:',
  'help.options': 'Options:',
  'help.commands': 'Commands:',
  'help.arguments': 'Arguments:',
  'help.globalOptions': 'Global options:',
  'help.help': 'show help for a command',
  'help.version': 'print the version',
  'start.description': 'Walk through an unhappy client\'s call, then write a recap and an email draft.',
  'start.client': 'the client\'s name',
  'start.playbook': 'a playbook id (built-in or yours, see "playbooks list") or a playbook file',
  'start.answers': 'run without questions, from a YAML or JSON file of answers (step id: answer)',
  'start.out': 'folder for the recap and the email draft (default: the recaps folder of the data dir)',
  'start.header': 'calmclient · {title}',
  'start.client.question': 'Who is the client? (name or company)',
  'start.client.missing': 'the client\'s name is missing: pass --client NAME or put "client: NAME" in the answers file',
  'start.wrongKind': 'playbook "{id}" is a {kind} playbook; "calmclient start" runs crisis playbooks',
  'start.written': 'Written:',
  'start.recap': 'recap',
  'start.email': 'email draft',
  'start.session': 'Session {id} saved.',
  'start.nextContact': 'Next contact: {date}.',
  'start.noTerminal':
    'no terminal to ask questions on. Run it in a terminal, or pass --answers FILE (see "calmclient start --help").',
  'answers.missing': 'required answers missing in {file}: {ids}',
  'answers.unknownStep': 'unknown step id "{id}" in playbook "{playbook}"{hint}',
  'answers.didYouMean': ' (did you mean "{id}"?)',
  'answers.notMapping': 'an answers file must be a mapping of step id to answer',
  'answer.required': 'an answer is needed here',
  'answer.expectString': 'expected text',
  'answer.expectBoolean': 'expected yes or no (true or false)',
  'answer.expectList': 'expected a list of values',
  'answer.unknownChoice': '"{value}" is not one of: {values}',
  'answer.badDate': 'expected a date such as {example}',
  'answer.dayOnly': 'only the day here, without a time, such as {example}',
  'answer.badTime': 'expected a date and a time such as {example}',
  'answer.pastDate': 'this date is in the past; pick today or later',
  'answer.tooLong': 'this answer is longer than {max} characters',
  'prompt.continue': 'Press Enter to go on',
  'prompt.multilineHint': '(several lines: an empty line finishes)',
  'prompt.dateHint': '(e.g. {example}, tomorrow, friday, +3)',
  'prompt.timeHint': '(e.g. {example}, tomorrow 9:30, friday 14:00)',
  'prompt.yes': 'yes',
  'prompt.no': 'no',
  'progress.step': 'step {index}/{total}',
  'cancelled': 'Cancelled. Nothing was written.',
  'cancelled.draft': 'Stopped. Your answers so far are saved in session {id}. To go on: calmclient {command} --resume {id}',
  'forget.description': 'Delete everything about a client: session records, drafts, recaps, emails, calendar files.',
  'forget.client': 'the client\'s name, as in "calmclient history"',
  'forget.yes': 'do not ask for confirmation',
  'review.title': 'Before you send the email, reread these words:',
  'history.drafts': 'only the unfinished sessions (drafts), with their age',
  'resume.option': 'go on with an unfinished session: the one named, else the most recent',
  'resume.none': 'no unfinished {kind} session to resume',
  'resume.wrongKind': 'session "{id}" is a {kind} session: resume it with the command that started it',
  'resume.notDraft': 'session "{id}" is finished ({status}): there is nothing to resume',
  'resume.earlier': 'Your earlier answers:',
  'tips.description': 'Short cards for a glance during a call: the waltz, the four mistakes, the nine needs, phrases.',
  'tips.topic': 'a topic id (without one: the list of topics)',
  'tips.json': 'print JSON',
  'playbooks.description': 'List, show and validate coaching playbooks.',
  'playbooks.list.description': 'List the built-in playbooks and yours.',
  'playbooks.show.description': 'Show the steps of a playbook.',
  'playbooks.show.json': 'print JSON: every step with id, type, required and choice values',
  'playbooks.validate.description': 'Check playbook files and report every problem with its line and column.',
  'playbooks.validate.ok': '{file}: valid ({count} steps)',
  'playbooks.validate.summary': '{bad} of {total} files have problems.',
  'playbooks.unknown': 'no playbook "{id}" in {lang}; known: {ids}',
  'playbooks.column.id': 'ID',
  'playbooks.column.kind': 'KIND',
  'playbooks.column.lang': 'LANG',
  'playbooks.column.steps': 'STEPS',
  'playbooks.column.title': 'TITLE',
  'playbook.yaml': 'YAML syntax: {detail}',
  'playbook.unknownType': 'unknown step type "{value}": expected one of {types}',
  'schema.snakeCase': 'must be snake_case: a lowercase letter, then lowercase letters, digits or _',
  'schema.empty': 'must not be empty',
  'schema.twoChoices': 'needs at least two choices',
  'schema.oneChoice': 'needs at least one choice',
  'schema.twoVerdicts': 'needs at least two verdicts',
  'schema.dateDefault': 'must be today, +Nd (days from today) or YYYY-MM-DD',
  'schema.playbookId': 'must be lowercase letters, digits or -',
  'schema.oneStep': 'needs at least one step',
  'playbooks.show.optional': '(optional)',
  'playbook.unknownField': 'unknown field "{key}"',
  'playbook.missingField': 'missing field "{key}"',
  'playbook.duplicateId': 'duplicate step id "{id}" (first used at line {line})',
  'playbook.whenUnknown': 'condition names step "{id}", which does not exist',
  'playbook.whenLater': 'condition names step "{id}", which comes later (or is this step): a condition can only look back',
  'playbook.whenValue': 'step "{id}" has no choice "{value}"; its choices are: {values}',
  'playbook.whenShape': 'a condition is one of {step, equals}, {step, in}, {step, includes}, {step, answered}, {not}, {all}, {any}',
  'playbook.defaultChoice': 'default "{value}" is not one of the choices: {values}',
  'playbook.duplicateChoice': 'duplicate choice value "{value}"',
  'playbook.reservedId': '"{id}" is a reserved name in templates; pick another step id',
  'playbook.templateFile': 'cannot read template file {file}',
  'playbook.templateSyntax': 'template syntax: {detail}',
  'playbook.templateName': 'template uses "{name}", which is not a step id or a known value',
  'playbook.verdictOrder': 'verdicts go by increasing "max"; the last one has no "max" (it catches every higher score)',
  'playbook.lang': 'playbook language is "{actual}" but it sits in the "{expected}" folder',
  'playbook.recordUnknown': 'record names step "{id}", which does not exist',
  'playbook.recordType': 'step "{id}" cannot be the {role}: it must be of type {types}',
  'playbook.recordStatus': 'the choices of step "{id}" must be session statuses: {values}',
  'file.notFound': 'file not found: {file}',
  'file.tooBig': '{file} is larger than {limit}: refused',
  'file.binary': '{file} is not a text file (invalid UTF-8 or binary)',
  'file.unreadable': 'cannot read {file}: {reason}',
  'out.notWritable': 'cannot write to {dir}: {reason}',
  'out.missing': 'the folder does not exist',
  'out.notDir': 'it is not a folder',
  'out.readOnly': 'the folder is read-only',
  'lang.unknown': 'unknown language "{value}": use fr or en',
  'usage.error': '{message}',
  'error.unexpected': 'Unexpected error: {message}. This is a bug in calmclient; please report it with the command you ran.',
  'value.yes': 'yes',
  'value.no': 'no',
  'date.at': '{date} at {time}',
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  'app.description': 'Un coach posé pour les indépendants et consultants face à un client mécontent.',
  'app.lang': 'langue du coaching et des messages : fr ou en',
  'help.examples': 'Exemples :',
  'help.usage': 'Utilisation :',
  'help.options': 'Options :',
  'help.commands': 'Commandes :',
  'help.arguments': 'Arguments :',
  'help.globalOptions': 'Options globales :',
  'help.help': 'afficher l\'aide d\'une commande',
  'help.version': 'afficher la version',
  'start.description': 'Traverser l\'appel d\'un client mécontent, puis écrire un compte rendu et un brouillon d\'e-mail.',
  'start.client': 'le nom du client',
  'start.playbook': 'l\'identifiant d\'un playbook (intégré ou à vous, voir « playbooks list ») ou un fichier de playbook',
  'start.answers': 'exécuter sans questions, à partir d\'un fichier YAML ou JSON de réponses (id d\'étape : réponse)',
  'start.out': 'dossier du compte rendu et du brouillon (par défaut : le dossier recaps des données)',
  'start.header': 'calmclient · {title}',
  'start.client.question': 'Qui est le client ? (nom ou entreprise)',
  'start.client.missing': 'le nom du client manque : passez --client NOM ou mettez « client: NOM » dans le fichier de réponses',
  'start.wrongKind': 'le playbook « {id} » est de type {kind} ; « calmclient start » exécute les playbooks de crise',
  'start.written': 'Fichiers écrits :',
  'start.recap': 'compte rendu',
  'start.email': 'brouillon d\'e-mail',
  'start.session': 'Session {id} enregistrée.',
  'start.nextContact': 'Prochain contact : {date}.',
  'start.noTerminal':
    'pas de terminal pour poser les questions. Lancez la commande dans un terminal, ou passez --answers FICHIER (voir « calmclient start --help »).',
  'answers.missing': 'réponses obligatoires manquantes dans {file} : {ids}',
  'answers.unknownStep': 'étape « {id} » inconnue dans le playbook « {playbook} »{hint}',
  'answers.didYouMean': ' (vouliez-vous dire « {id} » ?)',
  'answers.notMapping': 'un fichier de réponses associe un id d\'étape à une réponse',
  'answer.required': 'une réponse est nécessaire ici',
  'answer.expectString': 'un texte est attendu',
  'answer.expectBoolean': 'oui ou non attendu (true ou false)',
  'answer.expectList': 'une liste de valeurs est attendue',
  'answer.unknownChoice': '« {value} » ne fait pas partie de : {values}',
  'answer.badDate': 'une date est attendue, par exemple {example}',
  'answer.dayOnly': 'ici, le jour seulement, sans heure : par exemple {example}',
  'answer.badTime': 'une date et une heure sont attendues, par exemple {example}',
  'answer.pastDate': 'cette date est passée ; choisissez aujourd\'hui ou plus tard',
  'answer.tooLong': 'cette réponse dépasse {max} caractères',
  'prompt.continue': 'Entrée pour continuer',
  'prompt.multilineHint': '(plusieurs lignes : une ligne vide termine)',
  'prompt.dateHint': '(ex. {example}, demain, vendredi, +3)',
  'prompt.timeHint': '(ex. {example}, demain 9h30, vendredi 14h)',
  'prompt.yes': 'oui',
  'prompt.no': 'non',
  'progress.step': 'étape {index}/{total}',
  'cancelled': 'Annulé. Rien n\'a été écrit.',
  'cancelled.draft': 'Interrompu. Vos réponses sont enregistrées dans la session {id}. Pour reprendre : calmclient {command} --resume {id}',
  'forget.description': 'Effacer tout ce qui concerne un client : sessions, brouillons, comptes rendus, e-mails, fichiers d\'agenda.',
  'forget.client': 'le nom du client, comme dans « calmclient history »',
  'forget.yes': 'ne pas demander de confirmation',
  'review.title': 'Avant d\'envoyer le mail, relisez ces mots :',
  'history.drafts': 'seulement les sessions inachevées (brouillons), avec leur âge',
  'resume.option': 'reprendre une session inachevée : celle indiquée, sinon la plus récente',
  'resume.none': 'aucune session {kind} inachevée à reprendre',
  'resume.wrongKind': 'la session « {id} » est de type {kind} : reprenez-la avec la commande qui l\'a commencée',
  'resume.notDraft': 'la session « {id} » est terminée ({status}) : rien à reprendre',
  'resume.earlier': 'Vos réponses précédentes :',
  'tips.description': 'Des fiches à consulter pendant un appel : la valse, les quatre erreurs, les neuf besoins, les formules.',
  'tips.topic': 'un thème (sans thème : la liste des thèmes)',
  'tips.json': 'sortie JSON',
  'playbooks.description': 'Lister, afficher et valider les playbooks de coaching.',
  'playbooks.list.description': 'Lister les playbooks intégrés et les vôtres.',
  'playbooks.show.description': 'Afficher les étapes d\'un playbook.',
  'playbooks.show.json': 'sortie JSON : chaque étape avec id, type, caractère obligatoire et valeurs des choix',
  'playbooks.validate.description': 'Vérifier des fichiers de playbook et signaler chaque problème avec sa ligne et sa colonne.',
  'playbooks.validate.ok': '{file} : valide ({count} étapes)',
  'playbooks.validate.summary': '{bad} fichier(s) sur {total} posent problème.',
  'playbooks.unknown': 'aucun playbook « {id} » en {lang} ; connus : {ids}',
  'playbooks.column.id': 'ID',
  'playbooks.column.kind': 'TYPE',
  'playbooks.column.lang': 'LANGUE',
  'playbooks.column.steps': 'ÉTAPES',
  'playbooks.column.title': 'TITRE',
  'playbook.yaml': 'syntaxe YAML : {detail}',
  'playbook.unknownType': 'type d\'étape « {value} » inconnu : attendu l\'un de {types}',
  'schema.snakeCase': 'doit être en snake_case : une minuscule, puis des minuscules, chiffres ou _',
  'schema.empty': 'ne doit pas être vide',
  'schema.twoChoices': 'il faut au moins deux choix',
  'schema.oneChoice': 'il faut au moins un choix',
  'schema.twoVerdicts': 'il faut au moins deux verdicts',
  'schema.dateDefault': 'doit valoir today, +Nd (jours à partir d\'aujourd\'hui) ou AAAA-MM-JJ',
  'schema.playbookId': 'doit contenir des minuscules, chiffres ou -',
  'schema.oneStep': 'il faut au moins une étape',
  'playbooks.show.optional': '(facultative)',
  'playbook.unknownField': 'champ « {key} » inconnu',
  'playbook.missingField': 'champ « {key} » manquant',
  'playbook.duplicateId': 'id d\'étape « {id} » en double (déjà utilisé ligne {line})',
  'playbook.whenUnknown': 'la condition cite l\'étape « {id} », qui n\'existe pas',
  'playbook.whenLater': 'la condition cite l\'étape « {id} », qui vient après (ou est cette étape) : une condition ne peut regarder qu\'en arrière',
  'playbook.whenValue': 'l\'étape « {id} » n\'a pas de choix « {value} » ; ses choix : {values}',
  'playbook.whenShape': 'une condition est l\'une de {step, equals}, {step, in}, {step, includes}, {step, answered}, {not}, {all}, {any}',
  'playbook.defaultChoice': 'la valeur par défaut « {value} » ne fait pas partie des choix : {values}',
  'playbook.duplicateChoice': 'valeur de choix « {value} » en double',
  'playbook.reservedId': '« {id} » est un nom réservé dans les modèles ; choisissez un autre id d\'étape',
  'playbook.templateFile': 'impossible de lire le modèle {file}',
  'playbook.templateSyntax': 'syntaxe du modèle : {detail}',
  'playbook.templateName': 'le modèle utilise « {name} », qui n\'est ni une étape ni une valeur connue',
  'playbook.verdictOrder': 'les verdicts vont par « max » croissant ; le dernier n\'a pas de « max » (il couvre tous les scores au-delà)',
  'playbook.lang': 'le playbook est en « {actual} » mais se trouve dans le dossier « {expected} »',
  'playbook.recordUnknown': 'record cite l\'étape « {id} », qui n\'existe pas',
  'playbook.recordType': 'l\'étape « {id} » ne peut pas servir de {role} : elle doit être de type {types}',
  'playbook.recordStatus': 'les choix de l\'étape « {id} » doivent être des statuts de session : {values}',
  'file.notFound': 'fichier introuvable : {file}',
  'file.tooBig': '{file} dépasse {limit} : refusé',
  'file.binary': '{file} n\'est pas un fichier texte (UTF-8 invalide ou binaire)',
  'file.unreadable': 'impossible de lire {file} : {reason}',
  'out.notWritable': 'impossible d\'écrire dans {dir} : {reason}',
  'out.missing': 'le dossier n\'existe pas',
  'out.notDir': 'ce n\'est pas un dossier',
  'out.readOnly': 'le dossier est en lecture seule',
  'lang.unknown': 'langue « {value} » inconnue : utilisez fr ou en',
  'usage.error': '{message}',
  'error.unexpected': 'Erreur inattendue : {message}. C\'est un bogue de calmclient ; signalez-le avec la commande lancée.',
  'value.yes': 'oui',
  'value.no': 'non',
  'date.at': '{date} à {time}',
};

let current: Lang = 'en';

/** Set once by cli.ts from --lang and the environment. */
export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export type MessageVars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: MessageVars, lang?: Lang) => string;

/**
 * A message catalog in both languages; French must have every English key. Each command keeps
 * its own catalog next to its code, so that only the messages of the command that runs are loaded.
 */
export function defineMessages<K extends string>(en: Record<K, string>, fr: Record<K, string>): Translate<K> {
  const catalogs: Record<Lang, Record<K, string>> = { en, fr };
  return (key, vars = {}, lang = current) =>
    catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The messages shared by every command. */
export const t: Translate<MessageKey> = defineMessages(en, fr);
