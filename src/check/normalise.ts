/**
 * Rules compare text after folding away what a writer does not choose on purpose: case, accents,
 * the shape of apostrophes, quotes and dashes, non-breaking spaces. The folded text keeps a map
 * back to the original, so a finding can underline the words exactly as they were written.
 */

const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02BC', '`', '\u00B4', '\u2032']);
const QUOTES = new Set(['\u00AB', '\u00BB', '\u201C', '\u201D', '\u201E', '\u201F']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const SPACES = new Set(['\u00A0', '\u202F', '\u2007', '\u2008', '\u2009', '\u200A', '\u2002', '\u2003']);
const LIGATURES: Record<string, string> = { 'œ': 'oe', 'Œ': 'oe', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss', '…': '...' };

/** How one character of written text is compared. */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  if (APOSTROPHES.has(char)) return "'";
  if (QUOTES.has(char)) return '"';
  if (DASHES.has(char)) return '-';
  if (SPACES.has(char)) return ' ';
  const ligature = LIGATURES[char];
  if (ligature !== undefined) return ligature;
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function fold(text: string): string {
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}

/** Folded text, with where each of its characters came from in the original. */
export interface FoldedText {
  /** The folded text that patterns run on. */
  value: string;
  /** `start[i]`: UTF-16 offset in the original of the character that folded into `value[i]`. */
  start: ArrayLike<number>;
  /** `end[i]`: the offset just after that original character. */
  end: ArrayLike<number>;
}

export function foldWithMap(text: string): FoldedText {
  // Most drafts are mostly ASCII: those characters fold by a table, without building strings.
  const parts: string[] = [];
  let start: Int32Array<ArrayBuffer> = new Int32Array(text.length + 16);
  let end: Int32Array<ArrayBuffer> = new Int32Array(text.length + 16);
  let length = 0;
  const room = (more: number): void => {
    if (length + more <= start.length) return;
    const bigger = (size: number): number => Math.max(size * 2, length + more);
    const grow = (array: Int32Array): Int32Array<ArrayBuffer> => {
      const next = new Int32Array(bigger(array.length));
      next.set(array);
      return next;
    };
    start = grow(start);
    end = grow(end);
  };
  let run = 0;
  for (let offset = 0; offset < text.length; ) {
    const code = text.charCodeAt(offset);
    if (code < 0x80) {
      room(1);
      start[length] = offset;
      end[length] = offset + 1;
      length++;
      offset++;
      continue;
    }
    if (run < offset) parts.push(text.slice(run, offset).toLowerCase());
    const char = String.fromCodePoint(text.codePointAt(offset) as number);
    const folded = foldChar(char);
    room(folded.length);
    for (let i = 0; i < folded.length; i++) {
      start[length] = offset;
      end[length] = offset + char.length;
      length++;
    }
    parts.push(folded);
    offset += char.length;
    run = offset;
  }
  if (run < text.length) parts.push(text.slice(run).toLowerCase());
  return { value: parts.join(''), start: start.subarray(0, length), end: end.subarray(0, length) };
}

/** The original span `[from, to)` of the folded span `[from, to)`. */
export function originalSpan(folded: FoldedText, from: number, to: number): { from: number; to: number } {
  const first = folded.start[from] ?? folded.start[folded.start.length - 1] ?? 0;
  const last = to > from ? (folded.end[to - 1] ?? first) : first;
  return { from: first, to: last };
}
