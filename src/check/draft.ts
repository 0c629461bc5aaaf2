import { foldWithMap, originalSpan, type FoldedText } from './normalise.js';

/**
 * A draft made ready for the rules: folded for matching, with the parts no rule should read
 * masked out (quoted lines, which are the client's own words, and suppression comments), and
 * the subject line located (it is not the place for acknowledging a feeling).
 */

/** A span of the folded text, `[from, to)`. */
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
/** Stands for masked text: neither a letter nor a space, so no pattern can match across it. */
const MASK = '\u0001';

export interface Suppression {
  ids: string[];
  /** UTF-16 offsets of the comment in the draft. */
  offset: number;
  length: number;
}

export interface Draft {
  text: string;
  folded: FoldedText;
  suppressions: Suppression[];
  /** UTF-16 offset of the start of each line. */
  lineStarts: number[];
  /** Original offsets of the subject line, when the draft has one. */
  subject?: { from: number; to: number };
}

export function prepareDraft(text: string): Draft {
  const lines = splitLines(text);
  const suppressions: Suppression[] = [];
  let masked = '';
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
    masked += (hidden ? MASK.repeat(line.length) : line) + text.slice(end, next);
    if (!hidden && !seenContent && line.trim() !== '') {
      seenContent = true;
      if (SUBJECT_LINE.test(line)) subject = { from: start, to: end };
    }
  }
  const draft: Draft = { text, folded: foldWithMap(masked), suppressions, lineStarts: lines.map((line) => line.start) };
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

/** Every match of `regex` (flag `g`) in the folded draft, empty matches left out. */
export function spansOf(regex: RegExp, draft: Draft): Span[] {
  const spans: Span[] = [];
  for (const match of draft.folded.value.matchAll(regex)) {
    if (match[0].length > 0) spans.push({ from: match.index, to: match.index + match[0].length });
  }
  return spans;
}

export function inSubject(draft: Draft, span: Span): boolean {
  if (!draft.subject) return false;
  const offset = draft.folded.start[span.from] ?? -1;
  return offset >= draft.subject.from && offset < draft.subject.to;
}

/** Where the first words of the draft start (folded), for findings about the draft as a whole. */
export function firstWords(draft: Draft): number {
  const index = draft.folded.value.search(/[^\s\u0001]/u);
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
  return { line: low + 1, col: [...draft.text.slice(lineStart, offset)].length + 1 };
}

/** The original offsets of a folded span. */
export function toOriginal(draft: Draft, span: Span): { from: number; to: number } {
  if (draft.folded.value.length === 0) return { from: 0, to: 0 };
  return originalSpan(draft.folded, span.from, span.to);
}
