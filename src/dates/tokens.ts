/**
 * Cuts text into the tokens the date grammar reads: words, numbers and single punctuation marks,
 * each with its place in the text (UTF-16 offsets, as `String.prototype.slice` counts them).
 * Pure and linear in the length of the text.
 */

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** The characters as written. */
  readonly text: string;
  /**
   * What the grammar compares: a word in lower case without accents (`Décembre` → `decembre`),
   * a number's digits, a punctuation mark with typographic variants folded (`’` → `'`, `–` → `-`).
   */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** Whether white space separates this token from the one before: `12/11` is not `12 / 11`. */
  readonly spaced: boolean;
  /** A number's value. */
  readonly value: number;
  /** A number written with an ordinal ending: `1er`, `2e`, `3ème`, `3rd`, `15th`. */
  readonly ordinal: boolean;
}

const ORDINAL_ENDINGS = new Set(['er', 're', 'ere', 'e', 'eme', 'em', 'st', 'nd', 'rd', 'th']);

/** Lower case, accents and ligatures folded: what a hurried typist may leave out. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

const PUNCT_FOLD: Readonly<Record<string, string>> = {
  '’': "'",
  'ʼ': "'",
  '‘': "'",
  '`': "'",
  '´': "'",
  '–': '-',
  '—': '-',
  '‑': '-',
  '‐': '-',
  '−': '-',
  '：': ':',
};

// Letters (with the combining marks of decomposed accents), digits, or any other visible character.
const TOKEN = /(\p{L}[\p{L}\p{M}]*)|(\p{Nd}+)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const raw = match[0];
    const spaced = tokens.length === 0 ? start > 0 : start > previousEnd;
    previousEnd = start + raw.length;
    if (match[1] !== undefined) {
      const norm = fold(raw);
      const last = tokens[tokens.length - 1];
      // `1er`, `3rd`: a number directly followed by an ordinal ending is one ordinal number.
      if (last?.kind === 'number' && !last.ordinal && last.end === start && ORDINAL_ENDINGS.has(norm)) {
        tokens[tokens.length - 1] = { ...last, text: last.text + raw, end: previousEnd, ordinal: true };
        continue;
      }
      tokens.push({ kind: 'word', text: raw, norm, start, end: previousEnd, spaced, value: Number.NaN, ordinal: false });
    } else if (match[2] !== undefined) {
      // Digits of other scripts (Arabic-Indic, full width) are no date calmclient reads.
      const ascii = /^[0-9]+$/.test(raw);
      tokens.push({
        kind: ascii ? 'number' : 'punct',
        text: raw,
        norm: raw,
        start,
        end: previousEnd,
        spaced,
        value: ascii && raw.length <= 9 ? Number(raw) : Number.NaN,
        ordinal: false,
      });
    } else {
      tokens.push({ kind: 'punct', text: raw, norm: PUNCT_FOLD[raw] ?? raw, start, end: previousEnd, spaced, value: Number.NaN, ordinal: false });
    }
  }
  return tokens;
}
