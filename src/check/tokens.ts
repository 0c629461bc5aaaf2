import { fold } from './normalise.js';

/**
 * Words, numbers and punctuation of folded text (see normalise.ts), each with the span it came
 * from. Rules match tokens, not characters: a pattern can never match inside a word, and the
 * forms people write one way or another compare equal here, once:
 *
 * - English contractions are split and spelled out: "isn't" reads `is` `not`, "I'm" `i` `am`,
 *   "won't" `will` `not`, "we'll" `we` `will`, "it's" `it` `is|has`.
 * - French elisions are split and read as the full word: "n'a" reads `ne` `a`, "l'avez" `le|la`
 *   `avez`, "qu'il" `que` `il` (the token keeps its written form too).
 * - A hyphenated word is its parts, with the hyphen between them: "dites-moi" reads `dites` `-` `moi`.
 * - Runs of light punctuation (`, ; : ( ) " -` …) are one token; sentence ends (`. ! ?`, a blank
 *   line) are "stop" tokens; masked text (quoted lines) is a "barrier" no pattern crosses.
 *
 * One pass over the text, so linear in its length.
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'stop' | 'barrier';

export interface Token {
  kind: TokenKind;
  /** The folded text of the token as written ("n'", "10", ", "). */
  text: string;
  /** What a pattern word compares with: the written form, and the full forms it stands for. */
  forms: readonly string[];
  /** Offsets of the token in the folded text, `[from, to)`. */
  from: number;
  to: number;
  /** Whether white space comes right before the token. */
  spaced: boolean;
}

/** Characters of a word, once folded: letters and digits of any script, without accents. */
const LETTER_RE = /[\p{L}\p{N}]/u;
const SPACE_RE = /\s/;
/** ASCII first, by code: a draft is mostly ASCII once folded, and this runs on every character. */
const LETTER = {
  test(char: string): boolean {
    const code = char.charCodeAt(0);
    if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    return LETTER_RE.test(char);
  },
};
const DIGIT = {
  test(char: string): boolean {
    const code = char.charCodeAt(0);
    return code >= 48 && code <= 57;
  },
};
const SPACE = {
  test(char: string): boolean {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
    return SPACE_RE.test(char);
  },
};
/** Characters that may end a sentence. */
const STOPS = new Set(['.', '!', '?', '\u2026']);
/** Stands for masked text in the folded draft (see draft.ts). */
export const MASK = '\u0001';

