import { digestOf, readBuildOutput } from '../build-output.js';
import type { Automaton, State, Test } from './automaton.js';
import { Matcher } from './matcher.js';
import type { PatternList, Rule, RuleSet } from './model.js';
import type { Lang } from '../types.js';

/**
 * The built-in reply rules, compiled once at build time (scripts/compile-rules.ts writes
 * dist/reply-rules.<lang>.json beside the bundle): reading a rules file (yaml, zod) and compiling its
 * patterns costs `start` and `check` more than all the rest of their work. An entry is used only
 * while the digest of its rules file still matches, so an edited file is always compiled afresh;
 * run from src/ (tests), there is no such file beside the code and nothing is used.
 *
 * Automata are stored compactly, because the package carries them: an automaton is one string,
 * `start,accept|state;state;…`, each state `test,next,next…` in base 36, `test` an index into the
 * shared `tests` table (the same forms of a word stand in many states), empty for a state that
 * consumes nothing, and each `next` counted from the state itself (most are its neighbours, which
 * gzip then packs well). A literal test writes `word+` for a word with its plural and feminine
 * forms (`fault+` is fault, faulte, faults, faultes, faultx). Both halve the packed size of the
 * file (the round-3 rules: 267 → 111 kB gzipped for the two languages; the npm package must
 * stay under 600 kB).
 */

/** A pattern list, each automaton given by its index in `CompiledRules.automata`. */
interface IndexedPatternList {
  match: number[];
  except?: number[];
  negated?: boolean;
}

type Indexed<T> = { [K in keyof T]: T[K] extends PatternList | undefined ? IndexedPatternList : T[K] };

/** `start,accept|state;state;…`, each state `test,next…` in base 36 (see above). */
type CompactAutomaton = string;

/** The version of this format: an entry of another version is compiled afresh. */
const FORMAT = 2;

/** The endings a word of three letters or more also matches (morphology.ts): stored as `word+`. */
const ENDINGS = ['', 'e', 's', 'es', 'x'];

/** A literal test's forms, with `word+` for a word and all its ENDINGS. */
function packForms(forms: readonly string[]): string[] {
  const all = new Set(forms);
  const packed: string[] = [];
  const covered = new Set<string>();
  for (const form of forms) {
    if (covered.has(form) || !ENDINGS.every((ending) => all.has(form + ending))) continue;
    packed.push(`${form}+`);
    for (const ending of ENDINGS) covered.add(form + ending);
  }
  for (const form of forms) if (!covered.has(form)) packed.push(form);
  return packed;
}

function unpackForms(packed: readonly string[]): string[] {
  return packed.flatMap((form) => (form.endsWith('+') ? ENDINGS.map((ending) => form.slice(0, -1) + ending) : [form]));
}

function packTest(test: Test): Test {
  return 'lit' in test ? { lit: packForms(test.lit) } : test;
}

function unpackTest(test: Test): Test {
  return 'lit' in test ? { lit: unpackForms(test.lit) } : test;
}

export interface CompiledRules {
  /** FORMAT, the version of this form. */
  format: number;
  /** SHA-256 of the rules file. */
  digest: string;
  lang?: Lang;
  tests: Test[];
  /** The automaton of each matcher, once however many lists use it. */
  automata: CompactAutomaton[];
  rules: Indexed<Rule>[];
}

/** Keyed by the rules file's path relative to the built-in playbooks folder (`compiledRulesKey`): `en/reply-rules.yaml`. */
export type CompiledRulesFiles = Record<string, CompiledRules>;

/**
 * Each language's compiled rules in a file of their own, `reply-rules.<lang>.json`: a draft is
 * checked with the rules of its language only. Measured on `start --answers crisis-en.yaml`
 * (Node 22, `--cpu-prof`, mean of 4 and 6 runs): having the English rules took 21.5 ms with both
 * languages in one 560 KB file, 8.6 ms with the English file alone (240 KB); garbage collection
 * over the whole run, 25 ms against 16 ms.
 */
export const compiledRulesFile = (lang: Lang): string => `reply-rules.${lang}.json`;

/** The key of a language's rules in its file: the rules file's path from the built-in playbooks folder. */
export const compiledRulesKey = (lang: Lang): string => `${lang}/reply-rules.yaml`;

const isPatternList = (value: unknown): value is PatternList =>
  typeof value === 'object' && value !== null && 'match' in value && Array.isArray(value.match) && value.match.every((item) => item instanceof Matcher);

