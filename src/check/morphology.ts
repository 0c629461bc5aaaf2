import type { Lang } from '../types.js';

/**
 * The written forms of a word, for patterns written `~lemma`: `~use` matches "use", "uses", "used",
 * "using"; `~valider` matches "valide", "validez", "validait", "validé", "validées"…; `~léger` the
 * four forms of the adjective. A tense narrows it: `~use.past`, `~valider.pp` (see TENSES).
 *
 * Forms are generated from the lemma, on folded text (no accents: "préfère" and "préféré" are one
 * spelling there, which spares most of French spelling changes), by the regular rules of each
 * language and a table of irregular verbs. Generating rather than guessing a lemma from a word
 * means a pattern never matches a word by accident of a bad guess; the rare over-generated form
 * ("openned") is no word anyone writes.
 */

export const TENSES = {
  en: ['base', 'present', 'past', 'pp', 'ing'],
  fr: ['inf', 'present', 'imperfect', 'simple-past', 'future', 'conditional', 'subjunctive', 'pp', 'ppr', 'past'],
} as const satisfies Record<Lang, readonly string[]>;

export type Tense = (typeof TENSES)[Lang][number];

type FormTable = Partial<Record<string, readonly string[]>>;

/** The folded forms of `lemma` (itself folded) in `lang`, of `tense` or of all tenses. */
export function formsOf(lemma: string, lang: Lang, tense?: string): string[] {
  const table = FORMS[lang](lemma);
  const wanted = tense === undefined ? Object.values(table) : (table[tense] ?? []);
  return [...new Set(wanted.flatMap((forms) => forms ?? []))];
}

/** Whether `tense` is one `formsOf` knows in `lang`. */
export function isTense(lang: Lang, tense: string): boolean {
  return (TENSES[lang] as readonly string[]).includes(tense);
}

// ---------------------------------------------------------------------------------------------
// English

/** Irregular verbs: base, past, past participle (several spellings separated by `/`). */
const EN_IRREGULAR = `
be was/were been|have had had|do did done|go went gone|say said said|make made made|take took taken
give gave given|send sent sent|get got got/gotten|know knew known|think thought thought|tell told told
find found found|feel felt felt|see saw seen|come came come|leave left left|pay paid paid|buy bought bought
build built built|bring brought brought|choose chose chosen|write wrote written|read read read
speak spoke spoken|understand understood understood|misunderstand misunderstood misunderstood
mislead misled misled|break broke broken|forget forgot forgotten|put put put|set set set|let let let
cut cut cut|run ran run|keep kept kept|hold held held|lose lost lost|mean meant meant|meet met met
sit sat sat|stand stood stood|win won won|begin began begun|catch caught caught|teach taught taught
sell sold sold|spend spent spent|lend lent lent|fall fell fallen|drive drove driven|rise rose risen
wear wore worn|tear tore torn|deal dealt dealt|hear heard heard|hide hid hidden|shut shut shut
spread spread spread|hurt hurt hurt|cost cost cost|fit fit/fitted fit/fitted|quit quit quit|upset upset upset
undertake undertook undertaken|withdraw withdrew withdrawn|draw drew drawn|grow grew grown
throw threw thrown|show showed shown/showed|fly flew flown|forgive forgave forgiven|freeze froze frozen
steal stole stolen|wake woke woken|ring rang rung|drink drank drunk|bite bit bitten|ride rode ridden
strike struck struck|stick stuck stuck|hang hung hung|shoot shot shot|light lit lit|feed fed fed
lead led led|bend bent bent|bet bet bet|burn burnt/burned burnt/burned|learn learnt/learned learnt/learned
spell spelt/spelled spelt/spelled|spill spilt/spilled spilt/spilled|spoil spoilt/spoiled spoilt/spoiled
lay laid laid|seek sought sought|fight fought fought|slide slid slid|swear swore sworn|sleep slept slept
shake shook shaken|mistake mistook mistaken|oversee oversaw overseen|redo redid redone|resend resent resent
rebuild rebuilt rebuilt|rewrite rewrote rewritten|reread reread reread|reset reset reset|undo undid undone
overlook overlooked overlooked|can could could|will would would|shall should should|may might might
must must must|forbid forbade forbidden|overreact overreacted overreacted|mishear misheard misheard
misread misread misread|foresee foresaw foreseen|withhold withheld withheld|overhear overheard overheard`;

