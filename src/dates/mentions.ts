import type { Lang } from '../types.js';
import { addDays, compareDates, dayOf, daysInMonth, momentOf, weekdayOf, type CalendarDate } from './calendar.js';
import { expressionStarters, Grammar, type Expr } from './grammar.js';
import { WEEKDAY_PLURALS } from './lexicon.js';
import { resolve, type DateOrder, type Direction } from './resolve.js';
import { tokenize, type Token } from './tokens.js';

/**
 * Finds the dates and times a reply draft mentions, and says of each what it is, so that the
 * reply checker (src/check/, rule `next-date`) can keep only **future commitments**: "je vous
 * rappelle jeudi à 10h" is one; "votre commande du 04/02", "last Tuesday the 9th", "ouvert du
 * mardi au samedi", "01 44 55 66 77" and "la pause de midi" are not.
 *
 * Contract (what the checker may rely on):
 * - `findDateMentions(text, { reference, lang, order })` is pure and runs in time linear in the
 *   length of `text` (each token is looked at a bounded number of times); it never throws.
 * - `reference` is the draft's own date (when it was written): relative dates count from it, and
 *   a mention is `future` when its day (or minute, when a time is said) is at or after it.
 * - `lang` is the draft's language: only that language's words are read (a French draft's
 *   "mars" is March, an English draft's is a planet). `order` reads `04/02` (default `dmy`).
 * - Mentions come in text order and never overlap. `start`/`end` are UTF-16 offsets into `text`
 *   (`text.slice(start, end) === mention.text`); the words that make a date a deadline belong to
 *   it ("d'ici jeudi", "by Friday", "within 48 hours", "avant vendredi midi").
 * - `kind`:
 *   - `future`: a day or time at or after the reference: "by Friday", "on the 14th",
 *     "tomorrow at 10", "next Tuesday at 3pm", "within 48 hours", "d'ici jeudi". A commitment.
 *   - `past`: before the reference: "hier", "last Tuesday the 9th", "on 2 March" in a
 *     sentence told in the past, a span wholly past.
 *   - `reference`: the date of a dated thing, whenever it falls: "your ticket of 04/02/2025",
 *     "votre commande du 04/02", "your order from May 3rd".
 *   - `recurring`: a habit or opening hours: "open Tuesday to Friday", "ouvert du mardi au
 *     samedi", "every Monday", "le lundi", "de 9h à 18h" said of opening, "24/7".
 *   - `window`: a span rather than a day: "between the 15th and the 18th", "entre le 15 et le 18",
 *     "next week", "en mars", "fin de semaine", "between 2 and 4pm tomorrow". `date` is its first
 *     day, `until` its last.
 *   - `not-a-date`: looks like one and is not; `lookalike` says what it is: a phone number
 *     ("01 44 55 66 77", "+33 6 12 34 56 78"), a price ("9.30 €"), a version ("2.4.1"), a
 *     quantity ("12/15 pages", "3h de retard", "80 %"), lunchtime ("la pause de midi",
 *     "à l'heure du déjeuner"), an ordinal that is no day ("the 3rd time", "le 2e étage").
 * - `date` is the resolved calendar day (with `hour`/`minute` when a time is said) for every kind
 *   but `recurring` and `not-a-date`; a year-less date takes the occurrence the sentence's tense
 *   points to ("we received it on 2 March" → the last one, "we will ship on the 14th" → the
 *   next one), else the nearest.
 */

export type MentionKind = 'future' | 'past' | 'reference' | 'recurring' | 'window' | 'not-a-date';

export type Lookalike = 'phone' | 'price' | 'version' | 'quantity' | 'lunchtime' | 'ordinal';

export interface DateMention {
  /** UTF-16 offsets into the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  /** The day (and time) meant; for a window, its first day. */
  date?: CalendarDate;
  /** A window's last day. */
  until?: CalendarDate;
  /** What a `not-a-date` is. */
  lookalike?: Lookalike;
  /**
   * The tense of the words nearest the mention in its sentence, when they say one: "we received it
   * on 2 March" is `past`, "I will call you on Friday" `future`. How a year-less date was placed.
   */
  tense?: Tense;
  /**
   * A delay counted from the reference rather than a day named: "within 48 hours", "dans 3 jours",
   * "d'ici deux semaines". Said of a policy as often as of a commitment ("refunds take 5 days").
   */
  delay?: true;
}

export interface MentionOptions {
  /**
   * The draft's own date: when it was written. A `Date` gives the minute; a calendar day without
   * an hour gives only the day, and a time said for that day is placed by the sentence's tense.
   */
  reference: Date | CalendarDate;
  lang: Lang;
  /** Which way round `04/02` is read; day first when not given. */
  order?: DateOrder;
}

export function findDateMentions(text: string, options: MentionOptions): DateMention[] {
  return new Finder(text, options).find();
}

/**
 * A draft read for its dates and its tenses, once: the reply checker asks for the mentions, and
 * for the tense of the clauses its phrases stand in ("Vous nous avez demandé une réponse dans les
 * meilleurs délais" is no vague promise: it is told in the past).
 */
export interface DateReading {
  /** `findDateMentions` of the text, worked out on first call. */
  mentions(): DateMention[];
  /**
   * The tense of the clause the span `[start, end)` (UTF-16 offsets) stands in, as the words
   * nearest it say: `past` for a past tense, an imperfect or a past conditional ("nous aurions dû",
   * "should have"), `future` for a future tense or a plan; undefined when they say neither (the
   * present, a request, a modal).
   */
  tenseAt(start: number, end: number): Tense | undefined;
}

export function readDates(text: string, options: MentionOptions): DateReading {
  const finder = new Finder(text, options);
  let mentions: DateMention[] | undefined;
  return { mentions: () => (mentions ??= finder.find()), tenseAt: (start, end) => finder.tenseAt(start, end) };
}

export type Tense = 'past' | 'future';

/** Words that date a thing rather than promise it: "your order of", "votre commande du". */
const DATED_THINGS: Record<Lang, ReadonlySet<string>> = {
  en: new Set([
    'ticket', 'order', 'invoice', 'email', 'mail', 'message', 'letter', 'request', 'complaint', 'payment', 'purchase',
    'receipt', 'statement', 'bill', 'quote', 'quotation', 'contract', 'case', 'claim', 'booking', 'reservation', 'call',
    'note', 'post', 'review', 'comment', 'report', 'form', 'application', 'transfer', 'refund', 'subscription',
    'agreement', 'estimate', 'enquiry', 'inquiry', 'visit', 'exchange', 'conversation', 'meeting', 'reply', 'answer',
  ]),
  fr: new Set([
    'ticket', 'commande', 'facture', 'courriel', 'mail', 'email', 'message', 'lettre', 'courrier', 'demande', 'reclamation',
    'paiement', 'achat', 'recu', 'devis', 'contrat', 'dossier', 'appel', 'avis', 'commentaire', 'reservation', 'virement',
    'bon', 'formulaire', 'plainte', 'signalement', 'echange', 'entretien', 'reponse', 'visite', 'releve', 'abonnement',
    'reunion', 'conversation', 'rendez', 'passage', 'intervention', 'livraison',
  ]),
};
/** What links a dated thing to its date. */
const DATED_BY: Record<Lang, readonly (readonly string[])[]> = {
  en: [['of', 'the'], ['from', 'the'], ['dated', 'the'], ['of'], ['from'], ['dated']],
  fr: [['en', 'date', 'du'], ['datee', 'du'], ['date', 'du'], ['datees', 'du'], ['dates', 'du'], ['du'], ['de'], ['d']],
};
/** A participle between a dated thing and its date: "your order placed on", "votre commande passée le". */
const DATED_VERBS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['placed', 'sent', 'received', 'submitted', 'opened', 'created', 'made', 'filed', 'paid', 'issued', 'raised', 'signed', 'written', 'booked']),
  fr: new Set(['passee', 'passe', 'envoye', 'envoyee', 'recu', 'recue', 'ouvert', 'ouverte', 'cree', 'creee', 'effectue', 'effectuee', 'emis', 'emise', 'regle', 'reglee', 'signe', 'signee', 'ecrit', 'ecrite', 'depose', 'deposee']),
};

/** Words before a date that make it a deadline: "by", "d'ici", "avant". They belong to the mention. */
const DEADLINE_WORDS: Record<Lang, readonly (readonly string[])[]> = {
  en: [['no', 'later', 'than'], ['at', 'the', 'latest', 'by'], ['on', 'or', 'before'], ['by'], ['before'], ['until'], ['till'], ['latest']],
  fr: [['pas', 'plus', 'tard', 'que'], ['au', 'plus', 'tard'], ['d', 'ici'], ['avant'], ['jusqu', 'a'], ['jusqu', 'au'], ['des']],
};

/** Words of opening hours and habits: a span of hours near them is a timetable. */
const OPENING_WORDS = new Set([
  'ouvert', 'ouverts', 'ouverte', 'ouvertes', 'ouvre', 'ouvrons', 'ferme', 'fermes', 'fermee', 'fermees', 'horaires', 'horaire',
  'joignable', 'joignables', 'accueil', 'permanence', 'boutique', 'magasin', 'bureaux', 'open', 'opens', 'closed', 'hours',
  'reachable', 'office', 'offices', 'shop', 'store', 'helpline', 'hotline', 'standard', 'disponibles', 'available', 'daily',
]);

const EVERY: Record<Lang, readonly (readonly string[])[]> = {
  en: [['every', 'other'], ['every'], ['each']],
  fr: [['tous', 'les'], ['toutes', 'les'], ['chaque']],
};