/** The compiled form of a rule set read from `text`. */
export function serializeRules(ruleSet: RuleSet, text: string): CompiledRules {
  const tests: Test[] = [];
  const testIndex = new Map<string, number>();
  const automata: CompactAutomaton[] = [];
  const indexOf = new Map<Matcher, number>();
  const testOf = (test: Test): number => {
    const key = JSON.stringify(test);
    let index = testIndex.get(key);
    if (index === undefined) {
      index = tests.push(packTest(test)) - 1;
      testIndex.set(key, index);
    }
    return index;
  };
  const compact = ({ start, accept, states }: Automaton): CompactAutomaton => {
    const body = states.map((state, i) => [state.test ? testOf(state.test).toString(36) : '', ...state.next.map((next) => (next - i).toString(36))].join(','));
    return `${start.toString(36)},${accept.toString(36)}|${body.join(';')}`;
  };
  const index = (matcher: Matcher): number => {
    let found = indexOf.get(matcher);
    if (found === undefined) {
      found = automata.push(compact(matcher.automaton)) - 1;
      indexOf.set(matcher, found);
    }
    return found;
  };
  const rules = ruleSet.rules.map((rule) =>
    Object.fromEntries(
      Object.entries(rule).map(([key, value]) => [
        key,
        isPatternList(value)
          ? {
              match: value.match.map(index),
              ...(value.except ? { except: value.except.map(index) } : {}),
              ...(value.negated ? { negated: true } : {}),
            }
          : value,
      ]),
    ),
  ) as unknown as Indexed<Rule>[];
  return { format: FORMAT, digest: digestOf([text]), ...(ruleSet.lang ? { lang: ruleSet.lang } : {}), tests, automata, rules };
}

/**
 * The rule set back from its compiled form. The fragments of its names serve only a user's rules
 * file that builds on them (`check --rules`), so they come from `full`, the rules file compiled
 * the slow way, and only when first asked for.
 */
export function deserializeRules(compiled: CompiledRules, full: () => RuleSet): RuleSet {
  const tests = compiled.tests.map(unpackTest);
  const expand = (automaton: CompactAutomaton): Automaton => {
    const bar = automaton.indexOf('|');
    const [start = 0, accept = 0] = automaton.slice(0, bar).split(',').map((n) => parseInt(n, 36));
    const body = automaton.slice(bar + 1);
    const states = (body === '' ? [] : body.split(';'))
      .map((state, i): State => {
        const [test = '', ...next] = state.split(',');
        const found = test === '' ? undefined : tests[parseInt(test, 36)];
        const targets = next.map((offset) => i + parseInt(offset, 36));
        return found ? { test: found, next: targets } : { next: targets };
      });
    return { start, accept, states };
  };
  const matchers = compiled.automata.map((automaton) => new Matcher(expand(automaton)));
  const matcher = (i: number): Matcher => {
    const found = matchers[i];
    if (!found) throw new Error(`compiled rules: no automaton ${i}`);
    return found;
  };
  const isIndexed = (value: unknown): value is IndexedPatternList =>
    typeof value === 'object' && value !== null && 'match' in value && Array.isArray(value.match);
  const rules = compiled.rules.map((rule) =>
    Object.fromEntries(
      Object.entries(rule).map(([key, value]) => [
        key,
        isIndexed(value)
          ? {
              match: value.match.map(matcher),
              ...(value.except ? { except: value.except.map(matcher) } : {}),
              ...(value.negated ? { negated: true } : {}),
            }
          : value,
      ]),
    ),
  ) as unknown as Rule[];
  let fragments: RuleSet | undefined;
  return {
    ...(compiled.lang ? { lang: compiled.lang } : {}),
    rules,
    fragment: (name) => (fragments ??= full()).fragment(name),
  };
}

/**
 * The compiled form of the built-in rules of `lang`, whose file's text is `text`, if it is still
 * current; `full` compiles the file itself (see `deserializeRules`).
 */
export function readCompiledRules(
  lang: Lang,
  text: string,
  full: () => RuleSet,
  compiled: Partial<CompiledRulesFiles> = readBuildOutput<CompiledRulesFiles>(compiledRulesFile(lang)),
): RuleSet | undefined {
  const entry = compiled[compiledRulesKey(lang)];
  return entry && entry.format === FORMAT && entry.digest === digestOf([text]) ? deserializeRules(entry, full) : undefined;
}