const enIrregular = new Map<string, { past: string[]; pp: string[] }>();
for (const entry of EN_IRREGULAR.split(/[|\n]/)) {
  const [base, past, pp] = entry.trim().split(/\s+/);
  if (base && past && pp) enIrregular.set(base, { past: past.split('/'), pp: pp.split('/') });
}

const VOWEL = /[aeiou]/;

function englishForms(lemma: string): FormTable {
  if (lemma === 'be') return { base: ['be'], present: ['am', 'is', 'are'], past: ['was', 'were'], pp: ['been'], ing: ['being'] };
  if (lemma === 'have') return { base: ['have'], present: ['has', 'have'], past: ['had'], pp: ['had'], ing: ['having'] };
  if (lemma === 'do') return { base: ['do'], present: ['does', 'do'], past: ['did'], pp: ['done'], ing: ['doing'] };
  if (lemma === 'go') return { base: ['go'], present: ['goes', 'go'], past: ['went'], pp: ['gone'], ing: ['going'] };
  // Phrasal verbs and multi-word lemmas inflect their first word: "~make sure" is a pattern of two words.
  const last = lemma.at(-1) ?? '';
  const beforeLast = lemma.at(-2) ?? '';
  const third =
    /(s|x|z|ch|sh|o)$/.test(lemma) ? [`${lemma}es`] : last === 'y' && !VOWEL.test(beforeLast) ? [`${lemma.slice(0, -1)}ies`] : [`${lemma}s`];
  const irregular = enIrregular.get(lemma);
  // Doubling the last consonant ("stop", "stopped") depends on stress; both spellings are given.
  const doubles = /[^aeiou][aeiou][bdgklmnprt]$/.test(lemma);
  let past: string[];
  let ing: string[];
  if (last === 'e') {
    past = [`${lemma}d`];
    ing = lemma.endsWith('ee') || lemma.endsWith('ye') || lemma.endsWith('oe') ? [`${lemma}ing`] : [`${lemma.slice(0, -1)}ing`];
    if (lemma.endsWith('ie')) ing = [`${lemma.slice(0, -2)}ying`];
  } else if (last === 'y' && !VOWEL.test(beforeLast)) {
    past = [`${lemma.slice(0, -1)}ied`];
    ing = [`${lemma}ing`];
  } else {
    past = [`${lemma}ed`];
    ing = [`${lemma}ing`];
    if (doubles) {
      past.push(`${lemma}${last}ed`);
      ing.push(`${lemma}${last}ing`);
    }
    if (lemma.endsWith('c')) {
      past.push(`${lemma}ked`);
      ing.push(`${lemma}king`);
    }
  }
  return {
    base: [lemma],
    present: [lemma, ...third],
    past: irregular ? irregular.past : past,
    pp: irregular ? irregular.pp : past,
    ing,
  };
}

// ---------------------------------------------------------------------------------------------
// French

/**
 * Irregular verbs and families, keyed by the ending they share (`prendre` serves "comprendre",
 * "reprendre"; `cevoir` "recevoir", "décevoir"): present (six persons), imperfect stem, simple
 * past stem and vowel, future stem, past participle, subjunctive stems (singular, plural), present
 * participle, all folded. `!` marks an entry for that exact verb only ("aller", not "installer").
 */
interface Irregular {
  present: readonly string[];
  imperfect: string;
  simplePast: readonly [string, 'a' | 'i' | 'u' | 'in'];
  future: string;
  pp: string;
  subjunctive: readonly string[];
  ppr: string;
  extra?: readonly string[];
}