/** English contractions: the clitic and what it stands for. */
const EN_CLITICS: Record<string, readonly string[]> = {
  "n't": ['not'],
  "'m": ['am'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'d": ['would', 'had'],
  "'s": ['is', 'has'],
};
/** The stem an English negative contraction leaves: "can't" is `can` `not`, "won't" `will` `not`. */
const EN_NEGATIVE_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

/** French elided words, and the words they stand for. */
const FR_ELISIONS: Record<string, readonly string[]> = {
  "l'": ['le', 'la'],
  "d'": ['de'],
  "j'": ['je'],
  "m'": ['me'],
  "t'": ['te'],
  "s'": ['se', 'si'],
  "n'": ['ne'],
  "c'": ['ce'],
  "qu'": ['que'],
  "jusqu'": ['jusque'],
  "lorsqu'": ['lorsque'],
  "puisqu'": ['puisque'],
  "quoiqu'": ['quoique'],
};
/** Words with an apostrophe inside that are one word. */
const WHOLE_WORDS = new Set(["aujourd'hui", "quelqu'un", "quelqu'une", "presqu'ile", "prud'homme", "prud'hommes", "o'clock"]);
/** Words after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'mme', 'mlle', 'mm', 'vs', 'cf', 'approx', 'ref', 'tel', 'nb']);

export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaced = true;
  const push = (kind: TokenKind, from: number, to: number, forms?: readonly string[]): void => {
    const text = folded.slice(from, to);
    tokens.push({ kind, text, forms: forms ?? [text], from, to, spaced });
    spaced = false;
  };
  while (i < folded.length) {
    const char = folded[i] as string;
    if (char === MASK) {
      const from = i;
      while (i < folded.length && folded[i] === MASK) i++;
      if (tokens[tokens.length - 1]?.kind !== 'barrier') push('barrier', from, i);
      spaced = true;
      continue;
    }
    if (char === '\n' || char === '\r') {
      // A blank line ends a sentence, whatever punctuation there is (a greeting, a list item).
      const from = i;
      let lines = 0;
      while (i < folded.length && SPACE.test(folded[i] as string)) {
        if (folded[i] === '\n' || (folded[i] === '\r' && folded[i + 1] !== '\n')) lines++;
        i++;
      }
      // Even after a full stop: an empty stop token marks the paragraph (draft.ts numbers them).
      if (lines >= 2 && tokens.length > 0 && tokens[tokens.length - 1]?.kind !== 'barrier') push('stop', from, from);
      spaced = true;
      continue;
    }
    if (SPACE.test(char)) {
      i++;
      spaced = true;
      continue;
    }
    if (DIGIT.test(char)) {
      const from = i;
      while (i < folded.length && DIGIT.test(folded[i] as string)) i++;
      push('number', from, i);
      continue;
    }
    if (LETTER.test(char)) {
      i = word(folded, i, push);
      continue;
    }
    if (STOPS.has(char)) {
      const from = i;
      while (i < folded.length && STOPS.has(folded[i] as string)) i++;
      const text = folded.slice(from, i);
      const previous = tokens[tokens.length - 1];
      const next = folded[i];
      // "Mr. Dupont", "e.g. this", "3.5", "www.site.com": a full stop inside, not at the end.
      const inside =
        text === '.' &&
        previous !== undefined &&
        !spaced &&
        (previous.kind === 'word' || previous.kind === 'number') &&
        (ABBREVIATIONS.has(previous.text) ||
          (previous.text.length === 1 && previous.kind === 'word' && previous.text !== 'i') ||
          (next !== undefined && (LETTER.test(next) || DIGIT.test(next))));
      if (inside) push('punct', from, i);
      else push('stop', from, i);
      continue;
    }
    // A clitic written alone ("'ve", "'ll" in a rule's pattern): the word it stands for.
    if (char === "'") {
      const clitic = /^'(m|re|ve|ll|d|s)(?![\p{L}\p{N}])/u.exec(folded.slice(i, i + 4));
      if (clitic) {
        push('word', i, i + clitic[0].length, [clitic[0], ...(EN_CLITICS[clitic[0]] ?? [])]);
        i += clitic[0].length;
        continue;
      }
    }
    // Light punctuation: one token for a run of it.
    const from = i;
    while (i < folded.length) {
      const c = folded[i] as string;
      if (c === MASK || SPACE.test(c) || LETTER.test(c) || DIGIT.test(c) || STOPS.has(c)) break;
      i++;
    }
    push('punct', from, i);
  }
  return tokens;
}

/**
 * A word from `start`: letters, with apostrophes and hyphens inside. Pushes its tokens and returns
 * where it ends.
 */
function word(text: string, start: number, push: (kind: TokenKind, from: number, to: number, forms?: readonly string[]) => void): number {
  let end = start;
  while (end < text.length) {
    const c = text[end] as string;
    if (LETTER.test(c)) {
      end++;
      continue;
    }
    // An apostrophe or a hyphen between two letters stays inside the word.
    if ((c === "'" || c === '-') && LETTER.test(text[end + 1] ?? '')) {
      end++;
      continue;
    }
    break;
  }
  // A trailing apostrophe: French elision before a space ("jusqu' à"), or an English possessive.
  if (text[end] === "'" && end > start) end++;
  const whole = text.slice(start, end);
  if (WHOLE_WORDS.has(whole)) {
    push('word', start, end);
    return end;
  }
  // Split on hyphens first, then each part on its apostrophes.
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '-') {
      if (i > partStart) apostrophes(text, partStart, i, push);
      if (i < end) push('punct', i, i + 1);
      partStart = i + 1;
    }
  }
  return end;
}

function apostrophes(text: string, start: number, end: number, push: (kind: TokenKind, from: number, to: number, forms?: readonly string[]) => void): void {
  const part = text.slice(start, end);
  if (!part.includes("'") || WHOLE_WORDS.has(part)) {
    push(/^[0-9]+$/.test(part) ? 'number' : 'word', start, end);
    return;
  }
  // French elisions at the front: "qu'il", "l'", "n'y", "jusqu'au".
  let at = start;
  for (;;) {
    const apostrophe = text.indexOf("'", at);
    if (apostrophe < 0 || apostrophe >= end) break;
    const elided = text.slice(at, apostrophe + 1);
    let forms = FR_ELISIONS[elided];
    if (!forms) break;
    // "s'" is "si" only before "il(s)" ("s'il"); elsewhere it is "se" ("s'en excuser", "s'est").
    if (elided === "s'") forms = /^ils?\b/.test(text.slice(apostrophe + 1, end)) ? ['si'] : ['se'];
    push('word', at, apostrophe + 1, [elided, ...forms]);
    at = apostrophe + 1;
  }
  if (at >= end) return;
  const rest = text.slice(at, end);
  // English clitics at the end: "isn't", "we'll", "client's", "they'd".
  const negative = /n't$/.exec(rest);
  if (negative && rest.length > 3) {
    const stem = rest.slice(0, -3);
    const full = EN_NEGATIVE_STEMS[stem];
    push('word', at, end - 3, full ? [stem, full] : [stem]);
    push('word', end - 3, end, ["n't", 'not']);
    return;
  }
  const clitic = /'(m|re|ve|ll|d|s)$/.exec(rest);
  if (clitic && rest.length > clitic[0].length) {
    const cut = end - clitic[0].length;
    push('word', at, cut);
    push('word', cut, end, [clitic[0], ...(EN_CLITICS[clitic[0]] ?? [])]);
    return;
  }
  // A trailing apostrophe (a plural possessive, an elision before a space): part of the word.
  push('word', at, end, rest.endsWith("'") ? [rest, rest.slice(0, -1)] : [rest]);
}

/** The tokens of a phrase written in a rule (already folded or not), as they would be in a draft. */
export function tokenizePhrase(text: string): Token[] {
  return tokenize(fold(text));
}
