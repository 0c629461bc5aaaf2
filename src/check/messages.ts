import { catalogue, frenchSpacing } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';

/** Messages of the reply checker: rules-file problems, the suppression comment, the command's output. */
export const m = catalogue({
  patternEmpty: { en: 'this pattern has no words', fr: 'ce motif ne contient aucun mot' },
  patternUnclosed: { en: '"{detail}" is never closed', fr: '« {detail} » n\'est jamais refermé' },
  patternUnexpected: {
    en: 'unexpected "{detail}" (write \\{detail} for the character itself)',
    fr: '« {detail} » inattendu (écrivez \\{detail} pour le caractère lui-même)',
  },
  patternGapAlone: { en: '"..." goes between two words, with a space on each side', fr: '« ... » se place entre deux mots, avec une espace de chaque côté' },
  patternUnknownName: { en: 'no list or rule named "{detail}"', fr: 'aucune liste ni règle ne s\'appelle « {detail} »' },
  patternCycle: { en: '"<{detail}>" ends up referring to itself', fr: '« <{detail}> » finit par renvoyer à lui-même' },
  patternTooLong: {
    en: 'a pattern is a phrase: at most {detail} characters',
    fr: 'un motif est une expression : {detail} caractères au plus',
  },
  patternTooLarge: {
    en: 'the patterns grow too large once the lists they name are put in place (more than {detail}); name fewer lists inside lists',
    fr: 'les motifs deviennent trop grands une fois les listes qu\'ils nomment mises en place (plus de {detail}) ; imbriquez moins de listes',
  },
  patternTense: {
    en: 'unknown form ".{detail}": use one of {tenses}',
    fr: 'forme « .{detail} » inconnue : utilisez l\'une de {tenses}',
  },
  patternLemma: { en: '"~" goes right before a word: ~use, ~valider', fr: '« ~ » se place juste devant un mot : ~use, ~valider' },
  patternAt: { en: 'pattern: {reason} (character {col} of the pattern)', fr: 'motif : {reason} (caractère {col} du motif)' },
  rulesUnknownCheck: {
    en: 'unknown check "{value}": expected one of {checks}, or no check for a rule of patterns',
    fr: 'vérification « {value} » inconnue : attendu l\'une de {checks}, ou aucune pour une règle de motifs',
  },
  rulesPatternList: {
    en: 'expected a list of patterns, or "match:" and "except:" lists of patterns',
    fr: 'attendu une liste de motifs, ou des listes de motifs « match: » et « except: »',
  },
  rulesDuplicateId: { en: 'duplicate rule id "{id}" (first used at line {line})', fr: 'id de règle « {id} » en double (déjà utilisé ligne {line})' },
  rulesNameClash: {
    en: 'list "{name}" has the same name as a rule; rename one of them',
    fr: 'la liste « {name} » porte le même nom qu\'une règle ; renommez l\'une des deux',
  },
  rulesExampleMissed: {
    en: 'rule "{id}" finds nothing in this example, which is listed under "match"',
    fr: 'la règle « {id} » ne trouve rien dans cet exemple, pourtant rangé sous « match »',
  },
  rulesExampleHit: {
    en: 'rule "{id}" finds "{text}" in this example, which is listed under "no_match"',
    fr: 'la règle « {id} » trouve « {text} » dans cet exemple, pourtant rangé sous « no_match »',
  },
  rulesLang: {
    en: 'rules language is "{actual}" but the file sits in the "{expected}" folder',
    fr: 'les règles sont en « {actual} » mais le fichier se trouve dans le dossier « {expected} »',
  },
  rulesLangMissing: {
    en: 'a built-in rules file must say its language: add "lang: {expected}"',
    fr: 'un fichier de règles intégré doit indiquer sa langue : ajoutez « lang: {expected} »',
  },
  rulesRuleId: { en: 'must be lowercase letters, digits or -', fr: 'doit contenir des minuscules, chiffres ou -' },
  rulesTooBig: {
    en: '{file} is {size} bytes; a rules file holds at most {limit} bytes',
    fr: '{file} fait {size} octets ; un fichier de règles en contient au plus {limit}',
  },
  rulesPlaceholder: {
    en: 'unknown placeholder "{detail}": in braces, write "words" (the words found) or "date:" and an English weekday name',
    fr: 'marque « {detail} » inconnue : entre accolades, écrivez « words » (les mots trouvés) ou « date: » et un nom de jour en anglais',
  },
  ignoreUnknown: {
    en: 'the comment silences "{id}", but no rule has that id; rule ids: {ids}',
    fr: 'le commentaire fait taire « {id} », mais aucune règle ne porte cet id ; ids des règles : {ids}',
  },
  ignoreEmpty: {
    en: 'the comment silences no rule: name the rule after calmclient-ignore',
    fr: 'le commentaire ne fait taire aucune règle : nommez la règle après calmclient-ignore',
  },
  ignoreSuggestion: {
    en: 'write the rule id exactly as the finding shows it, e.g. <!-- calmclient-ignore: {example} -->',
    fr: 'recopiez l\'id de la règle tel que la remarque l\'affiche, par ex. <!-- calmclient-ignore: {example} -->',
  },
  checkNoInput: {
    en: 'no draft to check: give a FILE, or pipe the draft in (calmclient check - < draft.md). See "calmclient check --help".',
    fr: 'aucun brouillon à vérifier : donnez un FICHIER, ou envoyez le brouillon sur l\'entrée standard (calmclient check - < brouillon.md). Voir « calmclient check --help ».',
  },
  checkEmpty: { en: '{file} is empty: there is nothing to check', fr: '{file} est vide : rien à vérifier' },
  checkBadFormat: { en: 'unknown format "{value}": use text or json', fr: 'format « {value} » inconnu : utilisez text ou json' },
  checkBadLang: { en: 'unknown language "{value}": use fr, en or auto', fr: 'langue « {value} » inconnue : utilisez fr, en ou auto' },
  checkBadDate: {
    en: 'unknown date "{value}": write it as YYYY-MM-DD, e.g. 2026-03-04',
    fr: 'date « {value} » inconnue : écrivez-la AAAA-MM-JJ, par ex. 2026-03-04',
  },
  checkRulesLang: {
    en: '{file} holds rules for "{rulesLang}" but the draft is in "{lang}": its rules are not applied',
    fr: '{file} contient des règles pour « {rulesLang} » mais le brouillon est en « {lang} » : ses règles ne sont pas appliquées',
  },
  checkStdin: { en: '<stdin>', fr: '<stdin>' },
  checkClean: { en: '{file}: no finding. The draft reads calm and concrete.', fr: '{file} : aucune remarque. Le brouillon est posé et concret.' },
  checkSummary: { en: '{file}: {findings} from {rules}: {ids}', fr: '{file} : {findings} de {rules} : {ids}' },
  checkFindingOne: { en: '1 finding', fr: '1 remarque' },
  checkFindingMany: { en: '{n} findings', fr: '{n} remarques' },
  checkRuleOne: { en: '1 rule', fr: '1 règle' },
  checkRuleMany: { en: '{n} rules', fr: '{n} règles' },
  levelError: { en: 'error', fr: 'erreur' },
  levelWarning: { en: 'warning', fr: 'avertissement' },
  levelSuggestion: { en: 'suggestion', fr: 'suggestion' },
});

