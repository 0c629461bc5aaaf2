import type { Matcher } from './matcher.js';
import type { CompiledPattern } from './pattern.js';
import type { Lang } from '../types.js';

/** Compiled patterns: a span counts when `match` finds it and no `except` match covers it. */
export interface PatternList {
  match: readonly Matcher[];
  except?: readonly Matcher[];
}

interface RuleCommon {
  id: string;
  category: string;
  message: string;
  suggestion: string;
}

/** A rule of phrases: every place its patterns match is a finding. */
export interface PhraseRule extends RuleCommon {
  check: 'phrase';
  patterns: PatternList;
}

/** A finding when no concrete date or time appears anywhere in the draft. */
export interface NextDateRule extends RuleCommon {
  check: 'next-date';
  dates: PatternList;
}

/** A finding when a plan or a justification comes before any acknowledgement of the client's feeling. */
export interface FeelingFirstRule extends RuleCommon {
  check: 'feeling-first';
  acknowledgement: PatternList;
  explanation: PatternList;
}

/** A finding when an apology is followed, in its sentence or at the start of the next, by "but". */
export interface ApologyButRule extends RuleCommon {
  check: 'apology-but';
  apology: PatternList;
  contrast: PatternList;
}

export type Rule = PhraseRule | NextDateRule | FeelingFirstRule | ApologyButRule;
export type CheckKind = Rule['check'];

/**
 * The rules that apply to a draft, compiled. `fragment` gives a named list or phrase rule
 * compiled, so that a user's rules file can build on the built-in names.
 */
export interface RuleSet {
  lang?: Lang;
  rules: readonly Rule[];
  fragment: (name: string, wordEnd: boolean) => CompiledPattern | undefined;
}

/** One place in the draft that a rule objects to. */
export interface Finding {
  rule: string;
  category: string;
  message: string;
  suggestion: string;
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
