import { foldWithMap, originalSpan, type FoldedText } from './normalise.js';
import { MASK, tokenize, type Token } from './tokens.js';

/**
 * A draft made ready for the rules: folded and cut into tokens, with the parts no rule should read
 * masked out (quoted lines, which are the client's own words, and suppression comments), the
 * sentences numbered, and the subject line located (it is not the place for acknowledging a
 * feeling).
 */

/** A span of the draft's tokens, `[from, to)`; empty (`from === to`) for the draft as a whole. */
export interface Span {
  from: number;
  to: number;
}

/**
 * `<!-- calmclient-ignore: rule-id, other-id -->` on a line of its own silences those rules in the
 * whole draft. The colon is optional; ids are separated by commas or spaces.
 */
export const IGNORE_COMMENT = /^[ \t]*<!--[ \t]*calmclient-ignore\b:?(.*?)-->[ \t]*$/i;
const QUOTED_LINE = /^[ \t]*>/;
const SUBJECT_LINE = /^[ \t]*(subject|objet)[ \t\u00a0\u202f]*:/i;

export interface Suppression {
  ids: string[];
  /** UTF-16 offsets of the comment in the draft. */
  offset: number;
  length: number;
}

export interface Draft {
  text: string;
  /**
   * The text as the rules read it, offsets unchanged: quoted lines and suppression comments are
   * blanked out with spaces (the date finder, src/dates/mentions.ts, reads this).
   */
  shown: string;
  folded: FoldedText;
  tokens: Token[];
  /** `sentence[i]`: the number of the sentence token `i` is in. */
  sentence: Int32Array;
  /** `paragraph[i]`: the number of the paragraph (lines between blank lines) token `i` is in. */
  paragraph: Int32Array;
  /** `clause[i]`: the number of the clause token `i` is in (a sentence cut at `;` and `:`). */
  clause: Int32Array;
  suppressions: Suppression[];
  /** UTF-16 offset of the start of each line. */
  lineStarts: number[];
  /** Original offsets of the subject line, when the draft has one. */
  subject?: { from: number; to: number };
}

export function prepareDraft(text: string): Draft {
  const lines = splitLines(text);
  const suppressions: Suppression[] = [];
  const parts: string[] = [];
  const shown: string[] = [];
  let subject: Draft['subject'];
  let seenContent = false;
  for (const { start, end, next } of lines) {
    const line = text.slice(start, end);
    const ignore = IGNORE_COMMENT.exec(line);
    if (ignore) {
      const ids = (ignore[1] ?? '').split(/[\s,]+/).filter((id) => id !== '');
      suppressions.push({ ids, offset: start, length: end - start });
    }
    const hidden = ignore !== null || QUOTED_LINE.test(line);
    parts.push(hidden ? MASK.repeat(line.length) : line, text.slice(end, next));
    shown.push(hidden ? ' '.repeat(line.length) : line, text.slice(end, next));
    if (!hidden && !seenContent && line.trim() !== '') {
      seenContent = true;
      if (SUBJECT_LINE.test(line)) subject = { from: start, to: end };
    }
  }
  const folded = foldWithMap(parts.join(''));
  const tokens = tokenize(folded.value);
  const sentence = new Int32Array(tokens.length);
  const paragraph = new Int32Array(tokens.length);
  const clause = new Int32Array(tokens.length);
  let number = 0;
  let paragraphs = 0;
  let clauses = 0;
  tokens.forEach((token, i) => {
    sentence[i] = number;
    paragraph[i] = paragraphs;
    if (token.kind === 'stop' || token.kind === 'barrier' || (token.kind === 'punct' && /[;:]/.test(token.text))) clauses++;
    clause[i] = clauses;
    if (token.kind === 'stop' || token.kind === 'barrier') number++;
    // A blank line is a stop token of no text (tokens.ts).
    if ((token.kind === 'stop' && token.from === token.to) || token.kind === 'barrier') paragraphs++;
  });
  // The subject line is a sentence of its own, even without a full stop.
  if (subject) {
    const end = subject.to;
    let bump = false;
    tokens.forEach((token, i) => {
      if (!bump && (folded.start[token.from] ?? 0) >= end) bump = true;
      if (bump) sentence[i] = (sentence[i] as number) + 1;
    });
  }
  const draft: Draft = { text, shown: shown.join(''), folded, tokens, sentence, paragraph, clause, suppressions, lineStarts: lines.map((line) => line.start) };
  if (subject) draft.subject = subject;
  return draft;
}

interface LineRange {
  start: number;
  end: number;
  /** Where the next line starts (after the line break). */
  next: number;
}

function splitLines(text: string): LineRange[] {
  const lines: LineRange[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    lines.push({ start, end: found.index, next: found.index + found[0].length });
    start = found.index + found[0].length;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

export function inSubject(draft: Draft, span: Span): boolean {
  if (!draft.subject) return false;
  const token = draft.tokens[span.from];
  const offset = token ? (draft.folded.start[token.from] ?? -1) : -1;
  return offset >= draft.subject.from && offset < draft.subject.to;
}

/** The first word of the draft, for findings about the draft as a whole. */
export function firstWords(draft: Draft): number {
  const index = draft.tokens.findIndex((token) => token.kind !== 'barrier' && token.kind !== 'stop');
  return index < 0 ? 0 : index;
}

/** 1-based line and column (in characters, not UTF-16 units) of an original offset. */
export function positionOf(draft: Draft, offset: number): { line: number; col: number } {
  let low = 0;
  let high = draft.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((draft.lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const lineStart = draft.lineStarts[low] ?? 0;
  return { line: low + 1, col: countChars(draft.text, lineStart, offset) + 1 };
}

/** Characters (code points) of `text` in `[from, to)`, without copying it. */
function countChars(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair is not a character of its own.
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

/** The original offsets of a span of tokens; a whole-draft span is empty, at its token's start. */
export function toOriginal(draft: Draft, span: Span): { from: number; to: number } {
  const first = draft.tokens[span.from];
  if (!first) return { from: 0, to: 0 };
  if (span.to <= span.from) {
    const at = originalSpan(draft.folded, first.from, first.from).from;
    return { from: at, to: at };
  }
  const last = draft.tokens[span.to - 1] ?? first;
  return originalSpan(draft.folded, first.from, last.to);
}
