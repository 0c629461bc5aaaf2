import { firstWords, inSubject, positionOf, prepareDraft, spansOf, toOriginal, type Draft, type Span } from './draft.js';
import type { Matcher } from './matcher.js';
import { m } from './messages.js';
import type { Finding, PatternList, Rule, RuleSet } from './model.js';
import type { Lang } from '../types.js';

/** The id findings about a wrong suppression comment carry. */
const IGNORE_RULE_ID = 'calmclient-ignore';

/** Checks a draft against compiled rules. Pure and synchronous: text in, findings out. */
export function checkText(text: string, ruleSet: RuleSet, lang: Lang): Finding[] {
  const draft = prepareDraft(text);
  const silenced = new Set(draft.suppressions.flatMap((suppression) => suppression.ids));
  const findings: Finding[] = [];
  for (const rule of ruleSet.rules) {
    if (silenced.has(rule.id)) continue;
    for (const span of runRule(rule, draft)) findings.push(toFinding(draft, rule, span));
  }
  findings.push(...suppressionProblems(draft, ruleSet, lang));
  // Findings about the draft as a whole come after those pinned to words.
  return findings.sort((a, b) => Number(a.length === 0) - Number(b.length === 0) || a.offset - b.offset);
}

/** The spans (of the folded draft) one rule objects to. */
export function runRule(rule: Rule, draft: Draft): Span[] {
  switch (rule.check) {
    case 'phrase':
      return matchList(rule.patterns, draft);
    case 'next-date': {
      if (matchList(rule.dates, draft).length > 0) return [];
      const start = firstWords(draft);
      return [{ from: start, to: start }];
    }
    case 'feeling-first': {
      const body = (span: Span): boolean => !inSubject(draft, span);
      const acknowledgement = matchList(rule.acknowledgement, draft).find(body);
      const explanation = matchList(rule.explanation, draft).find(body);
      if (!explanation || (acknowledgement && acknowledgement.from < explanation.from)) return [];
      return [explanation];
    }
    case 'apology-but':
      return apologiesWithBut(rule.apology, rule.contrast, draft);
  }
}

/** Matches of `list.match` that no match of `list.except` covers, in order, without overlaps. */
function matchList(list: PatternList, draft: Draft): Span[] {
  const found = allSpans(list.match, draft);
  if (!list.except || found.length === 0) return found;
  const excepted = allSpans(list.except, draft);
  return found.filter((span) => !excepted.some((other) => other.from <= span.from && span.to <= other.to));
}

/** Where any of the matchers matches; of two overlapping matches, the one that starts first (or is longer). */
function allSpans(matchers: readonly Matcher[], draft: Draft): Span[] {
  const spans = matchers.flatMap((matcher) => {
    const regex = matcher.regexFor(draft.folded.value);
    return regex ? spansOf(regex, draft) : [];
  });
  if (matchers.length < 2) return spans;
  spans.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: Span[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!last || span.from >= last.to) kept.push(span);
  }
  return kept;
}

/**
 * An apology whose own sentence goes on with a contrast ("sorry for the delay, but…"), or whose
 * next sentence opens with one ("My apologies. However, …"): the contrast takes the apology back.
 */
function apologiesWithBut(apology: PatternList, contrast: PatternList, draft: Draft): Span[] {
  const text = draft.folded.value;
  const sentenceEnd = /[.!?]|\n[ \t]*\n|\u0001/g;
  const betweenSentences = /[.!?\s"')*_]*/y;
  const contrasts = matchList(contrast, draft);
  const spans: Span[] = [];
  for (const sorry of matchList(apology, draft)) {
    sentenceEnd.lastIndex = sorry.to;
    const end = sentenceEnd.exec(text)?.index ?? text.length;
    let but = contrasts.find((span) => span.from >= sorry.to && span.from < end);
    if (!but && text[end] !== '\u0001') {
      betweenSentences.lastIndex = end;
      betweenSentences.exec(text);
      const nextSentence = betweenSentences.lastIndex;
      but = contrasts.find((span) => span.from === nextSentence);
    }
    if (but) spans.push({ from: sorry.from, to: but.to });
  }
  return spans;
}

function toFinding(draft: Draft, rule: Pick<Rule, 'id' | 'category' | 'message' | 'suggestion'>, span: Span): Finding {
  const { from, to } = toOriginal(draft, span);
  return findingAt(draft, rule, from, to);
}

function findingAt(
  draft: Draft,
  rule: Pick<Rule, 'id' | 'category' | 'message' | 'suggestion'>,
  from: number,
  to: number,
): Finding {
  const start = positionOf(draft, from);
  const end = positionOf(draft, to);
  return {
    rule: rule.id,
    category: rule.category,
    message: rule.message,
    suggestion: rule.suggestion,
    line: start.line,
    col: start.col,
    endLine: end.line,
    endCol: end.col,
    offset: from,
    length: to - from,
    text: draft.text.slice(from, to),
  };
}

/** A suppression comment that names no rule, or a rule that does not exist, silences nothing: say so. */
function suppressionProblems(draft: Draft, ruleSet: RuleSet, lang: Lang): Finding[] {
  const known = ruleSet.rules.map((rule) => rule.id);
  const example = known[0] ?? 'rule-id';
  const problem = (message: string): Pick<Rule, 'id' | 'category' | 'message' | 'suggestion'> => ({
    id: IGNORE_RULE_ID,
    category: 'suppression',
    message,
    suggestion: m('ignore.suggestion', { example }, lang),
  });
  return draft.suppressions.flatMap((suppression) => {
    const at = (message: string): Finding => findingAt(draft, problem(message), suppression.offset, suppression.offset + suppression.length);
    if (suppression.ids.length === 0) return [at(m('ignore.empty', {}, lang))];
    return suppression.ids
      .filter((id) => !known.includes(id))
      .map((id) => at(m('ignore.unknown', { id, ids: known.join(', ') }, lang)));
  });
}
