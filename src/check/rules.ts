import type { Node } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import * as z from 'zod';
import { en as zodEnglish, fr as zodFrench } from 'zod/locales';
import { InputError, type SourceProblem } from '../errors.js';
import { getLang, t } from '../i18n/messages.js';
import { schemaProblem } from '../yaml/schema-problem.js';
import { LANGS } from '../types.js';
import { YamlSource } from '../yaml/source.js';
import { prepareDraft, toOriginal } from './draft.js';
import { m, type CheckMessageKey } from './messages.js';
import type { CheckKind, PatternList, Rule, RuleSet } from './model.js';
import { Matcher } from './matcher.js';
import { anyOf, compilePattern, PatternError, type CompiledPattern } from './pattern.js';
import { runRule } from './run.js';

/**
 * Reply rules files (`playbooks/<lang>/reply-rules.yaml`, or a user's `--rules FILE`): schema,
 * located validation, compilation, and a run of every rule's examples. docs/check.md describes them.
 */

const says = (key: CheckMessageKey) => ({ error: () => m(key) });
const nonEmpty = z.string().trim().min(1, { error: () => t('schema.empty') });
const ruleId = z.string().regex(/^[a-z][a-z0-9-]*$/, says('rules.ruleId'));

/** `[pattern, …]` or `{ match: [pattern, …], except: [pattern, …] }`. */
const patternListSchema = z.preprocess(
  (value) => (Array.isArray(value) ? { match: value } : value),
  z.strictObject({ match: z.array(nonEmpty).min(1), except: z.array(nonEmpty).min(1).optional() }),
);

const examplesSchema = z.strictObject({
  match: z.array(nonEmpty).min(1),
  no_match: z.array(nonEmpty).min(1),
});

const common = {
  id: ruleId,
  /** Built-in categories: justification, blame, condescension, vague-timing, overpromise, minimising, non-apology. */
  category: ruleId,
  message: nonEmpty,
  suggestion: nonEmpty,
  examples: examplesSchema.optional(),
};

const ruleSchemas = {
  phrase: z.strictObject({
    ...common,
    check: z.literal('phrase').optional(),
    patterns: z.array(nonEmpty).min(1),
    except: z.array(nonEmpty).min(1).optional(),
  }),
  'next-date': z.strictObject({ ...common, check: z.literal('next-date'), dates: patternListSchema }),
  'feeling-first': z.strictObject({
    ...common,
    check: z.literal('feeling-first'),
    acknowledgement: patternListSchema,
    explanation: patternListSchema,
  }),
  'apology-but': z.strictObject({ ...common, check: z.literal('apology-but'), apology: patternListSchema, contrast: patternListSchema }),
} as const;

const CHECKS = Object.keys(ruleSchemas) as CheckKind[];

type RuleSource = z.infer<(typeof ruleSchemas)[CheckKind]>;
type PatternListSource = z.infer<typeof patternListSchema>;

const fileSchema = z.strictObject({
  format: z.literal(1).optional(),
  lang: z.enum(LANGS).optional(),
  lists: z.record(ruleId, z.array(nonEmpty).min(1)).optional(),
  rules: z.array(z.unknown()).min(1),
});

export interface ParseOptions {
  /** Names (lists and phrase rules) a pattern may use when this file does not define them. */
  base?: RuleSet;
  /** Default true: run every rule's examples, and refuse the file if one goes wrong. */
  verifyExamples?: boolean;
}