const FR_IRREGULAR: Record<string, Irregular> = {
  '!etre': {
    present: ['suis', 'es', 'est', 'sommes', 'etes', 'sont'],
    imperfect: 'et',
    simplePast: ['f', 'u'],
    future: 'ser',
    pp: 'ete',
    subjunctive: [],
    ppr: 'etant',
    extra: ['sois', 'soit', 'soyons', 'soyez', 'soient'],
  },
  '!avoir': {
    present: ['ai', 'as', 'a', 'avons', 'avez', 'ont'],
    imperfect: 'av',
    simplePast: ['e', 'u'],
    future: 'aur',
    pp: 'eu',
    subjunctive: [],
    ppr: 'ayant',
    extra: ['aie', 'aies', 'ait', 'ayons', 'ayez', 'aient'],
  },
  '!aller': {
    present: ['vais', 'vas', 'va', 'allons', 'allez', 'vont'],
    imperfect: 'all',
    simplePast: ['all', 'a'],
    future: 'ir',
    pp: 'alle',
    subjunctive: ['aill', 'all'],
    ppr: 'allant',
  },
  faire: {
    present: ['fais', 'fais', 'fait', 'faisons', 'faites', 'font'],
    imperfect: 'fais',
    simplePast: ['f', 'i'],
    future: 'fer',
    pp: 'fait',
    subjunctive: ['fass', 'fass'],
    ppr: 'faisant',
  },
  '!pouvoir': {
    present: ['peux', 'peux', 'peut', 'pouvons', 'pouvez', 'peuvent'],
    imperfect: 'pouv',
    simplePast: ['p', 'u'],
    future: 'pourr',
    pp: 'pu',
    subjunctive: ['puiss', 'puiss'],
    ppr: 'pouvant',
    extra: ['puis'],
  },
  '!devoir': {
    present: ['dois', 'dois', 'doit', 'devons', 'devez', 'doivent'],
    imperfect: 'dev',
    simplePast: ['d', 'u'],
    future: 'devr',
    pp: 'du',
    subjunctive: ['doiv', 'dev'],
    ppr: 'devant',
  },
  '!vouloir': {
    present: ['veux', 'veux', 'veut', 'voulons', 'voulez', 'veulent'],
    imperfect: 'voul',
    simplePast: ['voul', 'u'],
    future: 'voudr',
    pp: 'voulu',
    subjunctive: ['veuill', 'voul'],
    ppr: 'voulant',
  },
  '!savoir': {
    present: ['sais', 'sais', 'sait', 'savons', 'savez', 'savent'],
    imperfect: 'sav',
    simplePast: ['s', 'u'],
    future: 'saur',
    pp: 'su',
    subjunctive: ['sach', 'sach'],
    ppr: 'sachant',
  },
  '!falloir': {
    present: ['faut'],
    imperfect: 'fall',
    simplePast: ['fall', 'u'],
    future: 'faudr',
    pp: 'fallu',
    subjunctive: ['faill'],
    ppr: 'fallant',
  },
  venir: {
    present: ['viens', 'viens', 'vient', 'venons', 'venez', 'viennent'],
    imperfect: 'ven',
    simplePast: ['v', 'in'],
    future: 'viendr',
    pp: 'venu',
    subjunctive: ['vienn', 'ven'],
    ppr: 'venant',
  },
  tenir: {
    present: ['tiens', 'tiens', 'tient', 'tenons', 'tenez', 'tiennent'],
    imperfect: 'ten',
    simplePast: ['t', 'in'],
    future: 'tiendr',
    pp: 'tenu',
    subjunctive: ['tienn', 'ten'],
    ppr: 'tenant',
  },
  prendre: {
    present: ['prends', 'prends', 'prend', 'prenons', 'prenez', 'prennent'],
    imperfect: 'pren',
    simplePast: ['pr', 'i'],
    future: 'prendr',
    pp: 'pris',
    subjunctive: ['prenn', 'pren'],
    ppr: 'prenant',
  },
  mettre: {
    present: ['mets', 'mets', 'met', 'mettons', 'mettez', 'mettent'],
    imperfect: 'mett',
    simplePast: ['m', 'i'],
    future: 'mettr',
    pp: 'mis',
    subjunctive: ['mett', 'mett'],
    ppr: 'mettant',
  },
  dire: {
    present: ['dis', 'dis', 'dit', 'disons', 'dites', 'disent'],
    imperfect: 'dis',
    simplePast: ['d', 'i'],
    future: 'dir',
    pp: 'dit',
    subjunctive: ['dis', 'dis'],
    ppr: 'disant',
    extra: ['disez'],
  },
  lire: {
    present: ['lis', 'lis', 'lit', 'lisons', 'lisez', 'lisent'],
    imperfect: 'lis',
    simplePast: ['l', 'u'],
    future: 'lir',
    pp: 'lu',
    subjunctive: ['lis', 'lis'],
    ppr: 'lisant',
  },
  crire: {
    present: ['cris', 'cris', 'crit', 'crivons', 'crivez', 'crivent'],
    imperfect: 'criv',
    simplePast: ['criv', 'i'],
    future: 'crir',
    pp: 'crit',
    subjunctive: ['criv', 'criv'],
    ppr: 'crivant',
  },
  voir: {
    present: ['vois', 'vois', 'voit', 'voyons', 'voyez', 'voient'],
    imperfect: 'voy',
    simplePast: ['v', 'i'],
    future: 'verr',
    pp: 'vu',
    subjunctive: ['voi', 'voy'],
    ppr: 'voyant',
    extra: ['voirai', 'voiras', 'voira', 'voirons', 'voirez', 'voiront', 'voirais', 'voirait', 'voirions', 'voiriez', 'voiraient'],
  },
  cevoir: {
    present: ['cois', 'cois', 'coit', 'cevons', 'cevez', 'coivent'],
    imperfect: 'cev',
    simplePast: ['c', 'u'],
    future: 'cevr',
    pp: 'cu',
    subjunctive: ['coiv', 'cev'],
    ppr: 'cevant',
  },
  envoyer: {
    present: ['envoie', 'envoies', 'envoie', 'envoyons', 'envoyez', 'envoient'],
    imperfect: 'envoy',
    simplePast: ['envoy', 'a'],
    future: 'enverr',
    pp: 'envoye',
    subjunctive: ['envoi', 'envoy'],
    ppr: 'envoyant',
  },
  connaitre: {
    present: ['connais', 'connais', 'connait', 'connaissons', 'connaissez', 'connaissent'],
    imperfect: 'connaiss',
    simplePast: ['conn', 'u'],
    future: 'connaitr',
    pp: 'connu',
    subjunctive: ['connaiss', 'connaiss'],
    ppr: 'connaissant',
  },
  paraitre: {
    present: ['parais', 'parais', 'parait', 'paraissons', 'paraissez', 'paraissent'],
    imperfect: 'paraiss',
    simplePast: ['par', 'u'],
    future: 'paraitr',
    pp: 'paru',
    subjunctive: ['paraiss', 'paraiss'],
    ppr: 'paraissant',
  },
  croire: {
    present: ['crois', 'crois', 'croit', 'croyons', 'croyez', 'croient'],
    imperfect: 'croy',
    simplePast: ['cr', 'u'],
    future: 'croir',
    pp: 'cru',
    subjunctive: ['croi', 'croy'],
    ppr: 'croyant',
  },
  vrir: {
    present: ['vre', 'vres', 'vre', 'vrons', 'vrez', 'vrent'],
    imperfect: 'vr',
    simplePast: ['vr', 'i'],
    future: 'vrir',
    pp: 'vert',
    subjunctive: ['vr', 'vr'],
    ppr: 'vrant',
  },
  frir: {
    present: ['fre', 'fres', 'fre', 'frons', 'frez', 'frent'],
    imperfect: 'fr',
    simplePast: ['fr', 'i'],
    future: 'frir',
    pp: 'fert',
    subjunctive: ['fr', 'fr'],
    ppr: 'frant',
  },
  suivre: {
    present: ['suis', 'suis', 'suit', 'suivons', 'suivez', 'suivent'],
    imperfect: 'suiv',
    simplePast: ['suiv', 'i'],
    future: 'suivr',
    pp: 'suivi',
    subjunctive: ['suiv', 'suiv'],
    ppr: 'suivant',
  },
  vivre: {
    present: ['vis', 'vis', 'vit', 'vivons', 'vivez', 'vivent'],
    imperfect: 'viv',
    simplePast: ['vec', 'u'],
    future: 'vivr',
    pp: 'vecu',
    subjunctive: ['viv', 'viv'],
    ppr: 'vivant',
  },
  plaire: {
    present: ['plais', 'plais', 'plait', 'plaisons', 'plaisez', 'plaisent'],
    imperfect: 'plais',
    simplePast: ['pl', 'u'],
    future: 'plair',
    pp: 'plu',
    subjunctive: ['plais', 'plais'],
    ppr: 'plaisant',
  },
  soudre: {
    present: ['sous', 'sous', 'sout', 'solvons', 'solvez', 'solvent'],
    imperfect: 'solv',
    simplePast: ['sol', 'u'],
    future: 'soudr',
    pp: 'solu',
    subjunctive: ['solv', 'solv'],
    ppr: 'solvant',
  },
  aindre: {
    present: ['ains', 'ains', 'aint', 'aignons', 'aignez', 'aignent'],
    imperfect: 'aign',
    simplePast: ['aign', 'i'],
    future: 'aindr',
    pp: 'aint',
    subjunctive: ['aign', 'aign'],
    ppr: 'aignant',
  },
  eindre: {
    present: ['eins', 'eins', 'eint', 'eignons', 'eignez', 'eignent'],
    imperfect: 'eign',
    simplePast: ['eign', 'i'],
    future: 'eindr',
    pp: 'eint',
    subjunctive: ['eign', 'eign'],
    ppr: 'eignant',
  },
  oindre: {
    present: ['oins', 'oins', 'oint', 'oignons', 'oignez', 'oignent'],
    imperfect: 'oign',
    simplePast: ['oign', 'i'],
    future: 'oindr',
    pp: 'oint',
    subjunctive: ['oign', 'oign'],
    ppr: 'oignant',
  },
  uire: {
    present: ['uis', 'uis', 'uit', 'uisons', 'uisez', 'uisent'],
    imperfect: 'uis',
    simplePast: ['uis', 'i'],
    future: 'uir',
    pp: 'uit',
    subjunctive: ['uis', 'uis'],
    ppr: 'uisant',
  },
  courir: {
    present: ['cours', 'cours', 'court', 'courons', 'courez', 'courent'],
    imperfect: 'cour',
    simplePast: ['cour', 'u'],
    future: 'courr',
    pp: 'couru',
    subjunctive: ['cour', 'cour'],
    ppr: 'courant',
  },
  valoir: {
    present: ['vaux', 'vaux', 'vaut', 'valons', 'valez', 'valent'],
    imperfect: 'val',
    simplePast: ['val', 'u'],
    future: 'vaudr',
    pp: 'valu',
    subjunctive: ['vaill', 'val'],
    ppr: 'valant',
  },
  rire: {
    present: ['ris', 'ris', 'rit', 'rions', 'riez', 'rient'],
    imperfect: 'ri',
    simplePast: ['r', 'i'],
    future: 'rir',
    pp: 'ri',
    subjunctive: ['ri', 'ri'],
    ppr: 'riant',
  },
  battre: {
    present: ['bats', 'bats', 'bat', 'battons', 'battez', 'battent'],
    imperfect: 'batt',
    simplePast: ['batt', 'i'],
    future: 'battr',
    pp: 'battu',
    subjunctive: ['batt', 'batt'],
    ppr: 'battant',
  },
};