const RANGE_FROM: Record<Lang, readonly (readonly string[])[]> = {
  en: [['between', 'the'], ['between'], ['from', 'the'], ['from']],
  fr: [['entre', 'le'], ['entre'], ['du'], ['de'], ['des']],
};
const RANGE_TO: Record<Lang, readonly (readonly string[])[]> = {
  en: [['and', 'the'], ['and'], ['to', 'the'], ['to'], ['through', 'the'], ['through'], ['thru'], ['until', 'the'], ['until'], ['till'], ['-']],
  fr: [['et', 'le'], ['et'], ['au'], ['a'], ['jusqu', 'au'], ['-']],
};

const CURRENCY_AFTER = new Set(['eur', 'euro', 'euros', 'usd', 'dollar', 'dollars', 'gbp', 'pound', 'pounds', 'chf', 'ht', 'ttc', 'k', 'cad', 'aud']);
const CURRENCY_SIGNS = new Set(['€', '$', '£', '¥']);
const COUNT_NOUNS = new Set([
  'pages', 'page', 'items', 'item', 'articles', 'article', 'pieces', 'piece', 'unites', 'units', 'unit', 'kg', 'g', 'km', 'm',
  'cm', 'mm', 'l', 'ml', 'x', 'fois', 'times', 'people', 'personnes', 'participants', 'points', 'questions', 'tests', 'lots',
  'colis', 'parcels', 'packages', 'boxes', 'cartons', 'exemplaires', 'copies', 'licences', 'licenses', 'postes', 'seats',
  'ans', 'years', 'jours', 'days', 'semaines', 'weeks', 'mois', 'months', 'of', 'des', 'du', 'de', 'sur', 'out', 'mn', 'min',
]);
const SCORE_WORDS = new Set(['note', 'score', 'rated', 'rating', 'note', 'notee', 'evalue', 'evaluee', 'sur']);
const VERSION_WORDS = new Set(['v', 'version', 'versions', 'release', 'update', 'build', 'firmware', 'ios', 'android', 'windows', 'macos', 'patch']);
/** After an ordinal, these say it counts something other than days: "the 3rd time", "le 2e étage". */
const ORDINAL_NOUNS = new Set([
  'time', 'times', 'floor', 'place', 'item', 'attempt', 'page', 'chapter', 'quarter', 'round', 'step', 'version', 'edition',
  'option', 'choice', 'reminder', 'invoice', 'payment', 'instalment', 'installment', 'fois', 'etage', 'trimestre', 'semestre',
  'tentative', 'relance', 'rappel', 'etape', 'edition', 'choix', 'rang', 'arrondissement', 'classe', 'echeance', 'partie',
  'point', 'paragraphe', 'alinea', 'article', 'chapitre', 'ministre', 'prix', 'degre', 'niveau', 'level', 'grade', 'year',
  'annee', 'week', 'semaine', 'day', 'jour', 'month', 'mois', 'line', 'ligne', 'person', 'personne', 'one', 'un', 'une',
]);

/** Lunchtime, which `midi` often means: a time of day for nobody's diary. */
const LUNCH: Record<Lang, readonly (readonly string[])[]> = {
  fr: [
    ['la', 'pause', 'de', 'midi'], ['pause', 'de', 'midi'], ['la', 'pause', 'du', 'midi'], ['pause', 'du', 'midi'],
    ['la', 'pause', 'dejeuner'], ['pause', 'dejeuner'], ['entre', 'midi', 'et', 'deux'], ['a', 'l', 'heure', 'du', 'dejeuner'],
    ['l', 'heure', 'du', 'dejeuner'], ['heure', 'du', 'dejeuner'], ['au', 'dejeuner'], ['le', 'midi'],
  ],
  en: [['lunch', 'break'], ['lunchtime'], ['lunch', 'time'], ['at', 'lunch'], ['over', 'lunch'], ['lunch', 'hour'], ['during', 'lunch']],
};

/** Today, said as a part of it or its end: a commitment for the reference's own day. */
const SAME_DAY: Record<Lang, readonly (readonly string[])[]> = {
  fr: [
    ['dans', 'la', 'journee'], ['en', 'fin', 'de', 'journee'], ['en', 'cours', 'de', 'journee'], ['avant', 'la', 'fin', 'de', 'la', 'journee'],
    ['d', 'ici', 'la', 'fin', 'de', 'la', 'journee'], ['d', 'ici', 'ce', 'soir'], ['avant', 'ce', 'soir'], ['dans', 'l', 'apres', 'midi'],
    ['dans', 'la', 'matinee'], ['dans', 'la', 'soiree'], ['en', 'fin', 'de', 'matinee'], ['en', 'fin', 'd', 'apres', 'midi'], ['en', 'debut', 'd', 'apres', 'midi'],
  ],
  en: [
    ['later', 'today'], ['by', 'the', 'end', 'of', 'the', 'day'], ['by', 'end', 'of', 'day'], ['before', 'the', 'end', 'of', 'the', 'day'],
    ['end', 'of', 'day'], ['by', 'close', 'of', 'business'], ['close', 'of', 'business'], ['by', 'eod'], ['eod'], ['by', 'cob'], ['cob'],
    ['later', 'this', 'morning'], ['later', 'this', 'afternoon'], ['later', 'this', 'evening'], ['before', 'tonight'],
  ],
};

/** The first words of the spans `vagueWindow` knows (`la semaine prochaine`, `end of the month`, `mi-mars`). */
const SPAN_STARTERS = ['la', 'semaine', 'next', 'early', 'debut', 'cette', 'this', 'later', 'en', 'fin', 'the', 'end', 'ce', 'le', 'les', 'in', 'mi', 'late', 'mid', 'courant', 'during'];

/** Words a mention can start with, besides the grammar's: the scan skips every other word at once. */
const MENTION_STARTERS: ReadonlySet<string> = new Set([
  ...expressionStarters(),
  ...SPAN_STARTERS,
  ...[EVERY, RANGE_FROM, DEADLINE_WORDS, LUNCH, SAME_DAY].flatMap((lists) => [...lists.en, ...lists.fr].map((words) => words[0] ?? '')),
  ...VERSION_WORDS,
  ...Object.keys(WEEKDAY_PLURALS.en),
  ...Object.keys(WEEKDAY_PLURALS.fr),
  'les', 'on', 'weekdays', 'seven', 'du', 'de', 'from',
]);
const PUNCT_STARTERS = new Set(['+', '(', '@', ...CURRENCY_SIGNS]);

/** Words that put a sentence in the past or the future, by language. */
const PAST_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set([
    'was', 'were', 'did', 'had', 'ago', 'last', 'yesterday', 'since', 'received', 'sent', 'ordered', 'placed', 'called', 'wrote', 'spoke',
    'said', 'told', 'asked', 'paid', 'delivered', 'shipped', 'opened', 'noticed', 'reported', 'complained', 'bought', 'booked',
    'emailed', 'contacted', 'visited', 'happened', 'occurred', 'went', 'came', 'got', 'made', 'took', 'gave', 'found', 'saw',
    'met', 'left', 'arrived', 'started', 'began', 'missed', 'failed', 'forgot', 'promised', 'agreed', 'signed', 'lost',
  ]),
  fr: new Set([
    'hier', 'etait', 'etaient', 'etais', 'etiez', 'etions', 'avait', 'avaient', 'avais', 'aviez', 'avions', 'eut', 'fut', 'depuis',
    'derniere', 'dernier',
  ]),
};
const FUTURE_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['will', 'shall', 'going', 'gonna', 'plan', 'planning', 'scheduled', 'expect', 'intend', 'aim', 'promise', 'commit']),
  fr: new Set([
    'sera', 'aura', 'fera', 'pourra', 'devra', 'viendra', 'recevra', 'livrera', 'passera', 'appellera', 'enverra', 'arrivera',
    'rappellera', 'prendra', 'faudra', 'partira', 'reprendra', 'verra', 'ira', 'saura', 'tiendra', 'allons', 'vais', 'allez',
    'vont', 'prevu', 'prevue', 'prevus', 'prevues', 'compte', 'comptons', 'pourrez', 'pourrons',
  ]),
};
/**
 * Words that point ahead without saying that something will happen (a request, a modal, a date
 * word): they choose the next occurrence of a year-less date, but a delay said with them is no
 * promise ("disputes can be opened within 30 days").
 */
const FORWARD_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['let', 'please', 'can', 'could', 'would', 'should', 'tomorrow', 'next', 'upcoming', 'by', 'until', 'before', 'within', 'soon']),
  fr: new Set(['demain', 'prochain', 'prochaine', 'avant', 'ici', 'pourriez', 'pouvons', 'souhaitez', 'merci']),
};
/** A tense cue: `forward` points ahead without a future tense. */
type Cue = Tense | 'forward';
/** The auxiliaries of the passé composé, and of the past conditional (`nous aurions dû vous prévenir`: owning a past miss). */
const FRENCH_AUXILIARIES = new Set([
  'ai', 'as', 'a', 'avons', 'avez', 'ont', 'suis', 'es', 'est', 'sommes', 'etes', 'sont',
  'aurais', 'aurait', 'aurions', 'auriez', 'auraient', 'serais', 'serait', 'serions', 'seriez', 'seraient',
]);
const FRENCH_SKIPPED = new Set(['pas', 'bien', 'deja', 'vous', 'nous', 'le', 'la', 'l', 'les', 'y', 'en', 'ne', 'n', 'tout', 'toujours', 'jamais', 'meme', 'aussi', 'egalement', 'ete']);
/** Before a word in -ed, these make it an adjective or a passive that is not past: `your detailed reply`, `it is scheduled`. */
const NOT_BEFORE_PAST_EN = new Set([
  'the', 'a', 'an', 'your', 'our', 'my', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'is', 'are', 'be', 'am',
  'being', 'get', 'gets', 'getting', 'm', 're', 's', 'very', 'so', 'too', 'more', 'most', 'fully', 'well',
]);
/**
 * The French future: `-rai, -ras, -ra, -rons, -rez, -ront` on a stem of three letters or more
 * (`livrerons`, `enverra`, `viendra`, `mettra`, `recevra`), and the short stems of `être`, `avoir`,
 * `savoir`, `faire`, `aller`, `voir`, `devoir` (`seront`, `aurez`, `fera`, `iront`, `verra`). The
 * third person `-ra` counts after `e`, `i`, `r`, `d`, `t`, `v`; the few nouns and names in `-ra`
 * that share those endings (`caméra`, `Sandra`) are listed below.
 */
