import { frenchSpacing } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';

/**
 * The typography of a document, templates and answers alike, once rendered. French gets the
 * no-break spaces the message catalogues get from `frenchSpacing` (U+00A0 before `:` and inside
 * « », U+202F before `; ! ?`, between a number and `%`), also where an answer was typed without
 * any space ("Pourquoi?", "10%", "«oui»"), and times written the French way ("9h30" → "9 h 30").
 * English numbers keep their percent sign ("10 %" → "10%"). Straight double quotes typed around
 * a few words become « » in French, “ ” in English.
 *
 * Only what cannot be something else is touched: a colon or question mark followed by a letter
 * or a slash (a link, `?q=`, `https://`) and a time like `10:30:15` stay as they are.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** What may stand right before a French high punctuation mark: a letter, a digit, a closing mark. */
const BEFORE = String.raw`[\p{L}\p{N})\]»"'’*_]`;
/** What may follow it: the end of a word. */
const AFTER = String.raw`(?=[\s)\]"'’*_»]|$)`;

const FRENCH_RULES: readonly [RegExp, string][] = [
  // Marks typed with no space at all before them.
  [new RegExp(`(${BEFORE})([;!?]+)${AFTER}`, 'gmu'), `$1${NNBSP}$2`],
  [new RegExp(`(${BEFORE}):${AFTER}`, 'gmu'), `$1${NBSP}:`],
  // A no-break space typed where a thin one belongs, or the other way round.
  [/\u00a0([;!?])/g, `${NNBSP}$1`],
  [/\u202f:/g, `${NBSP}:`],
  [/(\d)%/g, `$1${NBSP}%`],
  [/«[ \t]*(?=\S)/g, `«${NBSP}`],
  [/(?<=\S)[ \t]*»/g, `${NBSP}»`],
  // Times typed the French way but without their spaces: 9h, 9h30, 9 h30.
  [/\b([01]?\d|2[0-3]) ?h ?([0-5]\d)\b/g, `$1${NBSP}h${NBSP}$2`],
  [/\b([01]?\d|2[0-3]) ?h\b(?!\p{L})/gu, `$1${NBSP}h`],
];

/** `9:30` and `17:00`, as a French reader writes them: `9 h 30`, `17 h`. */
function frenchTimes(text: string): string {
  return text.replace(/(?<![\d:.,/])\b([01]?\d|2[0-3]):([0-5]\d)\b(?![:\d])/g, (_, hour: string, minute: string) =>
    minute === '00' ? `${Number(hour)}${NBSP}h` : `${Number(hour)}${NBSP}h${NBSP}${minute}`,
  );
}

/** Straight double quotes around a few words, as typed, become the language's own. */
const QUOTED = /(^|[\s(\[])"([^"\n]{1,200}?)"(?=[\s.,;:!?)\]]|$)/gmu;

export function frenchTypography(text: string): string {
  let result = frenchSpacing(text.replace(QUOTED, '$1« $2 »'));
  for (const [pattern, replacement] of FRENCH_RULES) result = result.replace(pattern, replacement);
  return frenchTimes(result);
}

export function englishTypography(text: string): string {
  return text.replace(QUOTED, '$1“$2”').replace(/(\d)[ \u00a0\u202f]+%/g, '$1%');
}

const TYPOGRAPHY: Record<Lang, (text: string) => string> = { en: englishTypography, fr: frenchTypography };

export function typography(text: string, lang: Lang): string {
  return TYPOGRAPHY[lang](text);
}

/**
 * A text answer as list items, in the user's own words: one item per non-empty line, a bullet or
 * number the user typed taken off (the template sets its own), the first letter made a capital
 * (unless the first word already mixes cases, as "iPhone" does) and the end made a full stop
 * (unless it ends a question, an exclamation, an ellipsis or a quotation already; a trailing
 * comma or semicolon becomes the stop).
 */
export function listItems(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[-*+•·–—]|\(?\d{1,3}[.)]|\(?[a-z][.)](?=\s))\s+/u, '').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line))
    .map((line) => endSentence(capitalise(line)));
}

function capitalise(line: string): string {
  return line.replace(/^([«"“'‘(\s]*)(\p{Ll})(\S*)/u, (whole, open: string, first: string, rest: string) =>
    /\p{Lu}/u.test(rest) ? whole : `${open}${first.toUpperCase()}${rest}`,
  );
}

function endSentence(line: string): string {
  const trimmed = line.replace(/[\s,;:]+$/u, '');
  if (/[.!?…]["'’”»)\]\s\u00a0\u202f]*$/u.test(trimmed)) return trimmed;
  return `${trimmed}.`;
}

/**
 * Words that start a noun phrase, whose capital a user typed only because the answer stood alone:
 * "A read-only preview link" reads "a read-only preview link" once it continues a sentence.
 */
const PHRASE_STARTS: Record<Lang, RegExp> = {
  en: /^(?:A|An|The|One|Two|Three|Some|Our|My|Your|This|That|These|Those|Every|Each|No|Free|Full)(?=\s)/u,
  fr: /^(?:Un|Une|Le|La|Les|Des|Du|De|Mon|Ma|Mes|Votre|Vos|Ton|Ta|Tes|Notre|Nos|Ce|Cet|Cette|Ces|Chaque|Deux|Trois|Aucun|Aucune|Toute|Tout)(?=\s)|^(?:L|D)['’](?=\p{L})/u,
};

/**
 * A one-line answer made to continue a sentence the template started ("…so that you can keep
 * working: a read-only preview link."): its lines joined, its end stop taken off (the template
 * sets its own; a question or exclamation mark stays), and the capital of a leading article or
 * determiner lowered. Any other capital stays: it may be a name.
 */
export function inlineText(text: string, lang: Lang): string {
  const line = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ')
    .replace(/[\s.;,:]+$/u, '');
  return line.replace(PHRASE_STARTS[lang], (word) => word.toLowerCase());
}
