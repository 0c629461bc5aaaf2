import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/dates/calendar.js';

/** What formatDate wrote before it spelt the names out itself: Intl, commas dropped. */
function intlDate(year: number, month: number, day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(year, month - 1, day)))
    .map((part) => (part.type === 'literal' ? part.value.replace(',', '') : part.value))
    .join('');
}

describe('formatDate', () => {
  it('writes every day of 2025 to 2028 as Intl does for en-GB and fr-FR', () => {
    for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2029, 0, 1); time += 86_400_000) {
      const day = new Date(time);
      const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
      expect(formatDate(date, 'en')).toBe(intlDate(date.year, date.month, date.day, 'en-GB'));
      expect(formatDate(date, 'fr')).toBe(intlDate(date.year, date.month, date.day, 'fr-FR'));
    }
  });

  it('adds the time of day in each language', () => {
    expect(formatDate({ year: 2026, month: 11, day: 24, hour: 9, minute: 5 }, 'en')).toBe('Tuesday 24 November 2026 at 09:05');
    expect(formatDate({ year: 2026, month: 11, day: 24, hour: 14, minute: 30 }, 'fr')).toBe('mardi 24 novembre 2026 à 14\u00a0h\u00a030');
  });
});
