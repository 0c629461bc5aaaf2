import type { Tense } from '../dates/mentions.js';
import type { Matcher } from './matcher.js';
import type { Fragment } from './pattern.js';
import type { Lang } from '../types.js';

/** How much a finding matters, as in Vale: `error` and `warning` make `check` exit 1, `suggestion` does not. */
export const LEVELS = ['error', 'warning', 'suggestion'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Compiled patterns: a span counts when `match` finds it and no `except` match covers it. Unless
 * `negated` is true, a match in a negated clause ("it's not just a small bug", "je ne comprends
 * pas") does not count.
 */
export interface PatternList {
  /** One automaton for the list's own patterns, and the matcher of each `<name>` that stands alone as a pattern. */
  match: readonly Matcher[];
  except?: readonly Matcher[];
  negated?: boolean;
}

interface RuleCommon {
  id: string;
  category: string;
  level: Level;
  /** May quote the draft's words with `{words}` and name dates with `{date:tuesday}` (see messages.ts). */
  message: string;
  suggestion: string;
}

/** A rule of phrases: every place its patterns match is a finding. */
export interface PhraseRule extends RuleCommon {
  check: 'phrase';
  patterns: PatternList;
  /** The rule does not apply in a sentence where one of these stands too (a habit, for a hedge). */
  unlessSentence?: PatternList;
  /**
   * The rule does not apply where the clause of the words is told in one of these tenses, as the
   * date reader reads it (src/dates/mentions.ts `tenseAt`): a stock delay told in the past ("vous
   * nous avez demandé une réponse dans les meilleurs délais") promises nothing.
   */
  unlessTense?: readonly Tense[];
  /** What to write instead of the words found, when one replacement fits (Vale's `swap`). */
  replace?: string;
}

/**
 * A finding when the draft gives no concrete next step: no dated future commitment (dates, and the
 * tense of their sentence, are found and classified by src/dates/mentions.ts; `dates` adds phrases
 * of the user's own), no immediate remedy, no choice offered to the client. A date in a clause with
 * a `hedge` is no commitment.
 */
export interface NextDateRule extends RuleCommon {
  check: 'next-date';
  dates?: PatternList;
  remedy?: PatternList;
  choice?: PatternList;
  hedge?: PatternList;
}

/**
 * A finding when an explanation, a refusal or a plan comes with no acknowledgement of what the
 * client feels before it (or in the same paragraph): on the draft as a whole when there is none at
 * all, on the explanation when the acknowledgement comes only after it. `opening` sentences (a
 * courtesy formula) are neither.
 */
export interface FeelingFirstRule extends RuleCommon {
  check: 'feeling-first';
  acknowledgement: PatternList;
  explanation: PatternList;
  opening?: PatternList;
}

/**
 * A finding when an apology is taken back: followed, in its sentence or at the start of the
 * next, by "but"; or conceded in a subordinate clause ("While we regret the delay, we must…").
 */
export interface ApologyButRule extends RuleCommon {
  check: 'apology-but';
  apology: PatternList;
  contrast: PatternList;
  concession?: PatternList;
}

export type Rule = PhraseRule | NextDateRule | FeelingFirstRule | ApologyButRule;
export type CheckKind = Rule['check'];

/**
 * The rules that apply to a draft, compiled. `fragment` gives the patterns of a named list or
 * phrase rule, so that a user's rules file can build on the built-in names.
 */
export interface RuleSet {
  lang?: Lang;
  rules: readonly Rule[];
  fragment: (name: string) => Fragment | undefined;
}

/** One place in the draft that a rule objects to. */
export interface Finding {
  rule: string;
  category: string;
  level: Level;
  message: string;
  suggestion: string;
  /** What to write instead of `text`, when the rule has one replacement. */
  replacement?: string;
  /** 1-based line and column (in characters) where the words start. */
  line: number;
  col: number;
  /** 1-based line and column just after the words; equal to the start for a finding about the whole draft. */
  endLine: number;
  endCol: number;
  /** The same span as UTF-16 offsets into the text, for programs. */
  offset: number;
  length: number;
  /** The words as written in the draft ('' for a finding about the whole draft). */
  text: string;
}
