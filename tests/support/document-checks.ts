import type { Lang } from '../../src/types.js';

/**
 * What a reader of calmclient's documents would hold against them, as functions that return the
 * problems they find (an empty list when the document reads well). The shipped-documents test runs
 * them on every branch combination; the examples test on the documents of docs/examples/.
 */

/** What a reader would see as a slip: each pattern names the defect it catches. */
const DEFECTS: [string, RegExp | ((text: string) => boolean)][] = [
  ['template syntax', /\{\{|\}\}/],
  ['undefined or null', /\b(undefined|null|NaN|\[object Object\])\b/],
  ['empty bullet', /^\s*[-*] *$/m],
  ['heading with nothing under it', hasEmptySection],
  ['doubled full stop', /[^.]\.\.(?!\.)/],
  ['colon with nothing after it', /:\s*\n\s*\n\s*(#|$(?![\s\S]))/],
  ['space before a comma or a stop', /[ \u00a0\u202f][,.](?!\.)/],
  ['stop after a question or exclamation mark', /[?!]\./],
  ['empty quotation', /«[\s\u00a0]*»|“\s*”/],
];

/** A heading followed, past blank lines, by a heading of the same or a higher level, or by the end. */
function hasEmptySection(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const level = (line: string | undefined) => /^(#{1,6}) /.exec(line ?? '')?.[1]?.length ?? 0;
  return lines.some((line, i) => {
    const own = level(line);
    if (own === 0) return false;
    const next = lines[i + 1];
    return next === undefined || (level(next) > 0 && level(next) <= own);
  });
}

export function defectsOf(contents: string): string[] {
  return DEFECTS.filter(([, test]) => (typeof test === 'function' ? test(contents) : test.test(contents))).map(([name]) => name);
}

/** The sentences of a document: split at the end of a sentence and at every line break, markdown marks dropped. */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:#{1,6}|[-*>]|\d+\.)\s+/, ''))
    .flatMap((line) => line.split(/(?<=[.!?…])["”»\u00a0\u202f\s]*\s+(?=\S)/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

const words = (sentence: string): string[] => sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];

/**
 * Two sentences of one document that share a run of `length` words: the same thing said twice
 * ("I will have it done by Friday 11 December 2026" then "…with everything done by Friday 11
 * December 2026?"). Returns each such run with the two sentences.
 */
export function repeatedRuns(text: string, length = 6): string[] {
  const seen = new Map<string, number>();
  const found: string[] = [];
  const list = sentences(text);
  list.forEach((sentence, index) => {
    const tokens = words(sentence);
    const own = new Set<string>();
    for (let i = 0; i + length <= tokens.length; i++) own.add(tokens.slice(i, i + length).join(' '));
    for (const run of own) {
      const earlier = seen.get(run);
      if (earlier !== undefined && earlier !== index) found.push(`"${run}" in "${list[earlier]}" and in "${sentence}"`);
      else seen.set(run, index);
    }
  });
  return found;
}

/**
 * French typography: a no-break space (U+00A0 or U+202F) before `: ; ! ? »`, after `«`, between a
 * number and `%`; times as "10 h" or "10 h 30", never "10:30"; "e-mail", never "mail" or "email".
 * English: "10%", not "10 %", and "email", never "e-mail".
 */
export function typographyProblems(text: string, lang: Lang): string[] {
  const problems: string[] = [];
  const check = (name: string, pattern: RegExp): void => {
    const match = pattern.exec(text);
    if (match) problems.push(`${name}: "${text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 10)}"`);
  };
  if (lang === 'fr') {
    check('breakable space before a high mark', /[^\S\u00a0\u202f][:;!?»]/);
    check('no space before a high mark', /[\p{L}\p{N})»*][;!?»](?=\s|$)|[\p{L}\p{N})»*]:(?=\s|$)/mu);
    check('breakable space after «', /«[^\u00a0\u202f]/);
    check('number and % apart or breakable', /\d(?:%|[ \t]%)/);
    check('time written with a colon', /\b\d{1,2}:\d{2}\b/);
    check('"mail" for e-mail', /(?<![-\p{L}])(?:mail|mails|email|emails)(?![-\p{L}])/iu);
  } else {
    check('space before %', /\d[\s\u00a0\u202f]+%/);
    check('"e-mail" for email', /\be-mails?\b/i);
  }
  return problems;
}

/**
 * A French text in the wrong register: in the `tu` form, no `vous`, `votre`, `vos`; in the `vous`
 * form, no `tu`, `ton`, `ta`, `tes`, `te`, `t'`, `toi`. The client's own words, quoted (« … » or a
 * `>` line), are theirs and are left out.
 */
export function registerProblems(text: string, register: 'tu' | 'vous'): string[] {
  const own = text
    .replace(/«[^»]*»/g, '')
    .split('\n')
    .filter((line) => !/^\s*>/.test(line))
    .join('\n');
  const wrong = register === 'tu' ? /(?<![\p{L}-])(?:vous|votre|vos)(?![\p{L}])/iu : /(?<![\p{L}-])(?:tu|ton|ta|tes|te|toi|t['’])(?![\p{L}])/iu;
  const match = wrong.exec(own);
  return match ? [`"${match[0]}" in the ${register} form: "${own.slice(Math.max(0, match.index - 30), match.index + 30)}"`] : [];
}
