import type { Node as YamlNode } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import * as z from 'zod';
import { en as zodEnglish, fr as zodFrench } from 'zod/locales';
import { InputError, type SourceProblem } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { schemaProblem } from '../yaml/schema-problem.js';
import { LANGS, type Lang } from '../types.js';
import { YamlSource } from '../yaml/source.js';
import { AutomatonBuilder, TooLargeError } from './automaton.js';
import { prepareDraft, toOriginal } from './draft.js';
import { guessLanguage } from './language.js';
import { m, PLACEHOLDER_WEEKDAYS } from './messages.js';
import { LEVELS, type CheckKind, type PatternList, type PhraseRule, type Rule, type RuleSet } from './model.js';
import { Matcher } from './matcher.js';
import { TENSES } from './morphology.js';
import { compilePatterns, parsePattern, PatternError, type Fragment, type Node, type PatternErrorReason } from './pattern.js';
import { Context, runRule } from './run.js';

/**
 * Reply rules files (`playbooks/<lang>/reply-rules.yaml`, or a user's `--rules FILE`): schema,
 * located validation, compilation, and a run of every rule's examples. docs/check.md describes them.
 *
 * A rules file is bounded: its size (MAX_RULES_BYTES), each pattern's length, and the automaton
 * its patterns compile to once every `<name>` is put in place (MAX_STATES), so that lists that each
 * name the previous one twice stop with a located error instead of filling the memory.
 */

/** Largest rules file, in bytes (the built-in ones are about 40 KB). */
export const MAX_RULES_BYTES = 256 * 1024;
/** Most automaton states a rules file compiles to (each built-in one takes about 12,000). */
export const MAX_STATES = 100_000;


/** The schemas, with their messages in `lang`. */
function schemas(lang: Lang) {
  const nonEmpty = z.string().trim().min(1, { error: () => t(SCHEMA_EMPTY, lang) });
  const ruleId = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: () => t(m.rulesRuleId, lang) });
  /** `[pattern, …]` or `{ match: [pattern, …], except: [pattern, …], negated: true }`. */
  const patternList = z.preprocess(
    (value) => (Array.isArray(value) ? { match: value } : value),
    z.strictObject({ match: z.array(nonEmpty).min(1), except: z.array(nonEmpty).min(1).optional(), negated: z.boolean().optional() }),
  );
  const examples = z.strictObject({ match: z.array(nonEmpty).min(1), no_match: z.array(nonEmpty).min(1) });
  const common = {
    id: ruleId,
    /** Built-in categories: justification, no-empathy, blame, condescension, vague-timing, no-next-step, overpromise, minimising, non-apology. */
    category: ruleId,
    level: z.enum(LEVELS).optional(),
    message: nonEmpty,
    suggestion: nonEmpty,
    examples: examples.optional(),
  };
  const rules = {
    phrase: z.strictObject({
      ...common,
      check: z.literal('phrase').optional(),
      patterns: z.array(nonEmpty).min(1),
      except: z.array(nonEmpty).min(1).optional(),
      negated: z.boolean().optional(),
      unless_sentence: z.array(nonEmpty).min(1).optional(),
      unless_tense: z.array(z.enum(['past', 'future'])).min(1).optional(),
      replace: nonEmpty.optional(),
    }),
    'next-date': z.strictObject({
      ...common,
      check: z.literal('next-date'),
      dates: patternList.optional(),
      remedy: patternList.optional(),
      choice: patternList.optional(),
      hedge: patternList.optional(),
    }),
    'feeling-first': z.strictObject({
      ...common,
      check: z.literal('feeling-first'),
      acknowledgement: patternList,
      explanation: patternList,
      opening: patternList.optional(),
    }),
    'apology-but': z.strictObject({
      ...common,
      check: z.literal('apology-but'),
      apology: patternList,
      contrast: patternList,
      concession: patternList.optional(),
    }),
  } as const;
  const file = z.strictObject({
    format: z.literal(1).optional(),
    lang: z.enum(LANGS).optional(),
    lists: z.record(ruleId, z.array(nonEmpty).min(1)).optional(),
    rules: z.array(z.unknown()).min(1),
  });
  return { rules, file };
}

