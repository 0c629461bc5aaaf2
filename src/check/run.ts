import { firstWords, inSubject, positionOf, prepareDraft, toOriginal, type Draft, type Span } from './draft.js';
import { fillRuleText, m, type Day } from './messages.js';
import { indexTokens, type TokenIndex } from './automaton.js';
import type { Matcher } from './matcher.js';
import type { Finding, PatternList, Rule, RuleSet } from './model.js';
import type { Token } from './tokens.js';
import { placeMentions, type DraftDate } from './when.js';
import { readDates, type DateReading, type Tense } from '../dates/mentions.js';
import { t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';

/** The id findings about a wrong suppression comment carry. */
const IGNORE_RULE_ID = 'calmclient-ignore';

/** Checks a draft against compiled rules. Pure and synchronous: text in, findings out. */
export function checkText(text: string, ruleSet: RuleSet, lang: Lang, reference: Day = today()): Finding[] {
  const draft = prepareDraft(text);
  const silenced = new Set(draft.suppressions.flatMap((suppression) => suppression.ids));
  const found: { rule: Rule; span: Span }[] = [];
  const context = new Context(draft, { reference, lang, rules: ruleSet.rules });
  for (const rule of ruleSet.rules) {
    if (silenced.has(rule.id)) continue;
    for (const span of runRule(rule, draft, context)) found.push({ rule, span });
  }
  // Findings about the draft as a whole come after those pinned to words; positions are counted
  // in one pass over the text, in order.
  found.sort((a, b) => Number(a.span.to === a.span.from) - Number(b.span.to === b.span.from) || a.span.from - b.span.from || b.span.to - a.span.to);
  const positions = new Positions(draft);
  const texts = new RuleTexts(lang, reference);
  const findings = found.map(({ rule, span }) => toFinding(draft, positions, texts, rule, span));
  findings.push(...suppressionProblems(draft, ruleSet, lang));
  return findings;
}

function today(): Day {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** What several rules of one draft share, computed once. */
export class Context {
  private lists = new Map<PatternList, Span[]>();
  private dates: DraftDate[] | undefined;
  private backs: Span[] | undefined;
  /** The day the draft is written: its dates are placed against it. */
  readonly reference: Day;
  /** The draft's language: the words its dates are read in. */
  readonly lang: Lang;
  readonly rules: readonly Rule[];
  constructor(
    readonly draft: Draft,
    options: { reference?: Day; lang: Lang; rules?: readonly Rule[] },
  ) {
    this.reference = options.reference ?? today();
    this.lang = options.lang;
    this.rules = options.rules ?? [];
  }

  private searched = new Map<Matcher, Span[]>();
  private index: TokenIndex | undefined;

  /** Matches of a pattern list, computed once however many rules read it. */
  matches(list: PatternList): Span[] {
    let spans = this.lists.get(list);
    if (!spans) {
      spans = matchList(list, this.draft, (matcher) => this.search(matcher));
      this.lists.set(list, spans);
    }
    return spans;
  }

  private unfiltered = new Map<PatternList, Span[]>();
  private exceptions = new Map<PatternList, { checks: number; spans?: Span[] }>();

  /** Matches of `list.match`, before its exceptions are looked at (negation is). */
  matchesUnexcepted(list: PatternList): Span[] {
    let spans = this.unfiltered.get(list);
    if (!spans) {
      spans = matchList({ match: list.match, ...(list.negated ? { negated: true } : {}) }, this.draft, (matcher) => this.search(matcher));
      this.unfiltered.set(list, spans);
    }
    return spans;
  }

  /**
   * Whether a match of `list.match` is covered by one of `list.except`, as `matches` decides it.
   * The exceptions are read around the match only (a match and its exception span a bounded number
   * of tokens), for the first few matches asked about; past those, once in the whole draft.
   */
  excepted(list: PatternList, span: Span): boolean {
    if (!list.except || list.except.length === 0) return false;
    let state = this.exceptions.get(list);
    if (!state) this.exceptions.set(list, (state = { checks: 0 }));
    const covers = (exception: Span): boolean => exception.from <= span.from && exception.to >= span.to;
    if (!state.spans && state.checks < LOCAL_CHECKS) {
      state.checks++;
      const from = Math.max(0, span.from - WINDOW_MARGIN);
      const to = Math.min(this.draft.tokens.length, span.to + WINDOW_MARGIN);
      const index = (this.index ??= indexTokens(this.draft.tokens));
      return list.except.some((matcher) => matcher.search(this.draft.tokens, index, to, from).some(covers));
    }
    state.spans ??= list.except.flatMap((matcher) => this.search(matcher));
    return state.spans.some(covers);
  }

  private before = new Map<PatternList, { limit: number; spans: Span[] }>();

  /**
   * Matches of a pattern list that end before token `limit`, found by reading only the tokens
   * before it (or from the whole draft's matches, when they are known already). A match spans a
   * bounded number of tokens, so the matches that end well before `limit` are those of the whole
   * draft: a check that needs only the first ones reads a long draft's beginning only.
   */
  matchesBefore(list: PatternList, limit: number): Span[] {
    if (limit >= this.draft.tokens.length || this.lists.has(list)) return this.matches(list).filter((span) => span.to <= limit);
    const known = this.before.get(list);
    if (known && known.limit === limit) return known.spans;
    const spans = matchList(list, this.draft, (matcher) => {
      const whole = this.searched.get(matcher);
      return whole ? whole.filter((span) => span.to <= limit) : matcher.search(this.draft.tokens, (this.index ??= indexTokens(this.draft.tokens)), limit);
    });
    this.before.set(list, { limit, spans });
    return spans;
  }

  /** Matches of one matcher, computed once: a rule's matcher serves the lists that name it too. */
  private search(matcher: Matcher): Span[] {
    let spans = this.searched.get(matcher);
    if (!spans) {
      spans = matcher.search(this.draft.tokens, (this.index ??= indexTokens(this.draft.tokens)));
      this.searched.set(matcher, spans);
    }
    return spans;
  }

  private computed = new Map<Rule, Span[]>();

  /** What a structural check finds, computed once however many rules read it. */
  once(rule: Rule, compute: () => Span[]): Span[] {
    let spans = this.computed.get(rule);
    if (!spans) {
      spans = compute();
      this.computed.set(rule, spans);
    }
    return spans;
  }

  /** The apologies the rule set's apology-but rules find taken back. */
  takenBack(): Span[] {
    return (this.backs ??= this.rules.flatMap((rule) => (rule.check === 'apology-but' ? apologiesTakenBack(rule, this) : [])));
  }

  private reading: DateReading | undefined;

  /** The draft read by the date reader (src/dates/mentions.ts): its dates, and the tenses of its clauses. */
  private dateReading(): DateReading {
    return (this.reading ??= readDates(this.draft.shown, { reference: this.reference, lang: this.lang }));
  }

  dateMentions(): DraftDate[] {
    return (this.dates ??= placeMentions(this.draft, this.dateReading().mentions()));
  }

  /** The tense the clause of `span` is told in, when its words say one. */
  tenseOf(span: Span): Tense | undefined {
    const { from, to } = toOriginal(this.draft, span);
    return this.dateReading().tenseAt(from, to);
  }
}

/** The spans of the draft one rule objects to. */
export function runRule(rule: Rule, draft: Draft, context: Context): Span[] {
  switch (rule.check) {
    case 'phrase': {
      let found = context.matches(rule.patterns);
      if (rule.unlessSentence && found.length > 0) {
        const excluded = new Set(context.matches(rule.unlessSentence).map((span) => draft.sentence[span.from]));
        found = found.filter((span) => !excluded.has(draft.sentence[span.from]));
      }
      const tenses = rule.unlessTense;
      if (tenses && found.length > 0)
        found = found.filter((span) => {
          const tense = context.tenseOf(span);
          return tense === undefined || !tenses.includes(tense);
        });
      return found;
    }
    case 'next-date':
      return hasNextStep(rule, context) ? [] : [{ from: firstWords(draft), to: firstWords(draft) }];
    case 'feeling-first':
      return feelingFirst(rule, context);
    case 'apology-but':
      return apologiesTakenBack(rule, context);
  }
}

/** Matches of `list.match` that no match of `list.except` covers, and not negated unless it says so. */
function matchList(list: PatternList, draft: Draft, search: (matcher: Matcher) => Span[]): Span[] {
  let found = trimmed(allSpans(list.match, search), draft);
  if (list.except && found.length > 0) {
    // Both in order: one pass, whatever the number of matches.
    const excepted = list.except.flatMap(search).sort((a, b) => a.from - b.from);
    let k = 0;
    let reach = -1;
    found = found.filter((span) => {
      // `reach`: the farthest end of the exceptions that start at or before this span.
      while (k < excepted.length && (excepted[k] as Span).from <= span.from) reach = Math.max(reach, (excepted[k++] as Span).to);
      return reach < span.to;
    });
  }
  return list.negated ? found : found.filter((span) => !negated(draft.tokens, span));
}

/**
 * Spans that do not start on a separator: a pattern whose first word is optional ("{really,}
 * sorry") would otherwise start on the comma before "sorry".
 */
function trimmed(spans: Span[], draft: Draft): Span[] {
  const edge = (i: number): boolean => draft.tokens[i]?.kind === 'punct' && /^[,;:()"\-]+$/.test(draft.tokens[i]?.text ?? '');
  return spans.flatMap((span) => {
    let { from } = span;
    while (from < span.to && edge(from)) from++;
    return from < span.to ? [{ from, to: span.to }] : [];
  });
}

/** Where any of the matchers matches; of two overlapping matches, the one that starts first (or is longer). */
function allSpans(matchers: readonly Matcher[], search: (matcher: Matcher) => Span[]): Span[] {
  if (matchers.length === 1) return search(matchers[0] as Matcher);
  const spans = matchers.flatMap(search).sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: Span[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (!last || span.from >= last.to) kept.push(span);
  }
  return kept;
}

/** Words that make a clause negative. */
const NEGATORS = new Set(['not', 'never', 'no', 'nor', 'neither', 'hardly', 'ne', 'pas', 'jamais', 'aucun', 'aucune', 'ni', 'nullement', 'guere']);
/** Words that end a clause, for negation. */
const CLAUSE_WORDS = new Set(['but', 'and', 'so', 'because', 'mais', 'et', 'donc', 'car', 'however', 'cependant', 'pourtant', 'if', 'si']);
/** How far back a negation reaches, in words. */
const NEGATION_REACH = 8;

/**
 * Whether the words before token `at`, in its clause, negate it: "I can't guarantee", "this is
 * not just a small bug", "je ne dis pas que c'est votre faute". A negation inside the match is the
 * match's own ("not my fault") and is not looked at. French "ne … que" is no negation.
 */
export function negated(tokens: readonly Token[], span: Span): boolean {
  // A negation inside the match is its own ("ce n'est pas de ma faute" matched from "pas"): the
  // "ne" before it goes with it. Another negation before the match still negates it ("I can't
  // promise it will never happen again").
  let own = false;
  for (let i = span.from; i < span.to; i++) if (tokens[i]?.forms.some((form) => NEGATORS.has(form) && form !== 'ne')) own = true;
  let restrictive = false;
  for (let i = span.from - 1, words = 0; i >= 0 && words < NEGATION_REACH; i--) {
    const token = tokens[i] as Token;
    if (token.kind === 'stop' || token.kind === 'barrier') return false;
    if (token.kind === 'punct') {
      if (/[,;:()]/.test(token.text)) return false;
      continue;
    }
    words++;
    if (token.forms.includes('que') && i < span.from - 1) restrictive = true;
    if (token.forms.some((form) => NEGATORS.has(form) && !(own && form === 'ne'))) return !(restrictive && token.forms.includes('ne'));
    if (CLAUSE_WORDS.has(token.text)) return false;
  }
  return false;
}

/**
 * Whether the draft gives the client a next step: an immediate remedy, a choice, or a date that is
 * a future commitment (not past, not the date of a thing, not opening hours, not a window, not in
 * a hedged sentence).
 */
function hasNextStep(rule: Extract<Rule, { check: 'next-date' }>, context: Context): boolean {
  const { draft } = context;
  if (rule.remedy && context.matches(rule.remedy).length > 0) return true;
  if (rule.choice && context.matches(rule.choice).length > 0) return true;
  // Hedges are read in the date's clause: "it should reach you in three days; I will call you on
  // Tuesday" commits to Tuesday. The tense is the date finder's (src/dates/mentions.ts).
  // Read only when a date needs it: a draft without one does not pay for the list (checkText on
  // the 100 KB one-line draft, warm, median of 6 runs: 205 → 191 ms).
  let hedged: Set<number> | undefined;
  const committed = (span: Span): boolean => {
    hedged ??= new Set(rule.hedge ? context.matches(rule.hedge).map((hedge) => draft.clause[hedge.from] as number) : []);
    return !hedged.has(draft.clause[span.from] as number) && !inSubject(draft, span);
  };
  for (const mention of context.dateMentions()) {
    if (mention.kind !== 'future' || !committed(mention.span)) continue;
    // A delay is a commitment only when its sentence says it will happen ("you will hear from us
    // within 48 hours"), not as a policy ("refunds take up to 5 days").
    if (mention.delay && mention.tense !== 'future') continue;
    return true;
  }
  return rule.dates !== undefined && context.matches(rule.dates).some(committed);
}

/**
 * Exceptions and explanations are read around or before the words that need them, within this many
 * tokens: a match, or the exception that covers it, spans a bounded number of tokens.
 */
const WINDOW_MARGIN = 200;
/** How many matches of a list have their exceptions read around them, before they are read in the whole draft. */
const LOCAL_CHECKS = 8;

/**
 * An explanation, a refusal or a plan with no acknowledgement of the client's feeling before it
 * or in its paragraph. Courtesy openings and the subject line count as neither.
 *
 * Only the first acknowledgement matters, and the explanations before its paragraph: the
 * acknowledgements' exceptions are read around the candidates only, and the explanations only
 * before that paragraph. (The 100 KB one-line draft of scripts/bench-check.mjs, whose every
 * apology is taken back, read its exceptions in full for nothing: checkText, warm, median of 9
 * runs, 307 → 2xx ms.)
 */
function feelingFirst(rule: Extract<Rule, { check: 'feeling-first' }>, context: Context): Span[] {
  const { draft } = context;
  // An apology taken back by a "but" acknowledges nothing.
  const takenBack = context.takenBack();
  const counts = (span: Span): boolean => !inSubject(draft, span);
  // Both in the text's order: one pointer into the apologies taken back, moving forward. Testing
  // each acknowledgement against all of them grew with the square of the draft's length.
  let back = 0;
  const acknowledgement = context.matchesUnexcepted(rule.acknowledgement).find((span) => {
    if (!counts(span)) return false;
    while (back < takenBack.length && (takenBack[back] as Span).to <= span.from) back++;
    if (back < takenBack.length && (takenBack[back] as Span).from <= span.from) return false;
    return !context.excepted(rule.acknowledgement, span);
  });
  // No word for what the client went through, anywhere: the whole draft is the finding, whatever
  // it explains or plans (a support macro that only says the team is on it).
  if (!acknowledgement) return draft.tokens.some((token) => token.kind === 'word') ? [{ from: firstWords(draft), to: firstWords(draft) }] : [];
  // Acknowledged in the same paragraph is acknowledged in time: "You came all this way for nothing,
  // because our booking page was wrong. That's our fault." Only an explanation in an earlier
  // paragraph is a finding, so only the tokens before the acknowledgement's paragraph are read.
  const paragraph = (span: Span): number => draft.paragraph[span.from] as number;
  const ackParagraph = paragraph(acknowledgement);
  let start = acknowledgement.from;
  while (start > 0 && (draft.paragraph[start - 1] as number) === ackParagraph) start--;
  if (start === 0) return [];
  const before = Math.min(draft.tokens.length, start + WINDOW_MARGIN);
  const earlier = (span: Span): boolean => paragraph(span) < ackParagraph;
  const openings = new Set(rule.opening ? context.matchesBefore(rule.opening, before).filter(earlier).map((span) => draft.sentence[span.from] as number) : []);
  const explanation = context
    .matchesBefore(rule.explanation, before)
    .find((span) => earlier(span) && counts(span) && !openings.has(draft.sentence[span.from] as number));
  return explanation ? [explanation] : [];
}

/**
 * An apology taken back: a contrast after it in its sentence, or opening the next one ("I'm sorry
 * for the delay, but…", "My apologies. However, …"); or a concession ("While we regret the delay,
 * we must…"), whose main clause is what the client is meant to hear.
 */
function apologiesTakenBack(rule: Extract<Rule, { check: 'apology-but' }>, context: Context): Span[] {
  return context.once(rule, () => {
    const { draft } = context;
    const { tokens, sentence } = draft;
    // Each list is in the text's order: one pointer into each, moving forward, keeps this linear.
    const contrasts = context.matches(rule.contrast);
    const concessions = rule.concession ? context.matches(rule.concession) : [];
    let contrast = 0;
    let concession = 0;
    const opening = { clause: -1, at: -1 };
    // `lastColon[i]`: the last colon at or before token i (-1 when none), to tell in one look whether
    // one stands between an apology and a contrast.
    const lastColon = new Int32Array(tokens.length);
    let colon = -1;
    tokens.forEach((token, i) => {
      // Not the colon of a time: "10:30".
      const time = tokens[i - 1]?.kind === 'number' && tokens[i + 1]?.kind === 'number';
      if (token.kind === 'punct' && token.text.includes(':') && !time) colon = i;
      lastColon[i] = colon;
    });
    const spans: Span[] = [];
    for (const sorry of context.matches(rule.apology)) {
      const own = sentence[sorry.from] as number;
      while (concession < concessions.length && (concessions[concession] as Span).to + 4 < sorry.from) concession++;
      const conceded = concessions
        .slice(concession, concession + 3)
        .find((span) => sentence[span.from] === own && span.from <= sorry.from && sorry.from - span.to <= 4);
      if (conceded) {
        // Up to the end of the conceding clause: the comma before the main clause.
        let end = sorry.to;
        const limit = Math.min(tokens.length, sorry.to + 40);
        while (end < limit && sentence[end] === own && !(tokens[end]?.kind === 'punct' && /[,;]/.test(tokens[end]?.text ?? ''))) end++;
        spans.push({ from: conceded.from, to: end });
        continue;
      }
      while (contrast < contrasts.length && (contrasts[contrast] as Span).from < sorry.to) contrast++;
      const after = contrasts[contrast];
      if (!after) continue;
      // In the apology's own sentence: "sorry for the delay, but…", "nous regrettons ce délai ;
      // nous vous demandons néanmoins…". After a colon, the "but" belongs to the account of what
      // happened ("I'm sorry: the address was saved, but the label was printed from an older
      // record"), not to the apology.
      if (sentence[after.from] === own) {
        if ((lastColon[after.from] as number) < sorry.to) spans.push({ from: sorry.from, to: after.to });
        continue;
      }
      const clause = draft.clause[sorry.from];
      // Or the next clause or sentence opens with it: "My apologies. However, …", "sorry; however".
      // Where the next clause opens is found once for all the apologies of a clause.
      if (clause !== opening.clause) {
        let next = sorry.to;
        while (next < tokens.length && draft.clause[next] === clause) next++;
        let crossed = false;
        while (next < tokens.length && (tokens[next]?.kind === 'punct' || tokens[next]?.kind === 'stop' || tokens[next]?.kind === 'barrier')) {
          if (tokens[next]?.kind === 'barrier') crossed = true;
          next++;
        }
        Object.assign(opening, { clause, at: crossed ? -1 : next });
      }
      if (after.from === opening.at) spans.push({ from: sorry.from, to: after.to });
    }
    return mergeOverlaps(spans);
  });
}

function mergeOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && span.from < last.to) last.to = Math.max(last.to, span.to);
    else kept.push({ ...span });
  }
  return kept;
}

