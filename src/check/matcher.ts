import { wholeWords, type CompiledPattern } from './pattern.js';

/**
 * The compiled patterns of one list, run as one regular expression of their alternatives. Only
 * the patterns whose anchors the text holds go into it: V8 compiles a regular expression on its
 * first use, in time that grows with its size, and the whole list of a rule runs to kilobytes,
 * while a draft holds the words of very few of its patterns. `calmclient start` feels it, since
 * it checks the draft it has just written. A pattern left out could not have matched, so the
 * findings are the same.
 */
export class Matcher {
  constructor(readonly patterns: readonly CompiledPattern[]) {}

  /** The regular expression (flag `g`) of the patterns that may match `text`; undefined when none may. */
  regexFor(text: string): RegExp | undefined {
    const possible = this.patterns.filter(({ anchors }) => anchors.every((words) => words.some((word) => text.includes(word))));
    if (possible.length === 0) return undefined;
    return regexOf(possible.map((pattern) => pattern.regex));
  }
}

const compiledRegexes = new Map<string, RegExp>();

/** The same alternatives give the same expression, compiled once by V8 however many lists share it. */
function regexOf(alternatives: readonly string[]): RegExp {
  const key = alternatives.join('\u0000');
  let regex = compiledRegexes.get(key);
  if (!regex) {
    regex = wholeWords(alternatives.map((alternative) => `(?:${alternative})`));
    compiledRegexes.set(key, regex);
  }
  return regex;
}