/** Verbs in -ir of the third group, conjugated like "partir" (pars, partons), keyed by ending. */
const FR_IR_LIKE_PARTIR = ['partir', 'sortir', 'sentir', 'mentir', 'servir', 'dormir'];

const SIMPLE_PAST: Record<Irregular['simplePast'][1], readonly string[]> = {
  a: ['ai', 'as', 'a', 'ames', 'ates', 'erent'],
  i: ['is', 'it', 'imes', 'ites', 'irent'],
  u: ['us', 'ut', 'umes', 'utes', 'urent'],
  in: ['ins', 'int', 'inmes', 'intes', 'inrent'],
};
const IMPERFECT = ['ais', 'ait', 'ions', 'iez', 'aient'];
const FUTURE = ['ai', 'as', 'a', 'ons', 'ez', 'ont'];
const CONDITIONAL = ['ais', 'ait', 'ions', 'iez', 'aient'];

/** A past participle and its agreements: "validé", "validée", "validés", "validées". */
function agreements(pp: string): string[] {
  const plural = pp.endsWith('s') || pp.endsWith('x') ? pp : `${pp}s`;
  return [pp, `${pp}e`, plural, `${pp}es`];
}

function fromIrregular(prefix: string, verb: Irregular, infinitive: string): FormTable {
  const p = (forms: readonly string[]): string[] => forms.map((form) => prefix + form);
  const [sg, pl] = [verb.subjunctive[0], verb.subjunctive[1] ?? verb.subjunctive[0]];
  return {
    inf: [infinitive],
    present: p(verb.present),
    imperfect: p(IMPERFECT.map((ending) => verb.imperfect + ending)),
    'simple-past': p(SIMPLE_PAST[verb.simplePast[1]].map((ending) => verb.simplePast[0] + ending)),
    future: p(FUTURE.map((ending) => verb.future + ending)),
    conditional: p(CONDITIONAL.map((ending) => verb.future + ending)),
    subjunctive: p([
      ...(sg ? ['e', 'es', 'ent'].map((ending) => sg + ending) : []),
      ...(pl ? ['ions', 'iez'].map((ending) => pl + ending) : []),
      ...(verb.extra ?? []),
    ]),
    pp: p(agreements(verb.pp)),
    ppr: p([verb.ppr]),
    past: p([...agreements(verb.pp), ...IMPERFECT.map((ending) => verb.imperfect + ending), ...SIMPLE_PAST[verb.simplePast[1]].map((ending) => verb.simplePast[0] + ending)]),
  };
}