const FUTURE_ENDINGS_FR = /^(?:[a-z]{3,}(?:rai|ras|rons|rez|ront)|[a-z]{3,}[eirdtv]ra|(?:se|au|sau|fe|i|ver|dev)r(?:ai|as|a|ons|ez|ont))$/;
const IMPERFECT_FR = /^[a-z]{2,}[^r](?:ait|aient)$/;
const NOT_IMPERFECT_FR = new Set(['plait', 'fait', 'lait', 'souhait', 'parfait', 'forfait', 'extrait', 'portrait', 'retrait', 'bienfait', 'attrait', 'refait', 'satisfait', 'defait', 'contrefait', 'distrait']);
const NOT_FUTURE_FR = new Set([
  'vrai', 'environs', 'marrons', 'citrons', 'patrons', 'ronds', 'serrez', 'mirez', 'apprez', 'camera', 'opera', 'cobra', 'sierra',
  'hydra', 'extra', 'ultra', 'mantra', 'sandra', 'alexandra', 'cassandra', 'petra', 'algebra',
]);

/** Words that may follow a day of the month said alone: `le premier à 10h`, `the 1st of next month`, `on the 3rd and`. */
const FOLLOWS_A_DAY = new Set([
  'a', 'at', 'au', 'aux', 'du', 'de', 'd', 'of', 'et', 'and', 'ou', 'or', 'pour', 'for', 'prochain', 'next', 'in', 'dans', 'avant', 'before',
  'by', 'apres', 'after', 'des', 'from', 'to', 'au', 'jusqu', 'until', 'sans', 'avec', 'with', 'si', 'if', 'when', 'quand', 'comme', 'as',
  'je', 'j', 'nous', 'vous', 'on', 'il', 'elle', 'we', 'i', 'you', 'it', 'they', 'then', 'puis', 'latest', 'plus', 'at', 'sharp', 'pile',
]);
const FULL_WEEKDAYS = new Set([
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const SENTENCE_ENDS = new Set(['.', '!', '?', ';']);
/** The first words of a month said without its day: `en mars`, `early April`, `end of May`. */
const MONTH_PREFIXES = new Set(['en', 'in', 'fin', 'debut', 'mi', 'early', 'late', 'mid', 'end', 'courant', 'during']);
/** Where a clause starts, for the tense of a date: a comma, a semicolon, a colon, "but", "then". */
const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')']);
const CLAUSE_OPENERS = new Set(['mais', 'but', 'puis', 'then', 'ensuite', 'donc', 'so']);
/** What links a participle to its date: `placed on`, `acheté le`, `reporté au`, `scheduled for`. */
const DATE_LINKS = new Set(['on', 'le', 'the', 'du', 'au', 'for', 'pour', 'of']);
/** Participles of planning: the date after them is a plan, whatever the tense of the sentence. */
const PLANNED: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['scheduled', 'rescheduled', 'planned', 'booked', 'set', 'due', 'expected', 'moved', 'postponed', 'pushed', 'brought', 'fixed', 'arranged', 'confirmed']),
  fr: new Set([
    'prevu', 'prevue', 'prevus', 'prevues', 'programme', 'programmee', 'programmes', 'programmees', 'reprogramme', 'reprogrammee',
    'planifie', 'planifiee', 'planifies', 'planifiees', 'fixe', 'fixee', 'fixes', 'fixees', 'cale', 'calee', 'cales', 'calees',
    'reporte', 'reportee', 'reportes', 'reportees', 'decale', 'decalee', 'decales', 'decalees', 'repousse', 'repoussee',
    'avance', 'avancee', 'confirme', 'confirmee', 'attendu', 'attendue', 'attendus', 'attendues',
  ]),
};
/** Past participles that end in neither `-ed` nor `-é`. */
const IRREGULAR_PARTICIPLES: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['sent', 'paid', 'bought', 'left', 'made', 'took', 'taken', 'got', 'given', 'told', 'said', 'written', 'received', 'sold', 'built', 'done', 'seen', 'met', 'held', 'spent', 'lost']),
  fr: new Set([
    'recu', 'recue', 'recus', 'recues', 'remis', 'remise', 'parvenu', 'parvenus', 'parvenue', 'parvenues', 'venu', 'venus', 'venue',
    'pris', 'prise', 'fait', 'faite', 'mis', 'mise', 'vu', 'vue', 'ecrit', 'ecrite', 'dit', 'ouvert', 'ouverte', 'offert', 'offerte',
    'rendu', 'rendue', 'perdu', 'perdue', 'repondu', 'vendu', 'vendue', 'survenu', 'survenue', 'intervenu', 'emis', 'emise', 'souscrit', 'inscrit',
  ]),
};
/** Between an auxiliary and its participle: `sera bien envoyée`, `will be sent`, `a déjà été`. */
const PARTICIPLE_ADVERBS = new Set(['bien', 'deja', 'pas', 'already', 'not', 'also', 'aussi', 'alors', 'donc', 'then', 'all']);
/** `be`, `être` after a modal or a future: `will be sent`, `devraient être imprimées`. */
const BE_INFINITIVE = new Set(['be', 'etre']);
/** `être`, `be` in the present: the sentence, not the participle, says when. */
const PRESENT_PASSIVE = new Set(['est', 'sont', 'is', 'are', 'am', 'm', 're', 's']);
/** Words in `-ed` that are no participle. */
const NOT_PARTICIPLES_EN = new Set(['need', 'speed', 'feed', 'indeed', 'seed', 'breed', 'greed', 'exceed', 'proceed', 'succeed', 'embed']);

/** Words after "to" that are no verb: "I sent it to you on 2 March", "we moved it to Friday". */
const NOT_INFINITIVES_EN = new Set([
  'you', 'me', 'us', 'him', 'her', 'them', 'it', 'the', 'a', 'an', 'your', 'our', 'my', 'his', 'their', 'its', 'this', 'that', 'these',
  'those', 'all', 'each', 'every', 'some', 'any', 'no', 'date', 'day', 'time', 'end', 'noon', 'midday', 'midnight', 'tomorrow', 'today',
  'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'next', 'last', 'home', 'work', 'whom',
]);
/** French words in -er, -ir, -re that are no infinitive: "pour le dernier", "de votre part". */
const NOT_INFINITIVES_FR = new Set([
  'dernier', 'premier', 'entier', 'leur', 'notre', 'votre', 'autre', 'contre', 'entre', 'lettre', 'ordre', 'centre', 'livre', 'titre',
  'mer', 'hier', 'soir', 'plaisir', 'desir', 'avenir', 'heure', 'heures', 'matinee', 'semestre', 'trimestre', 'offre', 'chiffre', 'nombre',
  'septembre', 'octobre', 'novembre', 'decembre', 'quatre', 'metre', 'litre', 'cher', 'fier', 'leger', 'super', 'dossier', 'courrier',
  'fichier', 'chantier', 'calendrier', 'atelier', 'quartier', 'papier', 'chauffeur', 'menuisier', 'plombier', 'janvier', 'fevrier',
]);
const FRENCH_CLITICS = new Set(['vous', 'te', 't', 'nous', 'le', 'la', 'les', 'l', 'lui', 'leur', 'y', 'en', 'me', 'm', 'se', 's']);
const INFINITIVE_MARKERS_FR = new Set(['de', 'd', 'a', 'pour', 'afin']);
/** A verb that tells a miss before its infinitive: the date is then the missed one. */
const MISSED_BEFORE_INFINITIVE: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['forgot', 'forgotten', 'failed', 'supposed', 'meant', 'promised', 'tried', 'wanted', 'used', 'had', 'was', 'were', 'due', 'able', 'unable', 'managed', 'neglected', 'omitted']),
  fr: new Set(['oublie', 'oubliee', 'omis', 'cense', 'censee', 'censes', 'promis', 'essaye', 'tente', 'voulu', 'failli', 'neglige', 'pu', 'du']),
};

/** Small sets of words the rules below look for, made once. */
const DU_DE = new Set(['du', 'de']);
const EVERY_WHAT = new Set(['day', 'days', 'jour', 'jours', 'morning', 'mornings', 'matins', 'soirs', 'evening', 'evenings', 'week', 'semaine', 'semaines', 'month', 'mois', 'weekday', 'weekdays']);
const ON_LES = new Set(['on', 'les']);
const WEEKDAY_MODIFIERS_FR = new Set(['prochain', 'dernier', 'suivant', 'precedent']);
const ON_LE_CE = new Set(['on', 'le', 'ce']);
const BEFORE_A_TIME = new Set(['ce', 'a', 'at', 'vers', 'avant', 'by', 'before', 'until', 'apres', 'after', 'jusqu']);
const BEFORE_LUNCH_NOON = new Set(['de', 'du', 'le', 'ce', 'les']);

