import { digestOf, readBuildBytes, readBuildOutput } from '../build-output.js';
import { TestTable, type Automaton, type FlatAutomaton, type Test } from './automaton.js';
import { Matcher } from './matcher.js';
import type { PatternList, Rule, RuleSet } from './model.js';
import type { Lang } from '../types.js';

/**
 * The built-in reply rules, compiled once at build time (scripts/compile-rules.ts writes
 * dist/reply-rules.<lang>.json and dist/reply-rules.<lang>.bin beside the bundle): reading a rules
 * file (yaml, zod) and compiling its patterns costs `start` and `check` more than all the rest of
 * their work. An entry is used only while the digest of its rules file still matches, so an edited
 * file is always compiled afresh; run from src/ (tests), there is no such file beside the code and
 * nothing is used.
 *
 * The rules and the tests of their states are JSON; the automata's states are 16-bit numbers in
 * the binary file, read as they are into the flat form the search runs (automaton.ts): for each
 * automaton in turn, each state's test (an index into the shared `tests` table, -1 for a state
 * that consumes nothing), then how many states each state goes to, then those states, each
 * counted from the state itself (most are its neighbours, which gzip packs well). A literal test
 * writes `word+` for a word with its plural and feminine forms (`fault+` is fault, faulte, faults,
 * faultes, faultx). The npm package must stay under 600 kB: the two languages' automata take 80 kB
 * of it gzipped, against 90 kB as base-36 text in the JSON. Read from that text into objects,
 * the English automata took 50–90 ms to be ready to run, 13–20 ms now; the first check of a
 * process, rules read included, of the e-mail of docs/examples/en/crisis-launch-delay.email.md
 * went from 109 to 67 ms (CPU time, median of 2 × 21 runs, Node 22), of its French counterpart
 * from 141 to 74 ms.
 */

/** A pattern list, each automaton given by its index in `CompiledRules.automata`. */
interface IndexedPatternList {
  match: number[];
  except?: number[];
  negated?: boolean;
}

type Indexed<T> = { [K in keyof T]: T[K] extends PatternList | undefined ? IndexedPatternList : T[K] };

/** The version of this format: an entry of another version is compiled afresh. */
const FORMAT = 3;

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
  /**
   * The automaton of each matcher, once however many lists use it: `[start, accept, states, nexts]`,
   * its states and their nexts in the binary file (see above).
   */
  automata: [number, number, number, number][];
  rules: Indexed<Rule>[];
}

/** A language's compiled rules: the JSON entry, and the automata's states (the binary file). */
export interface CompiledRuleSet {
  entry: CompiledRules;
  states: Int16Array;
}

/**
 * Each language's compiled rules in files of their own, `reply-rules.<lang>.json` and `.bin`: a
 * draft is checked with the rules of its language only. Measured on `start --answers crisis-en.yaml`
 * (Node 22, `--cpu-prof`, mean of 4 and 6 runs): having the English rules took 21.5 ms with both
 * languages in one 560 KB file, 8.6 ms with the English file alone (240 KB); garbage collection
 * over the whole run, 25 ms against 16 ms.
 */
export const compiledRulesFile = (lang: Lang, kind: 'json' | 'bin'): string => `reply-rules.${lang}.${kind}`;

/** The key of a language's rules in its JSON file: the rules file's path from the built-in playbooks folder. */
export const compiledRulesKey = (lang: Lang): string => `${lang}/reply-rules.yaml`;

/** Whether this machine stores numbers with their low byte first: the binary file is written so. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A copy of `bytes` with the two bytes of each number in the other order where this machine's is not the file's. */
function inFileOrder(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  if (!littleEndian) for (let i = 0; i + 1 < copy.length; i += 2) copy.set([copy[i + 1] as number, copy[i] as number], i);
  return copy;
}

/** The bytes of the binary file, little-endian. */
export function statesBytes(states: Int16Array): Uint8Array {
  return inFileOrder(new Uint8Array(states.buffer, states.byteOffset, states.byteLength));
}

/** The states read back from the binary file's bytes (read in place when they can be); undefined when they cannot be 16-bit numbers. */
export function statesOf(bytes: Uint8Array): Int16Array | undefined {
  if (bytes.byteLength % 2 !== 0) return undefined;
  const own = littleEndian && bytes.byteOffset % 2 === 0 ? bytes : inFileOrder(bytes);
  return new Int16Array(own.buffer, own.byteOffset, own.byteLength / 2);
}

const isPatternList = (value: unknown): value is PatternList =>
  typeof value === 'object' && value !== null && 'match' in value && Array.isArray(value.match) && value.match.every((item) => item instanceof Matcher);