function irregularFor(lemma: string): { prefix: string; verb: Irregular } | undefined {
  const exact = FR_IRREGULAR[`!${lemma}`] ?? FR_IRREGULAR[lemma];
  if (exact) return { prefix: '', verb: exact };
  let best: { prefix: string; verb: Irregular } | undefined;
  for (const [key, verb] of Object.entries(FR_IRREGULAR)) {
    if (key.startsWith('!') || !lemma.endsWith(key) || lemma.length === key.length) continue;
    if (!best || key.length > lemma.length - best.prefix.length) best = { prefix: lemma.slice(0, -key.length), verb };
  }
  return best;
}

function frenchForms(lemma: string): FormTable {
  const irregular = irregularFor(lemma);
  if (irregular) return fromIrregular(irregular.prefix, irregular.verb, lemma);
  const partir = FR_IR_LIKE_PARTIR.find((verb) => lemma.endsWith(verb));
  if (partir) {
    // pars/part, partons: the stem loses its last consonant in the singular.
    const stem = lemma.slice(0, -2);
    const short = stem.slice(0, -1);
    return regularTable(lemma, [`${short}s`, `${short}s`, `${short}t`, `${stem}ons`, `${stem}ez`, `${stem}ent`], stem, [stem, 'i'], lemma, agreements(`${stem}i`), `${stem}ant`, stem);
  }
  if (lemma.endsWith('er')) {
    const stem = lemma.slice(0, -2);
    // "mangeons", "commençons" (ç is c once folded); "paie"/"paye", "appelle"/"appele".
    const hard = stem.endsWith('g') ? `${stem}e` : stem;
    const silent = [stem];
    if (stem.endsWith('y')) silent.push(`${stem.slice(0, -1)}i`);
    if (/[^aeiou](el|et)$/.test(stem)) silent.push(stem + stem.at(-1));
    const present = [...silent.flatMap((s) => [`${s}e`, `${s}es`, `${s}ent`]), `${hard}ons`, `${stem}ez`];
    const future = silent.map((s) => `${s}er`);
    const table = regularTable(lemma, present, hard, [stem, 'a'], future[0] ?? `${stem}er`, agreements(`${stem}e`), `${hard}ant`, stem);
    table.future = future.flatMap((f) => FUTURE.map((ending) => f + ending));
    table.conditional = future.flatMap((f) => CONDITIONAL.map((ending) => f + ending));
    // Imperfect and simple past keep "e" before a and o: "mangeait", "mangea".
    table.imperfect = [...IMPERFECT.map((ending) => (ending.startsWith('a') ? hard : stem) + ending)];
    table['simple-past'] = SIMPLE_PAST.a.map((ending) => (ending.startsWith('e') ? stem : hard) + ending);
    table.past = [...(table.pp ?? []), ...table.imperfect, ...table['simple-past']];
    return table;
  }
  if (lemma.endsWith('ir')) {
    const stem = lemma.slice(0, -2);
    return regularTable(
      lemma,
      [`${stem}is`, `${stem}it`, `${stem}issons`, `${stem}issez`, `${stem}issent`],
      `${stem}iss`,
      [stem, 'i'],
      lemma,
      agreements(`${stem}i`),
      `${stem}issant`,
      `${stem}iss`,
    );
  }
  if (lemma.endsWith('re')) {
    const stem = lemma.slice(0, -2);
    return regularTable(lemma, [`${stem}s`, stem, `${stem}ons`, `${stem}ez`, `${stem}ent`], stem, [stem, 'i'], lemma.slice(0, -1), agreements(`${stem}u`), `${stem}ant`, stem);
  }
  // Not a verb: a noun or an adjective, with its plural and feminine forms.
  return { inf: adjectiveForms(lemma) };
}