/** What differs between the languages in how a draft says its dates. */
interface LanguageRules {
  /** `3h de retard`, `10 heures de travail`: hours followed by these count time spent, not a time of day. */
  hoursSpentOn: ReadonlySet<string>;
  /** What starts a span of weekdays: `du mardi au samedi`, `from Tuesday to Friday`. */
  weekdaySpanFrom: readonly (readonly string[])[];
  /** The article that makes a weekday a habit: `le lundi` is every Monday. */
  habitArticle: string | undefined;
  /** A day of the month alone needs an ordinal ending: English `the 5th`, not `the 5` (`the 5 boxes`). */
  dayNeedsOrdinal: boolean;
  /** What links a participle to its date: `placed on`, `passée le`. */
  datedOn: string;
  /** Whether token `i` puts the sentence in the past or the future, beyond the words of PAST_WORDS and FUTURE_WORDS. */
  tense: (finder: Finder, i: number) => Tense | undefined;
  /** Ordinals that never number a day: French writes no day as `2e`, `3e` (only `1er`). */
  rankOrdinal: (value: number) => boolean;
  /** Whether a word, as written (lower case) and folded, is a past participle. */
  participle: (written: string, norm: string) => boolean;
  /** A participle after these words is a passive or an adjective, not a past: English `can be opened`, `your detailed reply`. */
  notBeforePast: ReadonlySet<string>;
  /** Where the word that makes word `i` (folded: `word`) an infinitive stands ("to", "de"), or -1. */
  infinitiveMarker: (finder: Finder, i: number, word: string) => number;
}

const RULES: Record<Lang, LanguageRules> = {
  en: {
    hoursSpentOn: new Set(),
    weekdaySpanFrom: [['from']],
    habitArticle: undefined,
    dayNeedsOrdinal: true,
    datedOn: 'on',
    tense: (finder, i) => finder.englishTense(i),
    rankOrdinal: () => false,
    participle: (written, norm) => (/[a-z]{3}ed$/.test(written) && !NOT_PARTICIPLES_EN.has(written)) || IRREGULAR_PARTICIPLES.en.has(norm),
    notBeforePast: NOT_BEFORE_PAST_EN,
    infinitiveMarker: (finder, i, word) => finder.englishInfinitiveMarker(i, word),
  },
  fr: {
    hoursSpentOn: new Set(['de', 'd']),
    weekdaySpanFrom: [['du'], ['de']],
    habitArticle: 'le',
    dayNeedsOrdinal: false,
    datedOn: 'le',
    tense: (finder, i) => finder.frenchTense(i),
    rankOrdinal: (value) => value !== 1,
    participle: (written, norm) => /(?:é|ée|és|ées)$/.test(written) || IRREGULAR_PARTICIPLES.fr.has(norm),
    notBeforePast: new Set(),
    infinitiveMarker: (finder, i, word) => finder.frenchInfinitiveMarker(i, word),
  },
};

class Finder {
  private readonly tokens: readonly Token[];
  private readonly grammar: Grammar;
  private readonly lang: Lang;
  private readonly order: DateOrder;
  private readonly reference: Date;
  private readonly today: CalendarDate;
  /** The reference as a calendar minute. */
  private readonly moment: CalendarDate;
  /** Whether the reference gave its time of day, not only its day. */
  private readonly timeKnown: boolean;
  /** Sentence number of each token. */
  private readonly sentence: number[];
  /** Tense cue of each token, if any. */
  private readonly cues: (Cue | undefined)[];

  constructor(
    private readonly text: string,
    options: MentionOptions,
  ) {
    this.tokens = tokenize(text);
    this.lang = options.lang;
    this.order = options.order ?? 'dmy';
    const { reference } = options;
    if (reference instanceof Date) {
      this.reference = reference;
      this.moment = momentOf(reference);
      this.timeKnown = true;
    } else {
      // A day without its time: its first minute for the resolver, times of that day placed by tense.
      this.reference = new Date(reference.year, reference.month - 1, reference.day, reference.hour ?? 0, reference.minute ?? 0);
      this.moment = { year: reference.year, month: reference.month, day: reference.day, hour: reference.hour ?? 0, minute: reference.minute ?? 0 };
      this.timeKnown = reference.hour !== undefined;
    }
    this.today = dayOf(this.moment);
    this.grammar = new Grammar(this.tokens, { langs: [options.lang], typed: false });
    this.sentence = this.sentences();
    this.cues = this.tokens.map((_, i) => this.tenseCue(i));
  }

