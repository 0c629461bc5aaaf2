import { applicableSteps } from '../../src/engine/run.js';
import { referencedSteps } from '../../src/engine/conditions.js';
import type { Condition, Playbook, Step } from '../../src/playbook/schema.js';
import type { Lang } from '../../src/types.js';

/**
 * Answer sets that walk every branch of a playbook, as an answers file would hold them (dates as
 * `+3` or `+4 10:00`, relative to the run's "now").
 *
 * - Every select, confirm and checkbox step that a `when` condition looks at is a dimension: all
 *   of its values (for a checkbox, every subset of the values conditions mention), and the sets
 *   are the full cartesian product of those dimensions. When that product would pass
 *   MAX_PRODUCT sets (nine independent three-way choices make 19,683), the sets instead cover
 *   every pair of values of any two dimensions, plus one set per value index with every
 *   dimension on it ("everything settled", "nothing settled").
 * - Every other select and checkbox step takes each of its values at least once, in turn; other
 *   confirm steps alternate yes and no.
 * - Text, input and date steps get realistic fixed answers; optional ones are left empty every
 *   other set, so that templates are rendered with and without them.
 *
 * Answers to steps that do not apply in a set are dropped, and identical sets are kept once.
 */
export type AnswerSet = Record<string, string | boolean | string[]>;

export function branchCombinations(playbook: Pick<Playbook, 'steps' | 'lang'>): AnswerSet[] {
  const conditions = playbook.steps.flatMap((step) => (step.when ? [step.when] : []));
  const referenced = new Set(conditions.flatMap(referencedSteps));
  const dimensions = playbook.steps.flatMap((step) =>
    referenced.has(step.id) ? dimensionOf(step, conditions) : [],
  );
  const size = dimensions.reduce((total, { values }) => total * values.length, 1);
  const product = size <= MAX_PRODUCT ? cartesian(dimensions) : [...uniform(dimensions), ...pairwise(dimensions)];

  const rotating = playbook.steps.filter(
    (step): step is Extract<Step, { type: 'select' | 'checkbox' }> =>
      !referenced.has(step.id) && (step.type === 'select' || step.type === 'checkbox'),
  );
  const widest = Math.max(0, ...rotating.map((step) => step.choices.length));
  const count = Math.max(product.length, widest, 2);
  const sets: AnswerSet[] = [];
  for (let i = 0; i < count; i++) {
    const set: AnswerSet = { ...(product[i % product.length] ?? {}) };
    for (const step of playbook.steps) {
      if (step.id in set || step.type === 'advice') continue;
      const value = fixedAnswer(step, i, playbook.lang);
      if (value !== undefined) set[step.id] = value;
    }
    sets.push(set);
  }
  return distinct(sets.map((set) => onlyApplicable(playbook, set)));
}

/** Beyond this many sets, a full run of the drafts test would take more than a few seconds. */
const MAX_PRODUCT = 1000;

interface Dimension {
  id: string;
  values: (string | boolean | string[])[];
}

function cartesian(dimensions: readonly Dimension[]): AnswerSet[] {
  return dimensions.reduce<AnswerSet[]>(
    (sets, { id, values }) => sets.flatMap((set) => values.map((value) => ({ ...set, [id]: value }))),
    [{}],
  );
}

/** One set per value index: every dimension on its first value, then on its second, and so on. */
function uniform(dimensions: readonly Dimension[]): AnswerSet[] {
  const widest = Math.max(...dimensions.map(({ values }) => values.length));
  return Array.from({ length: widest }, (_, k) =>
    Object.fromEntries(dimensions.map(({ id, values }) => [id, values[Math.min(k, values.length - 1)] as AnswerSet[string]])),
  );
}

/**
 * Greedy all-pairs: each new set starts from a pair of values not yet seen together, then gives
 * every other dimension the value that meets the most unseen pairs, until no pair is left.
 */
