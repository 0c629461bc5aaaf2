import { catalogue } from '../i18n/catalogue.js';

/** Problems of a playbook file, and of finding one. Schema messages are named by their key (see schema.ts). */
export const m = catalogue({
  playbooksUnknown: {
    en: 'no playbook "{id}" in {lang}; known: {ids}',
    fr: 'aucun playbook « {id} » en {lang} ; connus : {ids}',
  },
  unknownType: {
    en: 'unknown step type "{value}": expected one of {types}',
    fr: 'type d\'étape « {value} » inconnu : attendu l\'un de {types}',
  },
  schemaSnakeCase: {
    en: 'must be snake_case: a lowercase letter, then lowercase letters, digits or _',
    fr: 'doit être en snake_case : une minuscule, puis des minuscules, chiffres ou _',
  },
  schemaEmpty: { en: 'must not be empty', fr: 'ne doit pas être vide' },
  schemaTwoChoices: { en: 'needs at least two choices', fr: 'il faut au moins deux choix' },
  schemaOneChoice: { en: 'needs at least one choice', fr: 'il faut au moins un choix' },
  schemaTwoVerdicts: { en: 'needs at least two verdicts', fr: 'il faut au moins deux verdicts' },
  schemaDateDefault: {
    en: 'must be today, +Nd (days from today) or YYYY-MM-DD',
    fr: 'doit valoir today, +Nd (jours à partir d\'aujourd\'hui) ou AAAA-MM-JJ',
  },
  schemaPlaybookId: { en: 'must be lowercase letters, digits or -', fr: 'doit contenir des minuscules, chiffres ou -' },
  schemaOneStep: { en: 'needs at least one step', fr: 'il faut au moins une étape' },
  duplicateId: {
    en: 'duplicate step id "{id}" (first used at line {line})',
    fr: 'id d\'étape « {id} » en double (déjà utilisé ligne {line})',
  },
  whenUnknown: {
    en: 'condition names step "{id}", which does not exist',
    fr: 'la condition cite l\'étape « {id} », qui n\'existe pas',
  },
  whenLater: {
    en: 'condition names step "{id}", which comes later (or is this step): a condition can only look back',
    fr: 'la condition cite l\'étape « {id} », qui vient après (ou est cette étape) : une condition ne peut regarder qu\'en arrière',
  },
  whenValue: {
    en: 'step "{id}" has no choice "{value}"; its choices are: {values}',
    fr: 'l\'étape « {id} » n\'a pas de choix « {value} » ; ses choix : {values}',
  },
  whenShape: {
    en: 'a condition is a step with equals, in, includes or answered; or not, all or any of other conditions',
    fr: 'une condition est une étape avec equals, in, includes ou answered ; ou not, all ou any d\'autres conditions',
  },
  defaultChoice: {
    en: 'default "{value}" is not one of the choices: {values}',
    fr: 'la valeur par défaut « {value} » ne fait pas partie des choix : {values}',
  },
  duplicateChoice: { en: 'duplicate choice value "{value}"', fr: 'valeur de choix « {value} » en double' },
  reservedId: {
    en: '"{id}" is a reserved name in templates; pick another step id',
    fr: '« {id} » est un nom réservé dans les modèles ; choisissez un autre id d\'étape',
  },
  templateFile: { en: 'cannot read template file {file}', fr: 'impossible de lire le modèle {file}' },
  templateAbsolute: {
    en: 'template file "{file}": name it relative to the playbook\'s folder (an absolute path is refused)',
    fr: 'modèle « {file} » : nommez-le par rapport au dossier du playbook (un chemin absolu est refusé)',
  },
  templateParent: {
    en: 'template file "{file}": a template must sit in the playbook\'s folder or below it (".." is refused)',
    fr: 'modèle « {file} » : un modèle doit se trouver dans le dossier du playbook ou en dessous (« .. » est refusé)',
  },
  templateOutside: {
    en: 'template file "{file}" leads outside the playbook\'s folder through a link: refused',
    fr: 'le modèle « {file} » mène hors du dossier du playbook par un lien : refusé',
  },
  templateSyntax: { en: 'template syntax: {detail}', fr: 'syntaxe du modèle : {detail}' },
  templateUnescaped: {
    en: 'template syntax: unescaped {{{…}}} or {{&…}} are not allowed',
    fr: 'syntaxe du modèle : les {{{…}}} et {{&…}} non échappés sont interdits',
  },
  templatePartial: { en: 'template syntax: partials {{>…}} are not allowed', fr: 'syntaxe du modèle : les inclusions {{>…}} sont interdites' },
  templateDelimiters: {
    en: 'template syntax: delimiter changes are not allowed',
    fr: 'syntaxe du modèle : les changements de délimiteurs sont interdits',
  },
  templateName: {
    en: 'template uses "{name}", which is not a step id or a known value',
    fr: 'le modèle utilise « {name} », qui n\'est ni une étape ni une valeur connue',
  },
  verdictOrder: {
    en: 'verdicts go by increasing "max"; the last one has no "max" (it catches every higher score)',
    fr: 'les verdicts vont par « max » croissant ; le dernier n\'a pas de « max » (il couvre tous les scores au-delà)',
  },
  lang: {
    en: 'playbook language is "{actual}" but it sits in the "{expected}" folder',
    fr: 'le playbook est en « {actual} » mais se trouve dans le dossier « {expected} »',
  },
  recordUnknown: {
    en: 'record names step "{id}", which does not exist',
    fr: 'record cite l\'étape « {id} », qui n\'existe pas',
  },
  recordType: {
    en: 'step "{id}" cannot be the {role}: it must be of type {types}',
    fr: 'l\'étape « {id} » ne peut pas servir de {role} : elle doit être de type {types}',
  },
  recordStatus: {
    en: 'the choices of step "{id}" must be session statuses: {values}',
    fr: 'les choix de l\'étape « {id} » doivent être des statuts de session : {values}',
  },
  idMismatch: {
    en: 'the playbook\'s id is "{id}" but its file is named "{name}.yaml": rename one so that they match',
    fr: 'l\'id du playbook est « {id} » mais son fichier s\'appelle « {name}.yaml » : renommez l\'un des deux',
  },
  stray: {
    en: 'calmclient does not look here: move this file into the folder of its language ({folders})',
    fr: 'calmclient ne regarde pas ici : déplacez ce fichier dans le dossier de sa langue ({folders})',
  },
});
