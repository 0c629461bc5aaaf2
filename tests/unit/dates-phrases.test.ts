import { describe, expect, it } from 'vitest';
import { toIso } from '../../src/dates/calendar.js';
import { readDate } from '../../src/dates/read.js';
import { ENGLISH, FRENCH, type Phrase } from '../support/date-phrases.js';

/**
 * The phrase table (tests/support/date-phrases.ts) read by calmclient's date reader: every phrase
 * to the date the table expects, every refusal for its reason. scripts/compare-date-parsers.mjs
 * runs the same table through chrono-node and the reader of before.
 */

function read(phrase: Phrase): string {
  const reading = readDate(phrase.text, { now: phrase.now, lang: phrase.lang, order: phrase.order ?? 'dmy', want: phrase.want ?? 'any', future: true });
  return reading.ok ? toIso(reading.understood.date) : `refused: ${reading.problem}`;
}

const expected = (phrase: Phrase): string => (typeof phrase.expect === 'string' ? phrase.expect : `refused: ${phrase.expect.refuse}`);
const label = (phrase: Phrase): string =>
  `${JSON.stringify(phrase.text)} at ${toIso({ year: phrase.now.getFullYear(), month: phrase.now.getMonth() + 1, day: phrase.now.getDate(), hour: phrase.now.getHours(), minute: 0 })}${phrase.want ? `, ${phrase.want}` : ''}${phrase.order === 'mdy' ? ', en_US' : ''}`;

describe('dates as French speakers type them', () => {
  it('has at least 60 phrases', () => expect(FRENCH.length).toBeGreaterThanOrEqual(60));
  it.each(FRENCH.map((phrase) => [label(phrase), phrase] as const))('%s', (_, phrase) => {
    expect(read(phrase)).toBe(expected(phrase));
  });
});

describe('dates as English speakers type them', () => {
  it('has at least 60 phrases', () => expect(ENGLISH.length).toBeGreaterThanOrEqual(60));
  it.each(ENGLISH.map((phrase) => [label(phrase), phrase] as const))('%s', (_, phrase) => {
    expect(read(phrase)).toBe(expected(phrase));
  });
});