/** Positions of offsets asked in increasing order, counted in one pass over the text. */
class Positions {
  private offset = 0;
  private line = 1;
  private col = 1;
  constructor(private readonly draft: Draft) {}

  at(offset: number): { line: number; col: number } {
    if (offset < this.offset) return positionOf(this.draft, offset);
    const { text } = this.draft;
    for (let i = this.offset; i < offset; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.col = 1;
      } else if (code !== 13 && (code < 0xdc00 || code > 0xdfff)) this.col++;
    }
    this.offset = offset;
    return { line: this.line, col: this.col };
  }
}

type RuleText = Pick<Rule, 'id' | 'category' | 'level' | 'message' | 'suggestion'> & { replace?: string };

/**
 * A rule's message, suggestion and replacement for the words of a finding, filled once per rule
 * and words: a long draft repeats the same words. (The 100 KB one-line draft of
 * scripts/bench-check.mjs has 6,900 findings on 6 distinct phrases: checkText, warm, median of 6
 * runs, 194 → 168 ms.)
 */
class RuleTexts {
  private readonly filled = new Map<RuleText, Map<string, { message: string; suggestion: string; replacement?: string }>>();
  constructor(
    private readonly lang: Lang,
    private readonly reference: Day,
  ) {}

  of(rule: RuleText, words: string): { message: string; suggestion: string; replacement?: string } {
    let byWords = this.filled.get(rule);
    if (!byWords) this.filled.set(rule, (byWords = new Map()));
    let texts = byWords.get(words);
    if (!texts) {
      const fill = (text: string): string => fillRuleText(text, { words, lang: this.lang, reference: this.reference });
      texts = { message: fill(rule.message), suggestion: fill(rule.suggestion), ...(rule.replace !== undefined ? { replacement: fill(rule.replace) } : {}) };
      byWords.set(words, texts);
    }
    return texts;
  }
}