function pairwise(dimensions: readonly Dimension[]): AnswerSet[] {
  const key = (a: number, i: number, b: number, j: number): string => (a < b ? `${a}:${i}/${b}:${j}` : `${b}:${j}/${a}:${i}`);
  const unseen = new Map<string, [number, number, number, number]>();
  for (let a = 0; a < dimensions.length; a++)
    for (let b = a + 1; b < dimensions.length; b++)
      for (let i = 0; i < (dimensions[a]?.values.length ?? 0); i++)
        for (let j = 0; j < (dimensions[b]?.values.length ?? 0); j++) unseen.set(key(a, i, b, j), [a, i, b, j]);

  const sets: AnswerSet[] = [];
  for (let seed = unseen.values().next().value; seed; seed = unseen.values().next().value) {
    const [a, i, b, j] = seed;
    const chosen = new Map<number, number>([
      [a, i],
      [b, j],
    ]);
    dimensions.forEach(({ values }, d) => {
      if (chosen.has(d)) return;
      const gain = (v: number): number => [...chosen].filter(([e, c]) => unseen.has(key(e, c, d, v))).length;
      chosen.set(d, values.reduce((best, _, v) => (gain(v) > gain(best) ? v : best), 0));
    });
    for (const [e, c] of chosen) for (const [e2, c2] of chosen) if (e < e2) unseen.delete(key(e, c, e2, c2));
    sets.push(Object.fromEntries(dimensions.map(({ id, values }, d) => [id, values[chosen.get(d) ?? 0] as AnswerSet[string]])));
  }
  return sets;
}

function dimensionOf(step: Step, conditions: readonly Condition[]): Dimension[] {
  switch (step.type) {
    case 'select':
      return [{ id: step.id, values: step.choices.map((choice) => choice.value) }];
    case 'confirm':
      return [{ id: step.id, values: [true, false] }];
    case 'checkbox': {
      const mentioned = [...new Set(conditions.flatMap((condition) => valuesNamed(condition, step.id)))];
      const first = step.choices[0]?.value;
      const base = mentioned.length > 0 ? mentioned : first ? [first] : [];
      return [{ id: step.id, values: subsets(base) }];
    }
    default:
      return [];
  }
}

function valuesNamed(condition: Condition, id: string): string[] {
  if ('not' in condition) return valuesNamed(condition.not, id);
  if ('all' in condition) return condition.all.flatMap((inner) => valuesNamed(inner, id));
  if ('any' in condition) return condition.any.flatMap((inner) => valuesNamed(inner, id));
  if (condition.step !== id) return [];
  if ('includes' in condition) return [condition.includes];
  if ('in' in condition) return condition.in;
  if ('equals' in condition && typeof condition.equals === 'string') return [condition.equals];
  return [];
}

function subsets(values: readonly string[]): string[][] {
  return values.reduce<string[][]>((all, value) => [...all, ...all.map((subset) => [...subset, value])], [[]]);
}

function fixedAnswer(step: Step, index: number, lang: Lang): string | boolean | string[] | undefined {
  switch (step.type) {
    case 'advice':
      return undefined;
    case 'select':
      return step.choices[index % step.choices.length]?.value;
    case 'checkbox': {
      const value = step.choices[index % step.choices.length]?.value;
      return value === undefined ? [] : [value];
    }
    case 'confirm':
      return index % 2 === 0;
    case 'date':
      return step.time ? '+4 10:00' : '+3';
    case 'input':
    case 'text': {
      if (step.required === false && index % 2 === 1) return undefined;
      return TEXTS[lang][step.id] ?? TEXTS[lang][`<${step.type}>`];
    }
  }
}

/**
 * What a calm freelancer would type at each step of the built-in playbooks, in both languages;
 * `<input>` and `<text>` serve steps of other playbooks.
 */
const TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    '<input>': 'A written summary of the decisions',
    '<text>': 'Send the corrected files\nWalk the team through the changes',
    client_words: 'The site was supposed to go live on Monday.\nMy team has been waiting all week.',
    expected: 'the shop online on Monday 16',
    received: 'a site still offline, and a payment page that fails',
    mediator_name: 'Pierre Durand',
    mediator_role: 'my associate',
    gesture_details: '10 % off the May invoice',
    hidden_demand: 'He has to show the site to his board on Thursday.',
    solution: 'Fix the payment module and put the site online\nWalk your team through the new checkout',
    stopgap: 'a read-only preview link for your board meeting',
    lesson: 'Plan a buffer day before any launch.',
    anything_else: 'The footer still shows last year\'s address.\nThe team would like a short guide.',
    learned: 'Warn the client the day a review fails.',
    process_change: 'A buffer day before every launch.',
    prevention_item: 'Agree on a launch checklist at kick-off.',
    stakes_details: 'Your online shop must be ready for the spring sales',
    deadlines_details: 'Mock-ups on Friday 13 March, launch on Thursday 2 April',
    resources_details: 'Me, plus a developer two days a week',
    client_role_details: 'Feedback within two working days, and a one-hour meeting every Monday',
    hours_details: 'Monday to Thursday, 9:00 to 17:00; replies within one working day',
    scope_details: 'Included: design and build of the shop\nNot included: product photos and texts',
    money_details: '30 % at signature, 70 % at delivery\nPayment within 30 days',
    recourse_details: 'A call first, then a mediator named in the contract',
    contract_details: 'Signed by both of us before the work starts',
  },
  fr: {
    '<input>': 'Un compte rendu écrit des décisions',
    '<text>': 'Envoyer les fichiers corrigés\nPrésenter les changements à l\'équipe',
    client_words: 'Le site devait être en ligne lundi.\nMon équipe attend depuis une semaine.',
    expected: 'la boutique en ligne le lundi 16',
    received: 'un site encore hors ligne, et une page de paiement en panne',
    mediator_name: 'Pierre Durand',
    mediator_role: 'mon associé',
    gesture_details: '10 % sur la facture de mai',
    hidden_demand: 'Il doit présenter le site à son conseil d\'administration jeudi.',
    solution: 'Corriger le module de paiement et mettre le site en ligne\nPrésenter le nouveau parcours d\'achat à l\'équipe',
    stopgap: 'un lien de prévisualisation pour la réunion du conseil',
    lesson: 'Prévoir une journée de marge avant chaque mise en ligne.',
    anything_else: 'Le pied de page affiche encore l\'ancienne adresse.\nL\'équipe aimerait un petit guide.',
    learned: 'Prévenir le client le jour même quand une recette échoue.',
    process_change: 'Une journée de marge avant chaque mise en ligne.',
    prevention_item: 'Valider une liste de contrôle de mise en ligne au lancement.',
    stakes_details: 'La boutique en ligne doit être prête pour les soldes de printemps',
    deadlines_details: 'Maquettes le vendredi 13 mars, mise en ligne le jeudi 2 avril',
    resources_details: 'Moi, avec un développeur deux jours par semaine',
    client_role_details: 'Des retours sous deux jours ouvrés, et une réunion d\'une heure chaque lundi',
    hours_details: 'Du lundi au jeudi, de 9 h à 17 h ; réponse sous un jour ouvré',
    scope_details: 'Inclus : conception et réalisation de la boutique\nNon inclus : photos et textes des produits',
    money_details: '30 % à la signature, 70 % à la livraison\nPaiement à 30 jours',
    recourse_details: 'Un appel d\'abord, puis un médiateur désigné dans le contrat',
    contract_details: 'Signé par nous deux avant le début des travaux',
  },
};

function onlyApplicable(playbook: Pick<Playbook, 'steps'>, set: AnswerSet): AnswerSet {
  const kept: AnswerSet = {};
  for (const step of applicableSteps(playbook, set)) {
    const value = set[step.id];
    if (value !== undefined) kept[step.id] = value;
  }
  return kept;
}

function distinct(sets: AnswerSet[]): AnswerSet[] {
  const seen = new Set<string>();
  return sets.filter((set) => {
    const key = JSON.stringify(set);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