const SCHEMA_EMPTY = { en: 'must not be empty', fr: 'ne doit pas être vide' } as const;
/** zod's own messages (types, lengths), in the language of the problems reported. */
const ZOD_LOCALES: Record<Lang, typeof zodEnglish> = { en: zodEnglish, fr: zodFrench };
const CHECKS: readonly CheckKind[] = ['phrase', 'next-date', 'feeling-first', 'apology-but'];
/** The pattern lists each check reads. */
const LISTS_OF: Record<Exclude<CheckKind, 'phrase'>, readonly string[]> = {
  'next-date': ['dates', 'remedy', 'choice', 'hedge'],
  'feeling-first': ['acknowledgement', 'explanation', 'opening'],
  'apology-but': ['apology', 'contrast', 'concession'],
};

type Schemas = ReturnType<typeof schemas>;
type RuleSource = z.infer<Schemas['rules'][CheckKind]>;
type PatternListSource = { match: string[]; except?: string[] | undefined; negated?: boolean | undefined };

export interface ParseOptions {
  /** Names (lists and phrase rules) a pattern may use when this file does not define them. */
  base?: RuleSet;
  /** Default true: run every rule's examples, and refuse the file if one goes wrong. */
  verifyExamples?: boolean;
  /** The language of the problems reported (default English). */
  messages?: Lang;
}

/** Parses, validates and compiles a rules file; every problem is located, all are reported at once. */
export function parseRules(file: string, text: string, options: ParseOptions = {}): RuleSet {
  const lang = options.messages ?? 'en';
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_RULES_BYTES) {
    const message = t(m.rulesTooBig, lang, { file, size, limit: MAX_RULES_BYTES });
    throw new InputError(message, [{ file, line: 1, col: 1, message }]);
  }
  const { rules: ruleSchemas, file: fileSchema } = schemas(lang);
  const source = YamlSource.parse(file, text, lang);
  const data = source.toJS();
  z.config(ZOD_LOCALES[lang]());
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => schemaProblem(source, data, issue)));

  const problems: SourceProblem[] = [];
  const rules = parsed.data.rules.flatMap((raw, index) => {
    const rule = validateRule(source, data, raw, index, problems, ruleSchemas, lang);
    return rule ? [{ rule, index }] : [];
  });
  problems.push(...duplicateIds(source, rules, lang));
  const lists = parsed.data.lists ?? {};
  for (const name of Object.keys(lists)) {
    if (rules.some(({ rule }) => rule.id === name))
      problems.push(source.problemAtNode(source.keyNodeAt(['lists'], name), t(m.rulesNameClash, lang, { name })));
  }
  for (const { rule, index } of rules) problems.push(...placeholderProblems(source, rule, index, lang));
  if (problems.length > 0) fail(problems);

  const patternLang = parsed.data.lang ?? options.base?.lang;
  const compiler = new Compiler(source, lists, rules, options.base, patternLang, lang);
  const compiled = rules.flatMap(({ rule, index }) => {
    const done = compiler.rule(rule, index);
    return done ? [{ rule, index, done }] : [];
  });
  compiler.checkLists();
  if (compiler.problems.length > 0) fail(compiler.problems);

  if (options.verifyExamples !== false) {
    const failures = compiled.flatMap(({ rule, index, done }) => exampleProblems(source, rule, index, done, lang, patternLang));
    if (failures.length > 0) fail(failures);
  }
  const ruleSet: RuleSet = {
    rules: compiled.map(({ done }) => done),
    fragment: (name) => compiler.fragmentOrUndefined(name),
  };
  if (parsed.data.lang) ruleSet.lang = parsed.data.lang;
  return ruleSet;
}

