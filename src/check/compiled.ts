import { digestOf, readBuildOutput } from '../build-output.js';
import type { Automaton } from './automaton.js';
import { Matcher } from './matcher.js';
import type { PatternList, Rule, RuleSet } from './model.js';
import type { Lang } from '../types.js';

/**
 * The built-in reply rules, compiled once at build time (scripts/compile-rules.ts writes
 * dist/reply-rules.json beside the bundle): reading a rules file (yaml, zod) and compiling its
 * patterns costs `start` and `check` more than all the rest of their work. An entry is used only
 * while the digest of its rules file still matches, so an edited file is always compiled afresh;
 * run from src/ (tests), there is no such file beside the code and nothing is used.
 */

/** A pattern list, each automaton given by its index in `CompiledRules.automata`. */
interface IndexedPatternList {
  match: number;
  except?: number;
  negated?: boolean;
}

type Indexed<T> = { [K in keyof T]: T[K] extends PatternList | undefined ? IndexedPatternList : T[K] };

export interface CompiledRules {
  /** SHA-256 of the rules file. */
  digest: string;
  lang?: Lang;
  /** The automaton of each pattern list, once however many rules use it. */
  automata: Automaton[];
  rules: Indexed<Rule>[];
}

/** Keyed by the rules file's path relative to the built-in playbooks folder: `en/reply-rules.yaml`. */
export type CompiledRulesFiles = Record<string, CompiledRules>;

export const COMPILED_RULES_FILE = 'reply-rules.json';

const isPatternList = (value: unknown): value is PatternList =>
  typeof value === 'object' && value !== null && 'match' in value && value.match instanceof Matcher;

/** The compiled form of a rule set read from `text`. */
export function serializeRules(ruleSet: RuleSet, text: string): CompiledRules {
  const automata: Automaton[] = [];
  const indexOf = new Map<Matcher, number>();
  const index = (matcher: Matcher): number => {
    let found = indexOf.get(matcher);
    if (found === undefined) {
      found = automata.push(matcher.automaton) - 1;
      indexOf.set(matcher, found);
    }
    return found;
  };
  const rules = ruleSet.rules.map((rule) =>
    Object.fromEntries(
      Object.entries(rule).map(([key, value]) => [
        key,
        isPatternList(value)
          ? { match: index(value.match), ...(value.except ? { except: index(value.except) } : {}), ...(value.negated ? { negated: true } : {}) }
          : value,
      ]),
    ),
  ) as unknown as Indexed<Rule>[];
  return { digest: digestOf([text]), ...(ruleSet.lang ? { lang: ruleSet.lang } : {}), automata, rules };
}

/**
 * The rule set back from its compiled form. The fragments of its names serve only a user's rules
 * file that builds on them (`check --rules`), so they come from `full`, the rules file compiled
 * the slow way, and only when first asked for.
 */
export function deserializeRules(compiled: CompiledRules, full: () => RuleSet): RuleSet {
  const matchers = compiled.automata.map((automaton) => new Matcher(automaton));
  const matcher = (i: number): Matcher => {
    const found = matchers[i];
    if (!found) throw new Error(`compiled rules: no automaton ${i}`);
    return found;
  };
  const isIndexed = (value: unknown): value is IndexedPatternList =>
    typeof value === 'object' && value !== null && 'match' in value && typeof value.match === 'number';
  const rules = compiled.rules.map((rule) =>
    Object.fromEntries(
      Object.entries(rule).map(([key, value]) => [
        key,
        isIndexed(value)
          ? { match: matcher(value.match), ...(value.except !== undefined ? { except: matcher(value.except) } : {}), ...(value.negated ? { negated: true } : {}) }
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
 * The compiled form of the built-in rules file `key` whose text is `text`, if it is still current;
 * `full` compiles the file itself (see `deserializeRules`).
 */
export function readCompiledRules(
  key: string,
  text: string,
  full: () => RuleSet,
  compiled: Partial<CompiledRulesFiles> = readBuildOutput<CompiledRulesFiles>(COMPILED_RULES_FILE),
): RuleSet | undefined {
  const entry = compiled[key];
  return entry && entry.digest === digestOf([text]) ? deserializeRules(entry, full) : undefined;
}