function regularTable(
  infinitive: string,
  present: string[],
  imperfectStem: string,
  simplePast: readonly [string, Irregular['simplePast'][1]],
  futureStem: string,
  pp: string[],
  ppr: string,
  subjunctiveStem: string,
): FormTable {
  const imperfect = IMPERFECT.map((ending) => imperfectStem + ending);
  const simple = SIMPLE_PAST[simplePast[1]].map((ending) => simplePast[0] + ending);
  return {
    inf: [infinitive],
    present,
    imperfect,
    'simple-past': simple,
    future: FUTURE.map((ending) => futureStem + ending),
    conditional: CONDITIONAL.map((ending) => futureStem + ending),
    subjunctive: ['e', 'es', 'ent', 'ions', 'iez'].map((ending) => subjunctiveStem + ending),
    pp,
    ppr: [ppr],
    past: [...pp, ...imperfect, ...simple],
  };
}

/** Masculine and feminine, singular and plural, of a French adjective or noun (folded). */
export function adjectiveForms(word: string): string[] {
  const forms = new Set([word]);
  const add = (...more: string[]): void => more.forEach((form) => forms.add(form));
  const plural = (w: string): string => (/[sxz]$/.test(w) ? w : w.endsWith('al') ? `${w.slice(0, -2)}aux` : /(eau|eu)$/.test(w) ? `${w}x` : `${w}s`);
  let feminine = `${word}e`;
  if (word.endsWith('e')) feminine = word;
  else if (word.endsWith('eux')) feminine = `${word.slice(0, -1)}se`;
  else if (word.endsWith('if')) feminine = `${word.slice(0, -1)}ve`;
  else if (word.endsWith('er')) feminine = `${word.slice(0, -2)}ere`;
  else if (/(el|en|on|et)$/.test(word)) feminine = `${word}${word.at(-1)}e`;
  add(plural(word), feminine, `${feminine}s`, `${word}e`, `${word}es`);
  return [...forms];
}

const FORMS: Record<Lang, (lemma: string) => FormTable> = { en: englishForms, fr: frenchForms };