function fail(problems: SourceProblem[]): never {
  // A pattern of a phrase rule is compiled for the rule and for the name `<rule-id>`: one problem.
  const seen = new Set<string>();
  const unique = problems.filter((problem) => {
    const key = `${problem.line}:${problem.col}:${problem.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  throw new InputError(unique[0]?.message ?? 'invalid rules file', unique);
}

function validateRule(
  source: YamlSource,
  data: unknown,
  raw: unknown,
  index: number,
  problems: SourceProblem[],
  ruleSchemas: Schemas['rules'],
  lang: Lang,
): RuleSource | undefined {
  const path = ['rules', index];
  const check = raw !== null && typeof raw === 'object' && 'check' in raw ? raw.check : 'phrase';
  if (typeof check !== 'string' || !(CHECKS as readonly string[]).includes(check)) {
    problems.push(source.problemAtPath([...path, 'check'], t(m.rulesUnknownCheck, lang, { value: String(check), checks: CHECKS.join(', ') })));
    return undefined;
  }
  const parsed = ruleSchemas[check as CheckKind].safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const located = { ...issue, path: [...path, ...issue.path] } as z.core.$ZodIssue;
    const key = issue.path[0];
    const given = raw !== null && typeof raw === 'object' && typeof key === 'string' ? (raw as Record<string, unknown>)[key] : undefined;
    const wrongList = issue.code === 'invalid_type' && issue.path.length === 1 && issue.expected === 'object' && given !== undefined;
    problems.push(wrongList ? source.problemAtPath(located.path as PropertyKey[], t(m.rulesPatternList, lang)) : schemaProblem(source, data, located));
  }
  return undefined;
}

function duplicateIds(source: YamlSource, rules: readonly { rule: RuleSource; index: number }[], lang: Lang): SourceProblem[] {
  const first = new Map<string, number>();
  const problems: SourceProblem[] = [];
  for (const { rule, index } of rules) {
    const earlier = first.get(rule.id);
    if (earlier === undefined) {
      first.set(rule.id, index);
      continue;
    }
    const line = source.positionOf(source.nodeAt(['rules', earlier, 'id'])?.range?.[0] ?? 0).line;
    problems.push(source.problemAtPath(['rules', index, 'id'], t(m.rulesDuplicateId, lang, { id: rule.id, line })));
  }
  return problems;
}

/** `{words}` and `{date:tuesday}` are the only placeholders of a message, a suggestion, a replacement. */
function placeholderProblems(source: YamlSource, rule: RuleSource, index: number, lang: Lang): SourceProblem[] {
  const fields: Record<string, string | undefined> = {
    message: rule.message,
    suggestion: rule.suggestion,
    replace: 'replace' in rule ? rule.replace : undefined,
  };
  const problems: SourceProblem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    for (const [whole, name] of value?.matchAll(/\{([a-z]+(?::[a-z]+)?)\}/g) ?? []) {
      if (name === 'words' || (name?.startsWith('date:') && PLACEHOLDER_WEEKDAYS.includes(name.slice(5)))) continue;
      problems.push(source.problemAtPath(['rules', index, key], t(m.rulesPlaceholder, lang, { detail: whole })));
    }
  }
  return problems;
}

type Path = (string | number)[];

/** Compiles patterns, resolving `<name>` references; problems point at the pattern that has them. */
class Compiler {
  readonly problems: SourceProblem[] = [];
  private readonly builder = new AutomatonBuilder(MAX_STATES);
  /** The parsed patterns of each list or phrase rule, by name. */
  private readonly fragments = new Map<string, Fragment>();
  /** One matcher for the same patterns, however many lists use them. */
  private readonly byPatterns = new Map<string, Matcher>();

  constructor(
    private readonly source: YamlSource,
    private readonly lists: Readonly<Record<string, string[]>>,
    private readonly rules: readonly { rule: RuleSource; index: number }[],
    private readonly base: RuleSet | undefined,
    private readonly lang: Lang | undefined,
    private readonly messages: Lang,
  ) {}

  /** The compiled rule, or undefined when its patterns have problems (collected in `problems`). */
  rule(rule: RuleSource, index: number): Rule | undefined {
    const path: Path = ['rules', index];
    const about = {
      id: rule.id,
      category: rule.category,
      level: rule.level ?? 'warning',
      message: rule.message,
      suggestion: rule.suggestion,
    };
    try {
      if (rule.check === undefined || rule.check === 'phrase') {
        const phrase = rule as Extract<RuleSource, { patterns: string[] }>;
        const patterns: PatternList = { match: [this.namedMatcher(rule.id, 0)] };
        if (phrase.except) patterns.except = this.matchers(phrase.except, (i) => [...path, 'except', i]);
        if (phrase.negated) patterns.negated = true;
        const done: PhraseRule = { ...about, check: 'phrase', patterns };
        if (phrase.unless_sentence) done.unlessSentence = { match: this.matchers(phrase.unless_sentence, (i) => [...path, 'unless_sentence', i]), negated: true };
        if (phrase.unless_tense) done.unlessTense = phrase.unless_tense;
        if (phrase.replace !== undefined) done.replace = phrase.replace;
        return done;
      }
      const lists: Record<string, PatternList> = {};
      const given = rule as unknown as Record<string, PatternListSource | undefined>;
      for (const name of LISTS_OF[rule.check]) {
        const list = given[name];
        if (list) lists[name] = this.list(list, this.listAt([...path, name]));
      }
      return { ...about, check: rule.check, ...lists } as Rule;
    } catch (error) {
      if (error instanceof PatternError) {
        this.problems.push(this.problem(new LocatedPatternError((error.origin as Path | undefined) ?? path, error)));
        return undefined;
      }
      if (!(error instanceof LocatedPatternError)) throw error;
      this.problems.push(this.problem(error));
      return undefined;
    }
  }

  fragmentOrUndefined(name: string): Fragment | undefined {
    try {
      return this.fragment(name, 0);
    } catch (error) {
      if (error instanceof PatternError || error instanceof LocatedPatternError) return undefined;
      throw error;
    }
  }

  /** Compiles a pattern list; `at(kind, i)` is the path of its i-th `match` or `except` pattern. */
  private list(list: PatternListSource, at: (kind: 'match' | 'except', i: number) => Path): PatternList {
    const compiled: PatternList = { match: this.matchers(list.match, (i) => at('match', i)) };
    if (list.except) compiled.except = this.matchers(list.except, (i) => at('except', i));
    if (list.negated) compiled.negated = true;
    return compiled;
  }

  /**
   * The patterns compiled together into one automaton, except those that are a `<name>` alone: each
   * of those is the named list's or rule's own matcher, compiled once however often it is named,
   * and run once per draft however many lists name it.
   */
  private matchers(patterns: readonly string[], at: (i: number) => Path): Matcher[] {
    const joined: string[] = [];
    const paths: Path[] = [];
    const named: Matcher[] = [];
    patterns.forEach((pattern, i) => {
      const alone = /^\s*<([a-z][a-z0-9-]*)>\s*$/.exec(pattern)?.[1];
      if (alone === undefined) {
        joined.push(pattern);
        paths.push(at(i));
        return;
      }
      try {
        named.push(this.namedMatcher(alone, pattern.indexOf('<')));
      } catch (error) {
        throw error instanceof PatternError ? new LocatedPatternError((error.origin as Path | undefined) ?? at(i), error) : error;
      }
    });
    return joined.length > 0 ? [this.matcher(joined, (i) => paths[i] as Path), ...named] : named;
  }

  private readonly named = new Map<string, Matcher>();

  /** The matcher of a list or phrase rule, by name. */
  private namedMatcher(name: string, offset: number): Matcher {
    const known = this.named.get(name);
    if (known) return known;
    const fragment = this.fragment(name, offset);
    let automaton;
    try {
      automaton = compilePatterns(
        fragment.options.map((nodes) => ({ nodes, resolve: fragment.resolve, lang: fragment.lang })),
        this.builder,
      );
    } catch (error) {
      if (error instanceof TooLargeError) throw new LocatedPatternError(fragment.options[0]?.origin as Path, new PatternError('tooLarge', 0, String(error.limit)));
      if (error instanceof PatternError && error.origin === undefined) error.origin = this.originOf(fragment);
      throw error;
    }
    const matcher = new Matcher(automaton);
    this.named.set(name, matcher);
    return matcher;
  }

  /** Which of a fragment's patterns throws when compiled alone. */
  private originOf(fragment: Fragment): unknown {
    for (const option of fragment.options) {
      try {
        compilePatterns([{ nodes: option, resolve: fragment.resolve, lang: fragment.lang }], new AutomatonBuilder(MAX_STATES));
      } catch (inner) {
        if (inner instanceof PatternError) return inner.origin ?? option.origin;
      }
    }
    return fragment.options[0]?.origin;
  }

  /** One automaton for all the patterns; the same patterns share it. */
  private matcher(patterns: readonly string[], at: (i: number) => Path): Matcher {
    const key = JSON.stringify(patterns);
    const known = this.byPatterns.get(key);
    if (known) return known;
    const parsed = patterns.map((pattern, i) => ({ nodes: this.parse(pattern, at(i)), path: at(i) }));
    let automaton;
    try {
      automaton = compilePatterns(
        parsed.map(({ nodes }) => ({ nodes, resolve: this.resolver, lang: this.lang })),
        this.builder,
      );
    } catch (error) {
      // Which pattern it was: compile them one by one, the first that fails says where.
      if (error instanceof TooLargeError) throw new LocatedPatternError(parsed[0]?.path ?? [], new PatternError('tooLarge', 0, String(error.limit)));
      if (!(error instanceof PatternError)) throw error;
      throw this.locate(error, parsed);
    }
    const matcher = new Matcher(automaton);
    this.byPatterns.set(key, matcher);
    return matcher;
  }

  /** The pattern of `parsed` whose compilation throws `error`, located. */
  private locate(error: PatternError, parsed: readonly { nodes: Node[]; path: Path }[]): LocatedPatternError {
    if (error.origin !== undefined) return new LocatedPatternError(error.origin as Path, error);
    for (const { nodes, path } of parsed) {
      try {
        compilePatterns([{ nodes, resolve: this.resolver, lang: this.lang }], new AutomatonBuilder(MAX_STATES));
      } catch (inner) {
        if (inner instanceof PatternError) return new LocatedPatternError(inner.origin !== undefined ? (inner.origin as Path) : path, inner);
      }
    }
    return new LocatedPatternError(parsed[0]?.path ?? [], error);
  }

  private parse(pattern: string, path: Path): Node[] {
    try {
      return parsePattern(pattern);
    } catch (error) {
      throw error instanceof PatternError ? new LocatedPatternError(path, error) : error;
    }
  }

  /** A list written as a sequence holds `match` patterns only, directly under its key. */
  private listAt(path: Path): (kind: 'match' | 'except', i: number) => Path {
    const sequence = isSeq(this.source.document.getIn(path, true));
    return (kind, i) => (sequence ? [...path, i] : [...path, kind, i]);
  }

  /**
   * Parses and compiles every list once, so that a problem in a list no rule uses is reported too.
   * One budget for them all: lists that each name the previous one twice stop at the first too large.
   */
  checkLists(): void {
    const budget = new AutomatonBuilder(MAX_STATES);
    for (const name of Object.keys(this.lists)) {
      try {
        const fragment = this.fragment(name, 0);
        compilePatterns(
          fragment.options.map((nodes) => ({ nodes, resolve: this.resolver, lang: this.lang })),
          budget,
        );
      } catch (error) {
        if (error instanceof LocatedPatternError) this.problems.push(this.problem(error));
        else if (error instanceof PatternError) this.problems.push(this.problem(new LocatedPatternError((error.origin as Path | undefined) ?? ['lists', name], error)));
        else if (error instanceof TooLargeError) {
          this.problems.push(this.problem(new LocatedPatternError(['lists', name], new PatternError('tooLarge', 0, String(error.limit)))));
          return;
        } else throw error;
      }
    }
  }

  private readonly resolver = (name: string, offset: number): Fragment => this.fragment(name, offset);

  /** The patterns of the list or phrase rule `name`, parsed; a name of the base rules resolves among those. */
  private fragment(name: string, offset: number): Fragment {
    const known = this.fragments.get(name);
    if (known) return known;
    const own = this.lists[name] !== undefined ? { patterns: this.lists[name], path: ['lists', name] } : this.rulePatterns(name);
    if (!own) {
      const inherited = this.base?.fragment(name);
      if (inherited === undefined) throw new PatternError('unknownName', offset, name);
      return inherited;
    }
    const options = own.patterns.map((pattern, i) => {
      const nodes = this.parse(pattern, [...own.path, i]);
      return Object.assign(nodes, { origin: [...own.path, i] });
    });
    const fragment: Fragment = { options, resolve: this.resolver, lang: this.lang };
    this.fragments.set(name, fragment);
    return fragment;
  }

  private rulePatterns(name: string): { patterns: string[]; path: Path } | undefined {
    const found = this.rules.find(({ rule }) => rule.id === name && (rule.check === undefined || rule.check === 'phrase'));
    if (!found || !('patterns' in found.rule)) return undefined;
    return { patterns: found.rule.patterns, path: ['rules', found.index, 'patterns'] };
  }

  private problem(error: LocatedPatternError): SourceProblem {
    const { reason, offset, detail } = error.cause;
    const lang = this.messages;
    const why = reasonText(reason, detail, lang);
    const message = t(m.patternAt, lang, { reason: why, col: offset + 1 });
    const node = this.source.nodeAt(error.path);
    const start = patternStart(node);
    if (start === undefined) return this.source.problemAtNode(node, message);
    const { line, col } = this.source.positionOf(start + offset);
    return this.source.problemAt(line, col, message);
  }
}

/** Why a pattern is refused, in `lang`. */
function reasonText(reason: PatternErrorReason, detail: string, lang: Lang): string {
  switch (reason) {
    case 'empty':
      return t(m.patternEmpty, lang);
    case 'unclosed':
      return t(m.patternUnclosed, lang, { detail });
    case 'unexpected':
      return t(m.patternUnexpected, lang, { detail });
    case 'gapAlone':
      return t(m.patternGapAlone, lang);
    case 'unknownName':
      return t(m.patternUnknownName, lang, { detail });
    case 'cycle':
      return t(m.patternCycle, lang, { detail });
    case 'tooLong':
      return t(m.patternTooLong, lang, { detail });
    case 'tooLarge':
      return t(m.patternTooLarge, lang, { detail });
    case 'tense':
      return t(m.patternTense, lang, { detail, tenses: [...new Set(Object.values(TENSES).flat())].join(', ') });
    case 'lemma':
      return t(m.patternLemma, lang);
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
function patternStart(node: YamlNode | undefined): number | undefined {
  if (!isScalar(node) || !node.range || typeof node.value !== 'string') return undefined;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (node.type !== 'PLAIN' && !quoted) return undefined;
  const inner = node.range[1] - node.range[0] - (quoted ? 2 : 0);
  return inner === node.value.length ? node.range[0] + (quoted ? 1 : 0) : undefined;
}

/** Each rule must find something in every `match` example and nothing in any `no_match` one. */
function exampleProblems(source: YamlSource, rule: RuleSource, index: number, compiled: Rule, lang: Lang, dateLang: Lang | undefined): SourceProblem[] {
  if (!rule.examples) return [];
  const problems: SourceProblem[] = [];
  const at = (kind: 'match' | 'no_match', i: number, message: string): void => {
    problems.push(source.problemAtPath(['rules', index, 'examples', kind, i], message));
  };
  rule.examples.match.forEach((example, i) => {
    const draft = prepareDraft(example);
    if (runRule(compiled, draft, new Context(draft, { lang: dateLang ?? guessLanguage(example) ?? lang })).length === 0) at('match', i, t(m.rulesExampleMissed, lang, { id: rule.id }));
  });
  rule.examples.no_match.forEach((example, i) => {
    const draft = prepareDraft(example);
    const [hit] = runRule(compiled, draft, new Context(draft, { lang: dateLang ?? guessLanguage(example) ?? lang }));
    if (!hit) return;
    const { from, to } = toOriginal(draft, hit);
    at('no_match', i, t(m.rulesExampleHit, lang, { id: rule.id, text: example.slice(from, to) }));
  });
  return problems;
}
