import { ENGLISH, FRENCH, type Phrase } from './date-phrases.js';
import { describeOutcome, passes, PARSERS } from './date-parsers.js';

/** What scripts/compare-date-parsers.mjs prints: each parser's score on the phrase table, per language. */
export interface Score {
  parser: string;
  french: number;
  english: number;
  failures: { phrase: Phrase; got: string }[];
}

export function compare(): { sizes: { french: number; english: number }; scores: Score[] } {
  const scores = PARSERS.map((parser) => {
    const failures: Score['failures'] = [];
    const count = (phrases: readonly Phrase[]) =>
      phrases.filter((phrase) => {
        const outcome = parser.read(phrase);
        const ok = passes(phrase, outcome);
        if (!ok) failures.push({ phrase, got: describeOutcome(outcome) });
        return ok;
      }).length;
    return { parser: parser.name, french: count(FRENCH), english: count(ENGLISH), failures };
  });
  return { sizes: { french: FRENCH.length, english: ENGLISH.length }, scores };
}