  tenseAt(start: number, end: number): Tense | undefined {
    // The tokens the span covers: the first that ends after `start`, up to the last that starts before `end`.
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.tokens[middle] as Token).end <= start) low = middle + 1;
      else high = middle;
    }
    let last = low;
    while (last < this.tokens.length && (this.tokens[last] as Token).start < end) last++;
    if (last === low) return undefined;
    // The clause alone: a participle before a phrase is as often a noun (`comptabilité`) as a verb.
    const cue = this.clauseCue(low, last);
    return cue === 'forward' ? undefined : cue;
  }

  find(): DateMention[] {
    const mentions: DateMention[] = [];
    let i = 0;
    while (i < this.tokens.length) {
      const token = this.tokens[i];
      // Most words of a draft cannot start a date: skip them without trying every rule.
      if (token && ((token.kind === 'word' && !MENTION_STARTERS.has(token.norm)) || (token.kind === 'punct' && !PUNCT_STARTERS.has(token.norm)))) {
        i++;
        continue;
      }
      const found = this.at(i);
      if (found) {
        const cue = this.nearestCue(i, found.end);
        const tense = cue === 'forward' ? undefined : cue;
        mentions.push(tense ? { ...found.mention, tense } : found.mention);
        i = found.end;
      } else i++;
    }
    return mentions;
  }

  /** The mention starting at token `i`, the longest reading first. */
  private at(i: number): { mention: DateMention; end: number } | undefined {
    const lookalike = this.lookalike(i);
    if (lookalike) return lookalike;
    const candidates = [this.recurring(i), this.range(i), this.vagueWindow(i), this.dated(i), this.sameDay(i)].filter((c): c is { mention: DateMention; end: number } => c !== undefined);
    let best: { mention: DateMention; end: number } | undefined;
    for (const candidate of candidates) if (!best || candidate.end > best.end) best = candidate;
    return best;
  }

  // ── lookalikes ───────────────────────────────────────────────────────────────────────────────

  private lookalike(i: number): { mention: DateMention; end: number } | undefined {
    const g = this.grammar;
    const token = this.tokens[i];
    if (!token) return undefined;
    const make = (end: number, lookalike: Lookalike) => ({ mention: this.mention(i, end, 'not-a-date', { lookalike }), end });
    // Phone numbers: `01 44 55 66 77`, `+33 6 12 34 56 78`, `06.12.34.56.78`, `(555) 123-4567`, `555-123-4567`.
    const phone = this.phoneEnd(i);
    if (phone !== undefined) return make(phone, 'phone');
    // Prices: `$9.30`, `9.30 €`, `12,50 euros`.
    if (token.kind === 'punct' && CURRENCY_SIGNS.has(token.norm) && this.tokens[i + 1]?.kind === 'number') return make(this.decimalEnd(i + 1), 'price');
    if (token.kind === 'number') {
      const after = this.decimalEnd(i);
      const next = this.tokens[after];
      if (next && ((next.kind === 'punct' && (CURRENCY_SIGNS.has(next.norm) || next.norm === '%')) || (next.kind === 'word' && CURRENCY_AFTER.has(next.norm) && (next.norm !== 'k' || !next.spaced))))
        return make(after + 1, next.norm === '%' ? 'quantity' : 'price');
    }
    // Versions: `v2.4`, `version 3.10`, `2.4.1`.
    if (token.kind === 'word' && VERSION_WORDS.has(token.norm) && this.tokens[i + 1]?.kind === 'number') {
      const end = this.dottedEnd(i + 1);
      if (end > i + 2 || token.norm === 'v') return make(end, 'version');
    }
    if (token.kind === 'number' && g.isPunct(i + 1, '.') && !this.tokens[i + 1]?.spaced) {
      const end = this.dottedEnd(i);
      const parts = (end - i + 1) / 2;
      if (parts >= 3 && !g.numeric(i)) return make(end, 'version');
      if (parts >= 4) return make(end, 'version');
    }
    // Quantities: `12/15 pages`, `3/4 of`, `note de 15/20`, `3h de retard`.
    if (token.kind === 'number' && g.isPunct(i + 1, '/') && this.tokens[i + 2]?.kind === 'number' && !this.tokens[i + 2]?.spaced && !g.isPunct(i + 3, '/')) {
      const next = this.tokens[i + 3];
      const before = this.tokens[i - 1];
      if ((next?.kind === 'word' && COUNT_NOUNS.has(next.norm)) || (before?.kind === 'word' && SCORE_WORDS.has(before.norm)))
        return make(i + 3, 'quantity');
      // `24/7`, `7j/7`: all the time.
      if (token.value === 24 && this.tokens[i + 2]?.value === 7) return { mention: this.mention(i, i + 3, 'recurring'), end: i + 3 };
    }
    if (token.kind === 'number' && (this.tokens[i + 1]?.norm === 'h' || this.tokens[i + 1]?.norm === 'heures' || this.tokens[i + 1]?.norm === 'j')) {
      // `24h/24`, `7j/7`
      if (g.isPunct(i + 2, '/') && this.tokens[i + 3]?.kind === 'number') return { mention: this.mention(i, i + 4, 'recurring'), end: i + 4 };
      const clockEnd = this.tokens[i + 2]?.kind === 'number' && !this.tokens[i + 2]?.spaced ? i + 3 : i + 2;
      // `3h de retard`, `10 heures de travail`; not `4h de l'après-midi`.
      if (g.isWord(clockEnd, RULES[this.lang].hoursSpentOn) && !g.partOfDay(clockEnd)) return make(clockEnd, 'quantity');
    }
    // Lunchtime: `la pause de midi`, `entre midi et deux`, `à l'heure du déjeuner`, `le midi`, `lunch break`.
    const lunch = this.lunchEnd(i);
    if (lunch !== undefined) return make(lunch, 'lunchtime');
    return undefined;
  }

  private phoneEnd(i: number): number | undefined {
    let at = i;
    const plus = this.grammar.isPunct(at, '+');
    if (plus) at++;
    const open = this.grammar.isPunct(at, '(');
    if (open) at++;
    let groups = 0;
    let digits = 0;
    const separators = new Set<string>();
    while (this.tokens[at]?.kind === 'number' && (groups === 0 || at === i || this.joined(at))) {
      const token = this.tokens[at];
      if (!token) break;
      groups++;
      digits += token.norm.length;
      at++;
      if (this.grammar.isPunct(at, ')')) at++;
      const mark = this.tokens[at];
      if (mark?.kind === 'punct' && ['.', '-'].includes(mark.norm) && !mark.spaced && this.tokens[at + 1]?.kind === 'number' && !this.tokens[at + 1]?.spaced) {
        separators.add(mark.norm);
        at++;
      } else if (this.tokens[at]?.kind === 'number' && this.tokens[at]?.spaced) {
        separators.add(' ');
      } else break;
    }
    const phone = (plus && digits >= 8) || (groups >= 4 && digits >= 8) || (groups === 3 && digits >= 9) || (open && digits >= 9);
    return phone && groups >= 2 ? at : undefined;
  }

  /** Whether token `at` continues a group of digits (one space or one mark before it, no more). */
  private joined(at: number): boolean {
    const token = this.tokens[at];
    const before = this.tokens[at - 1];
    if (!token || !before) return false;
    return before.end === token.start || this.text.slice(before.end, token.start) === ' ';
  }

  /** `9.30`, `12,50`: the index after a number and its decimals. */
  private decimalEnd(i: number): number {
    const mark = this.tokens[i + 1];
    if (mark?.kind === 'punct' && (mark.norm === '.' || mark.norm === ',') && !mark.spaced && this.tokens[i + 2]?.kind === 'number' && !this.tokens[i + 2]?.spaced) return i + 3;
    return i + 1;
  }

  /** `2.4.1`: the index after numbers joined by dots. */
  private dottedEnd(i: number): number {
    let at = i + 1;
    while (this.grammar.isPunct(at, '.') && !this.tokens[at]?.spaced && this.tokens[at + 1]?.kind === 'number' && !this.tokens[at + 1]?.spaced) at += 2;
    return at;
  }

  private lunchEnd(i: number): number | undefined {
    const g = this.grammar;
    for (const words of LUNCH[this.lang]) {
      const end = g.skipWords(i, words);
      if (end === undefined) continue;
      // `le midi` is lunchtime as a habit; `le midi du 15` is not.
      if (words.join(' ') === 'le midi' && (this.tokens[end]?.kind === 'number' || g.isWord(end, DU_DE))) continue;
      // `à l'heure du déjeuner` written with its accent: the grammar reads `a` only as `à`.
      return end;
    }
    return undefined;
  }

  // ── habits and spans ────────────────────────────────────────────────────────────────────────

  private recurring(i: number): { mention: DateMention; end: number } | undefined {
    const g = this.grammar;
    // `every Monday`, `chaque lundi`, `tous les lundis`, `tous les jours à 9h`
    for (const every of EVERY[this.lang]) {
      const after = g.skipWords(i, every);
      if (after === undefined) continue;
      const plural = this.pluralWeekday(after);
      const expr = plural ?? (g.weekdayName(after) ? [0, g.weekdayName(after)?.[1] ?? after] : undefined);
      let end = expr?.[1] ?? (g.isWord(after, EVERY_WHAT) ? after + 1 : undefined);
      if (end === undefined) continue;
      const time = g.time(end);
      if (time) end = time[1];
      return { mention: this.mention(i, end, 'recurring'), end };
    }
    // `on Mondays`, `les lundis`, `Mondays`
    const lead = g.isWord(i, ON_LES) ? i + 1 : i;
    const plural = this.pluralWeekday(lead);
    if (plural) return { mention: this.mention(i, plural[1], 'recurring'), end: plural[1] };
    // `weekdays`, `en semaine`, `7 days a week`, `7 jours sur 7`
    for (const words of [['weekdays'], ['on', 'weekdays'], ['en', 'semaine'], ['7', 'days', 'a', 'week'], ['seven', 'days', 'a', 'week'], ['7', 'jours', 'sur', '7']]) {
      const end = g.skipWords(i, words);
      if (end !== undefined) return { mention: this.mention(i, end, 'recurring'), end };
    }
    // `du mardi au samedi`, `Tuesday to Friday`, `Mon-Fri`, `lundi-vendredi`
    let at = i;
    for (const from of RULES[this.lang].weekdaySpanFrom) {
      const after = g.skipWords(i, from);
      if (after !== undefined && g.weekdayName(after)) at = after;
    }
    const first = g.weekdayName(at);
    if (first) {
      for (const to of RANGE_TO[this.lang]) {
        const after = g.skipWords(first[1], to);
        if (after === undefined) continue;
        const second = g.weekdayName(after);
        if (!second) continue;
        let end = second[1];
        // `du lundi au vendredi de 9h à 18h`
        const hours = this.timeRange(end);
        if (hours) end = hours.end;
        return { mention: this.mention(i, end, 'recurring'), end };
      }
    }
    // `le lundi` in French: a habit (`nous sommes fermés le lundi`), unless a date or `prochain` follows.
    const habit = RULES[this.lang].habitArticle;
    if (habit !== undefined && g.isWord(i, habit)) {
      const name = g.weekdayName(i + 1);
      if (name && !g.isNumberAt(name[1], true) && !g.isWord(name[1], WEEKDAY_MODIFIERS_FR) && !g.isWords(name[1], ['qui', 'vient']) && !g.isWord(name[1], 'premier')) {
        let end = name[1];
        const part = g.partOfDay(end);
        if (part) end = part[1];
        return { mention: this.mention(i, end, 'recurring'), end };
      }
    }
    // Opening hours: `de 9h à 18h` where the sentence speaks of opening.
    const hours = this.timeRange(i);
    if (hours && this.speaksOfOpening(i)) return { mention: this.mention(i, hours.end, 'recurring'), end: hours.end };
    return undefined;
  }

  private pluralWeekday(i: number): [number, number] | undefined {
    const token = this.tokens[i];
    if (token?.kind !== 'word') return undefined;
    const weekday = WEEKDAY_PLURALS[this.lang][token.norm];
    return weekday === undefined ? undefined : [weekday, i + 1];
  }

  /** `de 9h à 18h`, `from 9am to 5pm`, `9h-18h`, `between 2 and 4pm`, `entre 14h et 16h`. */
  private timeRange(i: number): { from: CalendarDate; to: CalendarDate; end: number } | undefined {
    const g = this.grammar;
    const starts: number[] = [];
    for (const from of RANGE_FROM[this.lang]) {
      // `entre le 15`, `between the 15th`: days, not hours.
      if (from.length > 1) continue;
      const after = g.skipWords(i, from);
      if (after !== undefined) starts.push(after);
    }
    starts.push(i);
    for (const start of starts) {
      const first = g.time(start) ?? (start !== i ? g.clock(start, true) : undefined);
      if (!first) continue;
      for (const to of RANGE_TO[this.lang]) {
        if (to.length > 1) continue;
        const after = g.skipWords(first[1], to);
        if (after === undefined) continue;
        const second = g.time(after) ?? g.clock(after, true);
        if (!second) continue;
        const [a, b] = [first[0], second[0]];
        // Two numbers alone (`entre 15 et 18`) are no hours: one of them must say it (`h`, `pm`, `:30`, `midi`).
        if (a.bare && b.bare) continue;
        // `between 2 and 4pm`: the first hour takes the second's half of the clock.
        const left = a.meridiem === undefined && b.meridiem !== undefined && a.hour <= 12 ? { ...a, meridiem: b.meridiem, bare: false } : a;
        const ctx = { now: this.reference, order: this.order, direction: 'nearest' as const, moment: this.moment };
        const from = resolve({ time: left, start: 0, end: 0 }, ctx);
        const until = resolve({ time: { ...b, bare: false }, start: 0, end: 0 }, ctx);
        if ('impossible' in from || 'impossible' in until) continue;
        return { from: from.date, to: until.date, end: second[1] };
      }
    }
    return undefined;
  }

  /** `entre le 15 et le 18`, `between the 15th and the 18th`, `du 15 au 18 novembre`, `from Monday to Wednesday next week`, `between 2 and 4pm tomorrow`. */
  private range(i: number): { mention: DateMention; end: number } | undefined {
    const g = this.grammar;
    // Hours: `entre 14h et 16h`, `between 2 and 4pm tomorrow`, `de 10h à 12h lundi`.
    const hours = this.timeRange(i);
    if (hours) {
      let end = hours.end;
      let day: CalendarDate = this.today;
      let next = end;
      if (g.isPunct(next, ',')) next++;
      if (g.isWord(next, ON_LE_CE)) next++;
      const then = this.expressionAt(next) ?? (next !== end ? this.expressionAt(next - 1) : undefined);
      if (then?.day && !then.time) {
        const resolved = this.resolveExpr(then, this.directionAt(i, then.end, then));
        if (resolved) day = resolved;
        end = then.end;
      }
      const from = { ...day, hour: hours.from.hour ?? 0, minute: hours.from.minute ?? 0 };
      const until = { ...day, hour: hours.to.hour ?? 0, minute: hours.to.minute ?? 0 };
      return { mention: this.windowMention(i, end, from, until), end };
    }
    for (const from of RANGE_FROM[this.lang]) {
      const start = g.skipWords(i, from);
      if (start === undefined) continue;
      const left = this.expressionAt(start);
      const leftDay = left ? undefined : g.dayOfMonth(start, false);
      const leftEnd = left?.end ?? leftDay?.[1];
      if (leftEnd === undefined) continue;
      // `du 15` holds an article (de le); `entre 15`, `from 9` do not, and may count anything.
      const marked = left !== undefined || from.includes('du') || from.includes('the') || from.includes('le') || this.tokens[start]?.ordinal === true;
      for (const to of RANGE_TO[this.lang]) {
        const after = g.skipWords(leftEnd, to);
        if (after === undefined) continue;
        const right = this.expressionAt(after) ?? (marked ? this.bareDay(after) : undefined);
        if (!right || (!right.day && !right.time)) continue;
        if (COUNT_NOUNS.has(this.tokens[right.end]?.norm ?? '') && this.tokens[right.end]?.kind === 'word') continue;
        if (!marked && !(right.day?.kind === 'date' && right.day.month !== undefined)) continue;
        // `du 15 au 18 novembre`: the first day takes the second's month.
        let leftExpr: Expr | undefined = left;
        if (!leftExpr && leftDay && right.day?.kind === 'date') {
          const { month, year } = right.day;
          leftExpr = { day: { kind: 'date', day: leftDay[0], iso: false, ...(month === undefined ? {} : { month }), ...(year === undefined ? {} : { year }) }, start, end: leftEnd };
        }
        if (!leftExpr && leftDay && right.day === undefined) continue;
        if (!leftExpr) continue;
        if (!leftExpr.day || !right.day) continue;
        // Weekdays on both sides are a timetable (`recurring` took them), unless a week is named.
        const direction = this.directionAt(i, right.end, right);
        const a = this.resolveExpr(leftExpr, direction);
        const b = this.resolveExpr(right, direction);
        if (!a || !b) continue;
        const until = compareDates(b, a) < 0 && right.day.kind === 'date' && right.day.month === undefined ? this.nextMonth(b) : b;
        return { mention: this.windowMention(i, right.end, a, until), end: right.end };
      }
    }
    return undefined;
  }

  private bareDay(i: number): Expr | undefined {
    const day = this.grammar.dayOfMonth(i, false);
    if (!day) return undefined;
    const month = this.grammar.monthName(day[1]);
    if (month) return { day: { kind: 'date', day: day[0], month: month[0], iso: false }, start: i, end: month[1] };
    return { day: { kind: 'date', day: day[0], iso: false }, start: i, end: day[1] };
  }

  private nextMonth(date: CalendarDate): CalendarDate {
    const index = date.year * 12 + date.month;
    return { year: Math.floor(index / 12), month: (index % 12) + 1, day: date.day };
  }

  /** Spans said in words: `next week`, `la semaine prochaine`, `en mars`, `fin de semaine`, `this weekend`, `end of the month`. */
  private vagueWindow(i: number): { mention: DateMention; end: number } | undefined {
    const g = this.grammar;
    const today = this.today;
    let best: { mention: DateMention; end: number } | undefined;
    const lead = this.deadlineLead(i);
    const at = lead ?? i;
    // Only the spans that start with the word at `at`, not all of them at every `the`, `le`, `la`
    // of a draft. (On the 1 MB draft of scripts/bench-check.mjs, warm: 317 ms when trying them
    // all, 228 ms, median of 8 runs.)
    const first = this.tokens[at]?.kind === 'word' ? (this.tokens[at]?.norm ?? '') : '';
    for (const [words, from, until] of (this.spans ??= this.namedSpans()).get(first) ?? []) {
      const end = g.skipWords(at, words);
      if (end === undefined || (best && best.end >= end)) continue;
      best = { mention: this.windowMention(i, end, from, until), end };
    }
    if (!MONTH_PREFIXES.has(first) && !g.monthName(at)) return best;
    // A month and no day: `en mars`, `in March 2027`, `fin mars`, `early April`, `mi-avril`.
    for (const prefix of [['en'], ['in'], ['fin'], ['debut'], ['mi'], ['early'], ['late'], ['mid'], ['end', 'of'], ['courant'], ['during'], []] as const) {
      const start = g.skipWords(at, prefix);
      if (start === undefined) continue;
      const month = g.monthName(start);
      if (!month || g.isNumberAt(month[1], true) && this.tokens[month[1]]?.norm.length !== 4) continue;
      // `mars` alone after `en`/`in`, or a month word that is unambiguous.
      if (prefix.length === 0 && (this.tokens[start]?.norm === 'may' || this.tokens[start]?.norm === 'mars' || this.tokens[start]?.norm === 'march')) continue;
      let end = month[1];
      let year = today.year;
      const yearToken = this.tokens[end];
      if (yearToken?.kind === 'number' && yearToken.norm.length === 4) {
        year = yearToken.value;
        end++;
      } else {
        const direction = this.directionAt(i, end, undefined);
        if (direction === 'future' && month[0] < today.month) year++;
        else if (direction === 'past' && month[0] > today.month) year--;
        else if (direction === 'nearest' && month[0] - today.month > 6) year--;
        else if (direction === 'nearest' && today.month - month[0] > 6) year++;
      }
      const last = daysInMonth(year, month[0]);
      const kind = prefix[0] ?? '';
      const [fromDay, untilDay] = ['fin', 'late'].includes(kind) || (kind === 'end') ? [21, last] : ['debut', 'early'].includes(kind) ? [1, 10] : ['mi', 'mid'].includes(kind) ? [11, 20] : [1, last];
      if (best && best.end >= end) continue;
      best = { mention: this.windowMention(i, end, { year, month: month[0], day: fromDay }, { year, month: month[0], day: untilDay }), end };
    }
    return best;
  }

  /** `dans la journée`, `en fin de journée`, `later today`, `by end of day`: the reference's own day. */
  private sameDay(i: number): { mention: DateMention; end: number } | undefined {
    let end: number | undefined;
    for (const words of SAME_DAY[this.lang]) {
      const after = this.grammar.skipWords(i, words);
      if (after !== undefined && (end === undefined || after > end)) end = after;
    }
    if (end === undefined) return undefined;
    return { mention: this.mention(i, end, this.kindOf(this.today, i, end), { date: this.today }), end };
  }

  private spans: Map<string, (readonly [readonly string[], CalendarDate, CalendarDate])[]> | undefined;

  /** The spans said in words, placed once on the calendar of the draft's week and month, by first word. */
  private namedSpans(): Map<string, (readonly [readonly string[], CalendarDate, CalendarDate])[]> {
    const today = this.today;
    const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
    const endOfMonth: CalendarDate = { year: today.year, month: today.month, day: daysInMonth(today.year, today.month) };
    const nextMonth = this.nextMonth({ ...today, day: 1 });
    const endOfNextMonth: CalendarDate = { ...nextMonth, day: daysInMonth(nextMonth.year, nextMonth.month) };
    const nextWeek = [addDays(monday, 7), addDays(monday, 13)] as const;
    const thisWeek = [today, addDays(monday, 6)] as const;
    const weekEnd = [addDays(monday, 3), addDays(monday, 6)] as const;
    const weekend = [addDays(monday, 5), addDays(monday, 6)] as const;
    const monthEnd = [addDays(endOfMonth, -6), endOfMonth] as const;
    const comingDays = [today, addDays(today, 7)] as const;
    const table: [readonly string[], readonly [CalendarDate, CalendarDate]][] = [
      [['la', 'semaine', 'prochaine'], nextWeek],
      [['semaine', 'prochaine'], nextWeek],
      [['next', 'week'], nextWeek],
      [['early', 'next', 'week'], [addDays(monday, 7), addDays(monday, 9)]],
      [['debut', 'de', 'semaine', 'prochaine'], [addDays(monday, 7), addDays(monday, 9)]],
      [['cette', 'semaine'], thisWeek],
      [['this', 'week'], thisWeek],
      [['later', 'this', 'week'], thisWeek],
      [['en', 'fin', 'de', 'semaine'], weekEnd],
      [['fin', 'de', 'semaine'], weekEnd],
      [['the', 'end', 'of', 'the', 'week'], weekEnd],
      [['end', 'of', 'the', 'week'], weekEnd],
      [['ce', 'week', 'end'], weekend],
      [['ce', 'weekend'], weekend],
      [['this', 'weekend'], weekend],
      [['le', 'mois', 'prochain'], [nextMonth, endOfNextMonth]],
      [['next', 'month'], [nextMonth, endOfNextMonth]],
      [['ce', 'mois', 'ci'], [today, endOfMonth]],
      [['this', 'month'], [today, endOfMonth]],
      [['la', 'fin', 'du', 'mois'], monthEnd],
      [['fin', 'du', 'mois'], monthEnd],
      [['the', 'end', 'of', 'the', 'month'], monthEnd],
      [['end', 'of', 'the', 'month'], monthEnd],
      [['les', 'prochains', 'jours'], comingDays],
      [['the', 'coming', 'days'], comingDays],
      [['the', 'next', 'few', 'days'], comingDays],
    ];
    const byFirst = new Map<string, (readonly [readonly string[], CalendarDate, CalendarDate])[]>();
    for (const [words, [from, until]] of table) {
      const first = words[0] ?? '';
      byFirst.set(first, [...(byFirst.get(first) ?? []), [words, from, until] as const]);
    }
    return byFirst;
  }

  // ── dates and times ─────────────────────────────────────────────────────────────────────────

  private dated(i: number): { mention: DateMention; end: number } | undefined {
    const g = this.grammar;
    const lead = this.deadlineLead(i);
    const start = lead ?? i;
    const expr = this.expressionAt(start);
    if (!expr) return undefined;
    // A weekday alone with `le` in French is a habit; `recurring` has it.
    const { day, time } = expr;
    // `the 3rd time`, `le 2e étage`, `le premier ministre`: an ordinal counting something else.
    if (day?.kind === 'date' && day.month === undefined && !time) {
      const next = this.tokens[expr.end];
      if (next?.kind === 'word' && ORDINAL_NOUNS.has(next.norm)) return { mention: this.mention(i, expr.end, 'not-a-date', { lookalike: 'ordinal' }), end: expr.end };
      // An ordinal spelled out (`premier`, `first`) before a word that cannot follow a day is an
      // adjective: `le premier client`, `the first thing`. French writes no day as `2e`, `3e`.
      const written = this.tokens[expr.end - 1];
      const adjective = written?.kind === 'word' && next?.kind === 'word' && !FOLLOWS_A_DAY.has(next.norm) && !g.monthName(expr.end) && !g.partOfDay(expr.end);
      const rank = written?.ordinal === true && RULES[this.lang].rankOrdinal(written.value);
      if (adjective || rank)
        return { mention: this.mention(i, expr.end, 'not-a-date', { lookalike: 'ordinal' }), end: expr.end };
      // A day of the month alone needs its marker: `le 15`, `the 15th`; in English, `the 5` is a count (`the 5 boxes`).
      const last = this.tokens[expr.end - 1];
      if (RULES[this.lang].dayNeedsOrdinal && last?.kind === 'number' && !last.ordinal) return undefined;
      if (next?.kind === 'word' && COUNT_NOUNS.has(next.norm)) return { mention: this.mention(i, expr.end, 'not-a-date', { lookalike: 'quantity' }), end: expr.end };
    }
    // A weekday abbreviated (`Sam`, `mer`, `sat`, `wed`) is a name, a noun or a verb in prose as
    // often as a day: a day only with a date, a time or its dot (`sam. 14`, `ven. à 10h`).
    if (day?.kind === 'weekday' && !time && !this.hasFullWeekday(expr.start, expr.end) && !g.isPunct(expr.end, '.')) return undefined;
    // `midi` alone as a noun (`le repas de midi`); `à midi`, `demain midi`, `ce midi` are times.
    if (!day && time?.noon && expr.end - expr.start === 1 && !g.isWord(expr.start - 1, BEFORE_A_TIME)) {
      if (g.isWord(expr.start - 1, BEFORE_LUNCH_NOON)) return { mention: this.mention(i, expr.end, 'not-a-date', { lookalike: 'lunchtime' }), end: expr.end };
    }
    const direction = lead !== undefined ? 'future' : this.directionAt(start, expr.end, expr);
    const full = resolve(expr, { now: this.reference, order: this.order, direction, moment: this.moment });
    if ('impossible' in full) return undefined;
    // `12/20` in a day-first text is a score, not the 20th of December.
    if (full.swapped) return { mention: this.mention(i, expr.end, 'not-a-date', { lookalike: 'quantity' }), end: expr.end };
    const resolved = full.date;
    // `ouvert à 9h`, `the office opens at 9am`: a time alone where opening is spoken of is a timetable.
    if (!day && time && this.speaksOfOpening(start)) return { mention: this.mention(i, expr.end, 'recurring'), end: expr.end };
    if (this.isReference(start)) {
      // The date of a dated thing (an order, an invoice) is its last occurrence, unless its words say otherwise.
      const dated = lead === undefined && !this.nearestTense(start, expr.end) ? this.resolveExpr(expr, 'past') ?? resolved : resolved;
      return { mention: this.mention(i, expr.end, 'reference', { date: dated }), end: expr.end };
    }
    const delay = day?.kind === 'delay' && day.sign > 0 ? { delay: true as const } : {};
    // A day named outright ("on 24/02/2025", "le 3 mars", "on Friday") in a sentence told in the
    // past is past, wherever the calendar puts it: the writer knows, the reference may be a guess.
    // So is a deadline ("il vous appartenait de les transmettre avant le 15 avril"). A day counted
    // from the reference ("tomorrow", "in 3 days") keeps its place.
    const named = day !== undefined && (day.kind === 'date' || day.kind === 'numeric' || (day.kind === 'weekday' && day.mode === 'bare'));
    const kind = named && this.nearestTense(i, expr.end) === 'past' ? 'past' : this.kindOf(resolved, start, expr.end);
    return { mention: this.mention(i, expr.end, kind, { date: resolved, ...delay }), end: expr.end };
  }

  private hasFullWeekday(start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (FULL_WEEKDAYS.has(this.tokens[k]?.norm ?? '')) return true;
    return false;
  }

  /**
   * The grammar's expression at token `i`, parsed once: the deadline words, the ranges and the
   * dates all ask for the one after them. (On the 1 MB draft of scripts/bench-check.mjs, warm:
   * 241 ms without this, 228 ms with it, median of 8 runs.)
   */
  private expressionAt(i: number): Expr | undefined {
    const cached = this.expressions.get(i);
    if (cached !== undefined) return cached === null ? undefined : cached;
    const expr = this.grammar.expression(i);
    this.expressions.set(i, expr ?? null);
    return expr;
  }

  private readonly expressions = new Map<number, Expr | null>();

  /** `by`, `d'ici`, `avant`… before `i`: where the mention starts, or undefined. */
  private deadlineLead(i: number): number | undefined {
    for (const words of DEADLINE_WORDS[this.lang]) {
      const after = this.grammar.skipWords(i, words);
      if (after !== undefined && after > i && this.expressionAt(after)) return after;
      if (after !== undefined && after > i) {
        // `d'ici la fin du mois`, `by next week`: a span after a deadline word.
        const span = this.grammar.skipWords(after, ['la']) ?? after;
        if (span !== after && this.grammar.isWord(span, 'fin')) return span;
      }
    }
    return undefined;
  }

  private resolveExpr(expr: Expr, direction: Direction): CalendarDate | undefined {
    const resolved = resolve(expr, { now: this.reference, order: this.order, direction, moment: this.moment });
    if ('impossible' in resolved) return undefined;
    return resolved.date;
  }

  private kindOf(date: CalendarDate, start: number, end: number): MentionKind {
    if (date.hour !== undefined && this.timeKnown) return compareDates(date, this.moment) < 0 ? 'past' : 'future';
    const order = compareDates(dayOf(date), this.today);
    if (order < 0) return 'past';
    // Today, told in the past ("we received it this morning"), is past.
    if (order === 0 && this.nearestTense(start, end) === 'past') return 'past';
    return 'future';
  }

  /** Which occurrence an incomplete date means, from the words around it. */
  private directionAt(start: number, end: number, expr: Expr | undefined): Direction {
    const tense = this.nearestTense(start, end);
    if (tense) return tense;
    // A weekday or a time alone is the next one ("on Friday"); a day of the month, the nearest.
    if (expr?.day?.kind === 'weekday' || (expr && !expr.day)) return 'future';
    return 'nearest';
  }

  /** The tense a year-less date is placed by: words that point ahead count as the future. */
  private nearestTense(start: number, end: number): Tense | undefined {
    const cue = this.nearestCue(start, end);
    return cue === 'forward' ? 'future' : cue;
  }

  private nearestCue(start: number, end: number): Cue | undefined {
    return this.participleBefore(start) ?? this.clauseCue(start, end);
  }

  /** The cue nearest the tokens `[start, end)` in their clause: before them first, then just after. */
  private clauseCue(start: number, end: number): Cue | undefined {
    const sentence = this.sentence[start];
    const boundary = (i: number): boolean => (this.tokens[i]?.kind === 'punct' && CLAUSE_MARKS.has(this.tokens[i]?.norm ?? '')) || this.grammar.isWord(i, CLAUSE_OPENERS);
    let best: { tense: Cue; distance: number } | undefined;
    // Back to the start of the clause: "nous avons bien reçu votre message, et je vous rappelle le
    // 14" is not told in the past.
    let words = 0;
    for (let i = start - 1; i >= 0 && this.sentence[i] === sentence && start - i <= 16 && !boundary(i); i--) {
      if (this.tokens[i]?.kind === 'word') words++;
      const tense = this.cueAt(i);
      if (tense) {
        best = { tense, distance: start - i };
        break;
      }
    }
    // Then on to the end of the clause; across a comma only for words put first ("Jeudi, nous
    // livrerons"): "vous aviez besoin de la poussette au plus vite, avant la naissance" is told by
    // "aviez", not by "avant".
    const fronted = words === 0;
    for (let i = end; i < this.tokens.length && this.sentence[i] === sentence && i - end < 8 && (fronted || !boundary(i)); i++) {
      const tense = this.cueAt(i);
      if (tense) {
        // A cue after the words weighs a little less than one before them.
        if (!best || i - end + 2 < best.distance) best = { tense, distance: i - end + 2 };
        break;
      }
    }
    return best?.tense;
  }


  private cueAt(i: number): Cue | undefined {
    return this.cues[i];
  }

  private tenseCue(i: number): Cue | undefined {
    const token = this.tokens[i];
    if (token?.kind !== 'word') return undefined;
    if (PAST_WORDS[this.lang].has(token.norm) && !this.passiveOrAdjective(i)) return 'past';
    if (FUTURE_WORDS[this.lang].has(token.norm)) return 'future';
    if (FORWARD_WORDS[this.lang].has(token.norm)) return 'forward';
    if (this.infinitive(i)) return 'forward';
    return RULES[this.lang].tense(this, i);
  }

  /**
   * A participle right before the date says what happened, or is planned, on that day: "bought on
   * 2 March", "acheté le 2 janvier", "parvenus que le 12 mai" are past; "scheduled for Friday",
   * "prévue le 14", "reporté au 3" are planned, so future.
   */
  private participleBefore(start: number): Tense | undefined {
    const g = this.grammar;
    let j = start - 1;
    if (!g.isWord(start, DATE_LINKS) && g.isWord(j, DATE_LINKS)) j--;
    if (g.isWord(j, 'que')) j--;
    const token = this.tokens[j];
    if (token?.kind !== 'word') return undefined;
    if (PLANNED[this.lang].has(token.norm)) return 'future';
    const written = token.text.toLowerCase();
    if (!RULES[this.lang].participle(written, token.norm)) return undefined;
    // Its auxiliary, if any, tells the tense: "vous sera adressée le 28", "will be sent on Friday"
    // are future; "est expédiée le 3", "should be shipped on" leave it to the sentence; alone ("le
    // lave-linge acheté le 2 janvier") or after "avons", "has", it is past.
    let k = j - 1;
    // `re-edited`, `re-sent`: the participle's prefix belongs to it.
    if (g.isPunct(k, '-') && !this.tokens[k]?.spaced && this.tokens[k - 1]?.kind === 'word') k -= 2;
    while (k > j - 3 && g.isWord(k, PARTICIPLE_ADVERBS)) k--;
    // `will be sent`, `sera envoyée`; `can be sent`, `devraient être imprimées`, `est expédiée`.
    const infinitive = g.isWord(k, BE_INFINITIVE);
    if (this.cueAt(k) === 'future' || (infinitive && this.cueAt(k - 1) === 'future')) return 'future';
    if (infinitive || g.isWord(k, PRESENT_PASSIVE)) return undefined;
    return 'past';
  }

  /**
   * An infinitive of purpose or of a request points ahead, whatever the verb before it: "I've asked
   * a colleague to call you at 15:00 today", "j'ai demandé à Paul de vous rappeler à 15 h". Not after
   * a verb that tells a miss, or one told in the past ("I forgot to send it on Friday", "nous avions oublié de vous prévenir").
   */
  private infinitive(i: number): boolean {
    const token = this.tokens[i];
    if (token?.kind !== 'word' || /^[A-Z]/.test(token.text)) return false;
    const j = RULES[this.lang].infinitiveMarker(this, i, token.norm);
    // Nor after a verb told in the past: "il vous appartenait de nous les transmettre avant le 15".
    return j >= 0 && !this.grammar.isWord(j - 1, MISSED_BEFORE_INFINITIVE[this.lang]) && !this.toldInPast(j - 1);
  }

  /** English: the `to` before word `i` when it is an infinitive ("to call you"), else -1. */
  englishInfinitiveMarker(i: number, word: string): number {
    return this.grammar.isWord(i - 1, 'to') && !NOT_INFINITIVES_EN.has(word) ? i - 1 : -1;
  }

  /** French: the `de`, `à`, `pour` before word `i` when it is an infinitive ("de vous rappeler"), else -1. */
  frenchInfinitiveMarker(i: number, word: string): number {
    if (!/[a-z]{2}(?:er|ir|re)$/.test(word) || NOT_INFINITIVES_FR.has(word)) return -1;
    let j = i - 1;
    while (j > i - 4 && this.grammar.isWord(j, FRENCH_CLITICS)) j--;
    // Many nouns end like an infinitive ("déclaration de sinistre du 6 octobre"): without a
    // pronoun before it ("de vous rappeler"), only the -er of the first group counts.
    if (j === i - 1 && !word.endsWith('er')) return -1;
    return this.grammar.isWord(j, INFINITIVE_MARKERS_FR) ? j : -1;
  }

  /** Whether word `i` alone puts its clause in the past (the cues are still being worked out). */
  private toldInPast(i: number): boolean {
    const token = this.tokens[i];
    if (token?.kind !== 'word') return false;
    return (PAST_WORDS[this.lang].has(token.norm) && !this.passiveOrAdjective(i)) || RULES[this.lang].tense(this, i) === 'past';
  }

  /** A participle after `be`, `is`, an article… (see LanguageRules.notBeforePast): `can be opened`, `your detailed reply`, not a past. */
  private passiveOrAdjective(i: number): boolean {
    const token = this.tokens[i];
    const before = this.tokens[i - 1];
    if (!token || before?.kind !== 'word' || !RULES[this.lang].notBeforePast.has(before.norm)) return false;
    return token.norm.endsWith('ed') || IRREGULAR_PARTICIPLES.en.has(token.norm);
  }

  englishTense(i: number): Tense | undefined {
    const word = this.tokens[i]?.norm ?? '';
    // `'ll`: we'll, I'll
    if (word === 'll' && this.grammar.isPunct(i - 1, "'")) return 'future';
    // `we shipped`, `the update changed`; not `your detailed reply`, `it is scheduled`, `I am worried`.
    const before = this.tokens[i - 1];
    if (word.length > 4 && word.endsWith('ed') && before?.kind === 'word' && !NOT_BEFORE_PAST_EN.has(before.norm)) return 'past';
    return undefined;
  }

  frenchTense(i: number): Tense | undefined {
    const token = this.tokens[i];
    if (!token) return undefined;
    const word = token.norm;
    if (FUTURE_ENDINGS_FR.test(word) && !NOT_FUTURE_FR.has(word)) return 'future';
    // The imperfect (`appartenait`, `étaient`); not the conditional in `-rait`, a hedge, nor `plaît`, `fait`.
    if (IMPERFECT_FR.test(word) && !NOT_IMPERFECT_FR.has(word)) return 'past';
    // Passé composé: an auxiliary, then a past participle (`avons reçu`, `a été`, `est arrivé`).
    if (FRENCH_AUXILIARIES.has(word) && token.text !== 'à') {
      for (let j = i + 1; j < i + 4 && j < this.tokens.length; j++) {
        const next = this.tokens[j];
        if (next?.kind !== 'word') break;
        if (FRENCH_SKIPPED.has(next.norm) && next.norm !== 'ete') continue;
        if (/(?:é|ée|és|ées|i|is|it|ite|u|ue|us|û|ert|erte|ait)$/.test(next.text.toLowerCase())) return 'past';
        break;
      }
    }
    return undefined;
  }

  /** Whether a dated thing comes just before: "votre commande du", "your ticket of", "your order placed on". */
  private isReference(start: number): boolean {
    const g = this.grammar;
    for (const connector of DATED_BY[this.lang]) {
      const at = start - connector.length;
      if (at < 1 || g.skipWords(at, connector) !== start) continue;
      if (this.thingBefore(at)) return true;
    }
    // `placed on`, `passée le`
    const on = RULES[this.lang].datedOn;
    const before = g.isWord(start - 1, new Set([on])) ? start - 2 : g.isWord(start, new Set([on])) ? start - 1 : -1;
    if (before >= 0 && g.isWord(before, DATED_VERBS[this.lang]) && this.thingBefore(before)) return true;
    return false;
  }

  private thingBefore(at: number): boolean {
    for (let j = at - 1; j >= 0 && at - j <= 5 && this.sentence[j] === this.sentence[at]; j--) {
      const token = this.tokens[j];
      if (token?.kind === 'word' && DATED_THINGS[this.lang].has(token.norm.replace(/s$/, ''))) return true;
    }
    return false;
  }

  /** Whether the sentence of token `i` speaks of opening hours (worked out once for all sentences: linear time). */
  private speaksOfOpening(i: number): boolean {
    this.opening ??= new Set(this.tokens.flatMap((token, j) => (OPENING_WORDS.has(token.norm) ? [this.sentence[j] ?? -1] : [])));
    return this.opening.has(this.sentence[i] ?? -1);
  }

  private opening: Set<number> | undefined;

  /** Sentences end at `.`, `!`, `?`, `;` followed by a space, and at a blank line. */
  private sentences(): number[] {
    const ids: number[] = [];
    let id = 0;
    for (const [i, token] of this.tokens.entries()) {
      const previous = this.tokens[i - 1];
      if (previous) {
        const gap = this.text.slice(previous.end, token.start);
        const ends = previous.kind === 'punct' && SENTENCE_ENDS.has(previous.norm) && gap.length > 0;
        if (ends || /\n\s*\n/.test(gap)) id++;
      }
      ids.push(id);
    }
    return ids;
  }



  private windowMention(i: number, end: number, from: CalendarDate, until: CalendarDate): DateMention {
    const past = until.hour !== undefined && this.timeKnown ? compareDates(until, this.moment) < 0 : compareDates(dayOf(until), this.today) < 0;
    return this.mention(i, end, past ? 'past' : 'window', { date: from, until });
  }

  private mention(startToken: number, endToken: number, kind: MentionKind, more: Partial<DateMention> = {}): DateMention {
    const start = this.tokens[startToken]?.start ?? 0;
    const end = this.tokens[endToken - 1]?.end ?? start;
    return { start, end, text: this.text.slice(start, end), kind, ...more };
  }
}