function toFinding(draft: Draft, positions: Positions, texts: RuleTexts, rule: RuleText, span: Span): Finding {
  const { from, to } = toOriginal(draft, span);
  return findingAt(draft, positions, texts, rule, from, to);
}

function findingAt(draft: Draft, positions: Positions, texts: RuleTexts, rule: RuleText, from: number, to: number): Finding {
  const start = positions.at(from);
  const end = positions.at(to);
  const words = draft.text.slice(from, to);
  const { message, suggestion, replacement } = texts.of(rule, words);
  const finding: Finding = {
    rule: rule.id,
    category: rule.category,
    level: rule.level,
    message,
    suggestion,
    line: start.line,
    col: start.col,
    endLine: end.line,
    endCol: end.col,
    offset: from,
    length: to - from,
    text: words,
  };
  if (replacement !== undefined) finding.replacement = replacement;
  return finding;
}

/** A suppression comment that names no rule, or a rule that does not exist, silences nothing: say so. */
function suppressionProblems(draft: Draft, ruleSet: RuleSet, lang: Lang): Finding[] {
  const known = ruleSet.rules.map((rule) => rule.id);
  const example = known[0] ?? 'rule-id';
  const positions = new Positions(draft);
  const texts = new RuleTexts(lang, { year: 2000, month: 1, day: 1 });
  const problem = (message: string): RuleText => ({
    id: IGNORE_RULE_ID,
    category: 'suppression',
    level: 'warning',
    message,
    suggestion: t(m.ignoreSuggestion, lang, { example }),
  });
  return draft.suppressions.flatMap((suppression) => {
    const at = (message: string): Finding =>
      findingAt(draft, positions, texts, problem(message), suppression.offset, suppression.offset + suppression.length);
    if (suppression.ids.length === 0) return [at(t(m.ignoreEmpty, lang))];
    return suppression.ids.filter((id) => !known.includes(id)).map((id) => at(t(m.ignoreUnknown, lang, { id, ids: known.join(', ') })));
  });
}
