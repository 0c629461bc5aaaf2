import { afterAll, describe, expect, it } from 'vitest';
import { momentOf, todayOf, toIso } from '../../src/dates/calendar.js';
import { findDateMentions } from '../../src/dates/mentions.js';
import { readDate } from '../../src/dates/read.js';
import { dueState } from '../../src/engine/due.js';
import { renderIcs } from '../../src/render/ics.js';
import { PHRASES } from '../support/date-phrases.js';

/**
 * calmclient's dates are the user's wall clock (`YYYY-MM-DD[THH:MM]`): the same typed words must
 * give the same stored value in every zone, and "today" must be the user's today, even at
 * UTC+14, at UTC−11 and on the nights the clocks change. Node applies a new `process.env.TZ` at
 * once; each zone is set in turn and the one the suite ran in is put back at the end.
 */

const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC'] as const;
const original = process.env.TZ;
/** The table's moments as wall-clock fields, read in the zone the suite started in, before any change. */
const WALL_CLOCK = new Map(PHRASES.map((phrase) => [phrase.now, [phrase.now.getFullYear(), phrase.now.getMonth(), phrase.now.getDate(), phrase.now.getHours(), phrase.now.getMinutes()] as const]));
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

function inZone<T>(zone: string, run: () => T): T {
  process.env.TZ = zone;
  return run();
}

/** The local day of an instant in a zone, as Intl (ICU) says it: an oracle independent of calmclient's code. */
function intlDay(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

describe.each(ZONES)('dates in %s', (zone) => {
  it('reads every phrase of the table as it does at home: typed words mean the same wall-clock date', () => {
    inZone(zone, () => {
      for (const phrase of PHRASES) {
        // The same wall-clock moment, in this zone.
        const [year, month, day, hour, minute] = WALL_CLOCK.get(phrase.now) ?? [0, 0, 0, 0, 0];
        const now = new Date(year, month, day, hour, minute);
        const reading = readDate(phrase.text, { now, lang: phrase.lang, order: phrase.order ?? 'dmy', want: phrase.want ?? 'any', future: true });
        const got = reading.ok ? toIso(reading.understood.date) : `refused: ${reading.problem}`;
        expect(got, phrase.text).toBe(typeof phrase.expect === 'string' ? phrase.expect : `refused: ${phrase.expect.refuse}`);
      }
    });
  });

  it("takes today from the user's clock, whatever the instant in UTC", () => {
    inZone(zone, () => {
      // Every 7 hours across 2026: both DST changes of Paris and New York fall inside.
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 1); time += 7 * 3_600_000) {
        const instant = new Date(time);
        expect(toIso(todayOf(instant))).toBe(intlDay(instant, zone));
      }
    });
  });

  it('says due and overdue by the local day and minute', () => {
    inZone(zone, () => {
      const lateEvening = new Date(2026, 10, 22, 23, 30);
      expect(dueState('2026-11-22', lateEvening)).toBe('due');
      expect(dueState('2026-11-21', lateEvening)).toBe('overdue');
      expect(dueState('2026-11-22T23:00', lateEvening)).toBe('overdue');
      expect(dueState('2026-11-22T23:45', lateEvening)).toBe('due');
      const justAfterMidnight = new Date(2026, 10, 23, 0, 10);
      expect(dueState('2026-11-22', justAfterMidnight)).toBe('overdue');
      expect(dueState('2026-11-23', justAfterMidnight)).toBe('due');
    });
  });

  it('writes the .ics start as the wall-clock time typed, and names the file after the local day', () => {
    inZone(zone, () => {
      const now = new Date(2026, 2, 28, 23, 50);
      const file = renderIcs({ uid: 'x@calmclient', start: { year: 2026, month: 3, day: 29, hour: 10, minute: 0 }, summary: 'Call back', client: 'Dupont', now });
      expect(file.path).toBe('2026-03-28-dupont-next-contact.ics');
      expect(file.contents).toContain('\r\nDTSTART:20260329T100000\r\n');
      expect(file.contents).toContain(`\r\nDTSTAMP:${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}\r\n`);
      const allDay = renderIcs({ uid: 'y@calmclient', start: { year: 2026, month: 10, day: 25 }, summary: 'Call back', client: 'Dupont', now });
      expect(allDay.contents).toContain('\r\nDTSTART;VALUE=DATE:20261025\r\nDTEND;VALUE=DATE:20261026\r\n');
    });
  });

  it('resolves a draft’s dates against its local day', () => {
    inZone(zone, () => {
      const reference = new Date(2026, 10, 18, 23, 30);
      const found = findDateMentions('Je vous rappelle demain à 10h ; hier, nous étions fermés.', { reference, lang: 'fr' });
      expect(found.map((mention) => [mention.kind, mention.date && toIso(mention.date)])).toEqual([
        ['future', '2026-11-19T10:00'],
        ['past', '2026-11-17'],
      ]);
    });
  });
});

describe('across a change of the clocks', () => {
  it('counts days by the calendar: "demain", "dans 2 jours" land on the right day over the night the clocks change', () => {
    for (const [zone, night] of [
      ['Europe/Paris', [2026, 2, 28]],
      ['Europe/Paris', [2026, 9, 24]],
      ['America/New_York', [2026, 2, 7]],
      ['America/New_York', [2026, 9, 31]],
    ] as const) {
      inZone(zone, () => {
        const [year, month, day] = night;
        // Late in the evening before the change, when a day of 24 hours added to the instant would land wrong.
        const now = new Date(year, month, day, 23, 30);
        const read = (text: string) => {
          const reading = readDate(text, { now, lang: 'fr', order: 'dmy', want: 'any' });
          return reading.ok ? toIso(reading.understood.date) : reading.problem;
        };
        const next = new Date(year, month, day + 1);
        const after = new Date(year, month, day + 2);
        expect(read('demain'), `${zone} ${night.join('-')}`).toBe(toIso(todayOf(next)));
        expect(read('dans 2 jours')).toBe(toIso(todayOf(after)));
        expect(read('demain 9h30')).toBe(`${toIso(todayOf(next))}T09:30`);
      });
    }
  });

  it('counts hours as time that passes: "sous 24 h" over the change moves the wall clock by one hour', () => {
    inZone('Europe/Paris', () => {
      // 28 March 2026, 12:00; the clocks go forward that night: 24 hours later it is 13:00 on the 29th.
      const spring = readDate('sous 24 h', { now: new Date(2026, 2, 28, 12, 0), lang: 'fr', order: 'dmy' });
      expect(spring.ok && toIso(spring.understood.date)).toBe('2026-03-29T13:00');
      // 24 October 2026, 12:00; the clocks go back: 24 hours later it is 11:00 on the 25th.
      const autumn = readDate('sous 24 h', { now: new Date(2026, 9, 24, 12, 0), lang: 'fr', order: 'dmy' });
      expect(autumn.ok && toIso(autumn.understood.date)).toBe('2026-10-25T11:00');
    });
  });

  it('keeps a time typed in the hour the clocks skip as typed: it is a wall-clock value, not an instant', () => {
    inZone('Europe/Paris', () => {
      const reading = readDate('dimanche 2h30', { now: new Date(2026, 2, 27, 10, 0), lang: 'fr', order: 'dmy' });
      expect(reading.ok && toIso(reading.understood.date)).toBe('2026-03-29T02:30');
      expect(toIso(momentOf(new Date(2026, 2, 29, 12, 0)))).toBe('2026-03-29T12:00');
    });
  });
});