/** Parses, validates and compiles a rules file; every problem is located, all are reported at once. */
export function parseRules(file: string, text: string, options: ParseOptions = {}): RuleSet {
  const source = YamlSource.parse(file, text, getLang());
  const data = source.toJS();
  z.config(getLang() === 'fr' ? zodFrench() : zodEnglish());
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => schemaProblem(source, data, issue)));

  const problems: SourceProblem[] = [];
  const rules = parsed.data.rules.flatMap((raw, index) => {
    const rule = validateRule(source, data, raw, index, problems);
    return rule ? [{ rule, index }] : [];
  });
  problems.push(...duplicateIds(source, rules));
  const lists = parsed.data.lists ?? {};
  for (const name of Object.keys(lists)) {
    if (rules.some(({ rule }) => rule.id === name))
      problems.push(source.problemAtNode(source.keyNodeAt(['lists'], name), m('rules.nameClash', { name })));
  }
  if (problems.length > 0) fail(problems);

  const compiler = new Compiler(source, lists, rules, options.base);
  const compiled = rules.flatMap(({ rule, index }) => {
    const done = compiler.rule(rule, index);
    return done ? [{ rule, index, done }] : [];
  });
  compiler.checkLists();
  if (compiler.problems.length > 0) fail(compiler.problems);

  if (options.verifyExamples !== false) {
    const failures = compiled.flatMap(({ rule, index, done }) => exampleProblems(source, rule, index, done));
    if (failures.length > 0) fail(failures);
  }
  const ruleSet: RuleSet = {
    rules: compiled.map(({ done }) => done),
    fragment: (name, wordEnd) => compiler.fragmentOrUndefined(name, wordEnd),
  };
  if (parsed.data.lang) ruleSet.lang = parsed.data.lang;
  return ruleSet;
}

function fail(problems: SourceProblem[]): never {
  throw new InputError(problems[0]?.message ?? 'invalid rules file', problems);
}

function validateRule(source: YamlSource, data: unknown, raw: unknown, index: number, problems: SourceProblem[]): RuleSource | undefined {
  const path = ['rules', index];
  const check = raw !== null && typeof raw === 'object' && 'check' in raw ? raw.check : 'phrase';
  if (typeof check !== 'string' || !(check in ruleSchemas)) {
    problems.push(source.problemAtPath([...path, 'check'], m('rules.unknownCheck', { value: String(check), checks: CHECKS.join(', ') })));
    return undefined;
  }
  const parsed = ruleSchemas[check as CheckKind].safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const located = { ...issue, path: [...path, ...issue.path] } as z.core.$ZodIssue;
    const key = issue.path[0];
    const given = raw !== null && typeof raw === 'object' && typeof key === 'string' ? (raw as Record<string, unknown>)[key] : undefined;
    const wrongList = issue.code === 'invalid_type' && issue.path.length === 1 && issue.expected === 'object' && given !== undefined;
    problems.push(wrongList ? source.problemAtPath(located.path as PropertyKey[], m('rules.patternList')) : schemaProblem(source, data, located));
  }
  return undefined;
}

function duplicateIds(source: YamlSource, rules: readonly { rule: RuleSource; index: number }[]): SourceProblem[] {
  const first = new Map<string, number>();
  const problems: SourceProblem[] = [];
  for (const { rule, index } of rules) {
    const earlier = first.get(rule.id);
    if (earlier === undefined) {
      first.set(rule.id, index);
      continue;
    }
    const line = source.positionOf(source.nodeAt(['rules', earlier, 'id'])?.range?.[0] ?? 0).line;
    problems.push(source.problemAtPath(['rules', index, 'id'], m('rules.duplicateId', { id: rule.id, line })));
  }
  return problems;
}

type Path = (string | number)[];

/** Compiles patterns, resolving `<name>` references; problems point at the pattern that has them. */
class Compiler {
  readonly problems: SourceProblem[] = [];
  /** The patterns of each list or phrase rule, compiled, by name and `wordEnd`. */
  private readonly fragments = new Map<string, CompiledPattern[]>();
  /** One matcher for the same patterns, however many lists use them. */
  private readonly matchers = new Map<string, Matcher>();
  private readonly resolving = new Set<string>();

  constructor(
    private readonly source: YamlSource,
    private readonly lists: Readonly<Record<string, string[]>>,
    private readonly rules: readonly { rule: RuleSource; index: number }[],
    private readonly base: RuleSet | undefined,
  ) {}