/** A calendar day. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
};
const MONTH_NAMES: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};
const DAY_FORMAT: Record<Lang, (weekday: string, day: number, month: string) => string> = {
  en: (weekday, day, month) => `${weekday} ${day} ${month}`,
  fr: (weekday, day, month) => `${weekday} ${day === 1 ? '1er' : day} ${month}`,
};

/** The English weekday names a `{date:…}` placeholder takes. */
export const PLACEHOLDER_WEEKDAYS = WEEKDAY_NAMES.en.map((name) => name.toLowerCase());

/**
 * The first `weekday` (0 Sunday … 6 Saturday) after `reference`, written out ("Tuesday 12 March",
 * "mardi 12 mars"): an example date in a message always falls on the weekday it names.
 */
export function exampleDate(weekday: number, lang: Lang, reference: Day): string {
  const start = new Date(Date.UTC(reference.year, reference.month - 1, reference.day));
  const ahead = ((weekday - start.getUTCDay() + 7) % 7) || 7;
  const date = new Date(start.getTime() + ahead * 86_400_000);
  return DAY_FORMAT[lang](WEEKDAY_NAMES[lang][date.getUTCDay()] as string, date.getUTCDate(), MONTH_NAMES[lang][date.getUTCMonth()] as string);
}

/** Placeholders a rule's message, suggestion or replacement may hold. */
export const RULE_PLACEHOLDER = /\{(words|date:[a-z]+)\}/g;

/**
 * A rule's text with its placeholders filled in: `{words}`, the draft's own words the finding is
 * on; `{date:tuesday}`, the next such day after the draft's date. French spacing as `t` sets it.
 */
export function fillRuleText(text: string, values: { words: string; lang: Lang; reference: Day }): string {
  const filled = text.replace(RULE_PLACEHOLDER, (whole, name: string) => {
    if (name === 'words') return values.words.replace(/\s+/g, ' ');
    const weekday = PLACEHOLDER_WEEKDAYS.indexOf(name.slice('date:'.length));
    return weekday < 0 ? whole : exampleDate(weekday, values.lang, values.reference);
  });
  return TYPOGRAPHY[values.lang](filled);
}

const TYPOGRAPHY: Record<Lang, (text: string) => string> = { en: (text) => text, fr: frenchSpacing };