/** A number of the binary file: 16 bits, or the build stops. */
function int16(value: number, what: string): number {
  if (value < -0x8000 || value > 0x7fff) throw new Error(`compiled rules: ${what} ${value} does not fit the 16 bits of reply-rules.<lang>.bin; widen the format (src/check/compiled.ts)`);
  return value;
}

/** The compiled form of a rule set read from `text`. */
export function serializeRules(ruleSet: RuleSet, text: string): CompiledRuleSet {
  const tests: Test[] = [];
  const testIndex = new Map<string, number>();
  const automata: [number, number, number, number][] = [];
  const states: number[] = [];
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
  const store = ({ start, accept, states: own }: Automaton): [number, number, number, number] => {
    for (const state of own) states.push(state.test ? int16(testOf(state.test), 'test') : -1);
    for (const state of own) states.push(int16(state.next.length, 'number of next states'));
    let nexts = 0;
    own.forEach((state, i) => {
      for (const next of state.next) states.push(int16(next - i, 'next state offset'));
      nexts += state.next.length;
    });
    return [start, accept, own.length, nexts];
  };
  const index = (matcher: Matcher): number => {
    let found = indexOf.get(matcher);
    if (found === undefined) {
      found = automata.push(store(matcher.automaton)) - 1;
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
  return { entry: { format: FORMAT, digest: digestOf([text]), ...(ruleSet.lang ? { lang: ruleSet.lang } : {}), tests, automata, rules }, states: Int16Array.from(states) };
}

/**
 * The automata of `entry`, each read from `states` on first use, its tests from the shared
 * `tests`; undefined when `states` does not hold them all.
 */
function automataOf(entry: CompiledRules, states: Int16Array, tests: TestTable): (() => FlatAutomaton)[] | undefined {
  let at = 0;
  const readers = entry.automata.map(([start, accept, count, nexts]) => {
    const from = at;
    at += 2 * count + nexts;
    return (): FlatAutomaton => {
      const counts = states.subarray(from + count, from + 2 * count);
      const nextAt = new Int32Array(count + 1);
      for (let s = 0; s < count; s++) nextAt[s + 1] = (nextAt[s] as number) + (counts[s] as number);
      return { start, accept, test: states.subarray(from, from + count), nextAt, next: states.subarray(from + 2 * count, from + 2 * count + nexts), tests };
    };
  });
  return at === states.length ? readers : undefined;
}

/**
 * The rule set back from its compiled form. The fragments of its names serve only a user's rules
 * file that builds on them (`check --rules`), so they come from `full`, the rules file compiled
 * the slow way, and only when first asked for.
 */
export function deserializeRules({ entry, states }: CompiledRuleSet, full: () => RuleSet): RuleSet | undefined {
  const tests = new TestTable(entry.tests.length, (i) => unpackTest(entry.tests[i] as Test));
  const readers = automataOf(entry, states, tests);
  if (!readers) return undefined;
  const matchers = readers.map((read) => new Matcher(read));
  const matcher = (i: number): Matcher => {
    const found = matchers[i];
    if (!found) throw new Error(`compiled rules: no automaton ${i}`);
    return found;
  };
  const isIndexed = (value: unknown): value is IndexedPatternList =>
    typeof value === 'object' && value !== null && 'match' in value && Array.isArray(value.match);
  const rules = entry.rules.map((rule) =>
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
    ...(entry.lang ? { lang: entry.lang } : {}),
    rules,
    fragment: (name) => (fragments ??= full()).fragment(name),
  };
}

/** The compiled rules of `lang` the build wrote beside the bundle, if it did. */
function builtRules(lang: Lang): CompiledRuleSet | undefined {
  const entry = readBuildOutput<Record<string, CompiledRules>>(compiledRulesFile(lang, 'json'))[compiledRulesKey(lang)];
  const bytes = entry && readBuildBytes(compiledRulesFile(lang, 'bin'));
  const states = bytes && statesOf(bytes);
  return entry && states ? { entry, states } : undefined;
}

/**
 * The compiled form of the built-in rules of `lang`, whose file's text is `text`, if it is still
 * current; `full` compiles the file itself (see `deserializeRules`).
 */
export function readCompiledRules(lang: Lang, text: string, full: () => RuleSet, compiled: CompiledRuleSet | undefined = builtRules(lang)): RuleSet | undefined {
  return compiled && compiled.entry.format === FORMAT && compiled.entry.digest === digestOf([text]) ? deserializeRules(compiled, full) : undefined;
}