  /** The compiled rule, or undefined when its patterns have problems (collected in `problems`). */
  rule(rule: RuleSource, index: number): Rule | undefined {
    const path: Path = ['rules', index];
    const about = { id: rule.id, category: rule.category, message: rule.message, suggestion: rule.suggestion };
    try {
      switch (rule.check) {
        case undefined:
        case 'phrase':
          return { ...about, check: 'phrase', patterns: this.phrases(rule, path) };
        case 'next-date':
          return { ...about, check: 'next-date', dates: this.list(rule.dates, this.listAt([...path, 'dates'])) };
        case 'feeling-first':
          return {
            ...about,
            check: 'feeling-first',
            acknowledgement: this.list(rule.acknowledgement, this.listAt([...path, 'acknowledgement'])),
            explanation: this.list(rule.explanation, this.listAt([...path, 'explanation'])),
          };
        case 'apology-but':
          return {
            ...about,
            check: 'apology-but',
            apology: this.list(rule.apology, this.listAt([...path, 'apology'])),
            contrast: this.list(rule.contrast, this.listAt([...path, 'contrast'])),
          };
      }
    } catch (error) {
      if (!(error instanceof LocatedPatternError)) throw error;
      this.problems.push(this.problem(error));
      return undefined;
    }
  }

  fragmentOrUndefined(name: string, wordEnd: boolean): CompiledPattern | undefined {
    try {
      return this.fragment(name, wordEnd, 0);
    } catch (error) {
      if (error instanceof PatternError || error instanceof LocatedPatternError) return undefined;
      throw error;
    }
  }

  /** Compiles a pattern list; `at(kind, i)` is the path of its i-th `match` or `except` pattern. */
  private list(list: PatternListSource, at: (kind: 'match' | 'except', i: number) => Path): PatternList {
    const compiled: PatternList = { match: this.expressions(list.match, (i) => at('match', i)) };
    if (list.except) compiled.except = this.expressions(list.except, (i) => at('except', i));
    return compiled;
  }

  /** A phrase rule's patterns are compiled as a whole, so that `<rule-id>` elsewhere reuses them. */
  private phrases(rule: { id: string; except?: string[] | undefined }, path: Path): PatternList {
    const compiled: PatternList = { match: [this.matcher(this.fragmentPatterns(rule.id, true, 0))] };
    if (rule.except) compiled.except = this.expressions(rule.except, (i) => [...path, 'except', i]);
    return compiled;
  }

  /**
   * Patterns are joined into one matcher, except those that are a `<name>` alone: each of those
   * is the named list's or rule's own matcher, compiled once however often it is named.
   */
  private expressions(patterns: readonly string[], at: (i: number) => Path): Matcher[] {
    const joined: CompiledPattern[] = [];
    const named: Matcher[] = [];
    patterns.forEach((pattern, i) => {
      const compiled = this.pattern(pattern, at(i));
      const alone = /^\s*<([^<>]+)>\s*$/.exec(pattern)?.[1]?.trim();
      if (alone) named.push(this.matcher(this.fragmentPatterns(alone, true, 0)));
      else joined.push(compiled);
    });
    return joined.length > 0 ? [this.matcher(joined), ...named] : named;
  }

  private matcher(patterns: readonly CompiledPattern[]): Matcher {
    const key = JSON.stringify(patterns.map((pattern) => pattern.regex));
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = new Matcher(patterns);
      this.matchers.set(key, matcher);
    }
    return matcher;
  }

  /** A list written as a sequence holds `match` patterns only, directly under its key. */
  private listAt(path: Path): (kind: 'match' | 'except', i: number) => Path {
    const sequence = isSeq(this.source.document.getIn(path, true));
    return (kind, i) => (sequence ? [...path, i] : [...path, kind, i]);
  }

  /** Compiles every list once, so that a problem in a list no rule uses is reported too. */
  checkLists(): void {
    for (const name of Object.keys(this.lists)) {
      try {
        this.fragment(name, true, 0);
      } catch (error) {
        if (error instanceof LocatedPatternError) this.problems.push(this.problem(error));
        else if (error instanceof PatternError) this.problems.push(this.problem(new LocatedPatternError(['lists', name], error)));
        else throw error;
      }
    }
  }

  private pattern(pattern: string, path: Path): CompiledPattern {
    try {
      return compilePattern(pattern, (name, wordEnd, offset) => this.fragment(name, wordEnd, offset));
    } catch (error) {
      throw error instanceof PatternError ? new LocatedPatternError(path, error) : error;
    }
  }

  private fragment(name: string, wordEnd: boolean, offset: number): CompiledPattern {
    return anyOf(this.fragmentPatterns(name, wordEnd, offset));
  }

  /** The patterns of the list or phrase rule `name`, each compiled; a name of the base rules is one pattern. */
  private fragmentPatterns(name: string, wordEnd: boolean, offset: number): CompiledPattern[] {
    const key = `${name}\u0000${wordEnd}`;
    const known = this.fragments.get(key);
    if (known !== undefined) return known;
    const own = this.lists[name] !== undefined ? { patterns: this.lists[name], path: ['lists', name] } : this.rulePatterns(name);
    if (!own) {
      const inherited = this.base?.fragment(name, wordEnd);
      if (inherited === undefined) throw new PatternError('unknownName', offset, name);
      return [inherited];
    }
    if (this.resolving.has(name)) throw new PatternError('cycle', offset, name);
    this.resolving.add(name);
    try {
      const patterns = own.patterns.map((pattern, i) => {
        try {
          return compilePattern(pattern, (inner, innerWordEnd, innerOffset) => this.fragment(inner, innerWordEnd, innerOffset), wordEnd);
        } catch (error) {
          throw error instanceof PatternError ? new LocatedPatternError([...own.path, i], error) : error;
        }
      });
      this.fragments.set(key, patterns);
      return patterns;
    } finally {
      this.resolving.delete(name);
    }
  }

  private rulePatterns(name: string): { patterns: string[]; path: Path } | undefined {
    const found = this.rules.find(({ rule }) => rule.id === name && (rule.check === undefined || rule.check === 'phrase'));
    if (!found || !('patterns' in found.rule)) return undefined;
    return { patterns: found.rule.patterns, path: ['rules', found.index, 'patterns'] };
  }

  private problem(error: LocatedPatternError): SourceProblem {
    const { reason, offset, detail } = error.cause;
    const message = m('pattern.at', { reason: m(`pattern.${reason}`, { detail }), col: offset + 1 });
    const node = this.source.nodeAt(error.path);
    const start = patternStart(node);
    if (start === undefined) return this.source.problemAtNode(node, message);
    const { line, col } = this.source.positionOf(start + offset);
    return this.source.problemAt(line, col, message);
  }
}

/** A pattern problem, with the path of the pattern it is in. */
class LocatedPatternError extends Error {
  constructor(
    readonly path: Path,
    override readonly cause: PatternError,
  ) {
    super(cause.message);
  }
}

/**
 * Where a pattern's first character sits in the file, when each character of the value is one
 * character of the file (a plain or quoted scalar on one line, without escapes).
 */
function patternStart(node: Node | undefined): number | undefined {
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (node.type !== 'PLAIN' && !quoted) return undefined;
  const inner = node.range[1] - node.range[0] - (quoted ? 2 : 0);
  return inner === node.value.length ? node.range[0] + (quoted ? 1 : 0) : undefined;
}

/** Each rule must find something in every `match` example and nothing in any `no_match` one. */
function exampleProblems(source: YamlSource, rule: RuleSource, index: number, compiled: Rule): SourceProblem[] {
  if (!rule.examples) return [];
  const problems: SourceProblem[] = [];
  const at = (kind: 'match' | 'no_match', i: number, message: string): void => {
    problems.push(source.problemAtPath(['rules', index, 'examples', kind, i], message));
  };
  rule.examples.match.forEach((example, i) => {
    if (runRule(compiled, prepareDraft(example)).length === 0) at('match', i, m('rules.exampleMissed', { id: rule.id }));
  });
  rule.examples.no_match.forEach((example, i) => {
    const draft = prepareDraft(example);
    const [hit] = runRule(compiled, draft);
    if (!hit) return;
    const { from, to } = toOriginal(draft, hit);
    at('no_match', i, m('rules.exampleHit', { id: rule.id, text: example.slice(from, to) }));
  });
  return problems;
}
