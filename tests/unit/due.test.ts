import { describe, expect, it } from 'vitest';
import { dueState, isOverdue, sessionDue, type DueInput } from '../../src/engine/due.js';

/** Local wall-clock moments, like the dates the user types. */
const at = (year: number, month: number, day: number, hour = 12, minute = 0): Date => new Date(year, month - 1, day, hour, minute);

const openCrisis: DueInput = {
  kind: 'crisis',
  status: 'open',
  promise: { by: '2026-11-25' },
  nextContact: '2026-11-26T10:00',
};

describe('dueState', () => {
  it('leaves a day alone until it comes, marks it due all that day, overdue from the next', () => {
    expect(dueState('2026-11-25', at(2026, 11, 24, 23, 59))).toBeUndefined();
    expect(dueState('2026-11-25', at(2026, 11, 25, 0, 0))).toBe('due');
    expect(dueState('2026-11-25', at(2026, 11, 25, 23, 59))).toBe('due');
    expect(dueState('2026-11-25', at(2026, 11, 26, 0, 0))).toBe('overdue');
  });

  it('makes a day with a time overdue as soon as the time has passed', () => {
    expect(dueState('2026-11-26T10:00', at(2026, 11, 26, 9, 59))).toBe('due');
    expect(dueState('2026-11-26T10:00', at(2026, 11, 26, 10, 1))).toBe('overdue');
    expect(dueState('2026-11-26T10:00', at(2026, 11, 25, 18))).toBeUndefined();
  });

  it('crosses month and year ends', () => {
    expect(dueState('2026-12-31', at(2027, 1, 1, 0, 5))).toBe('overdue');
    expect(dueState('2027-01-01', at(2026, 12, 31, 23))).toBeUndefined();
  });

  it('ignores a value that is not a stored date', () => {
    expect(dueState('next tuesday', at(2026, 11, 26))).toBeUndefined();
    expect(dueState('2026-02-30', at(2026, 11, 26))).toBeUndefined();
  });
});

describe('sessionDue and isOverdue', () => {
  it('flags nothing before the promised day', () => {
    expect(sessionDue(openCrisis, at(2026, 11, 24))).toEqual({});
    expect(isOverdue(openCrisis, at(2026, 11, 24))).toBe(false);
  });

  it('flags the promise due on its day, then overdue, then the contact too', () => {
    expect(sessionDue(openCrisis, at(2026, 11, 25))).toEqual({ promise: 'due' });
    expect(isOverdue(openCrisis, at(2026, 11, 25))).toBe(false);
    expect(sessionDue(openCrisis, at(2026, 11, 26, 9))).toEqual({ promise: 'overdue', nextContact: 'due' });
    expect(isOverdue(openCrisis, at(2026, 11, 26, 9))).toBe(true);
    expect(sessionDue(openCrisis, at(2026, 11, 26, 11))).toEqual({ promise: 'overdue', nextContact: 'overdue' });
  });

  it('only an open crisis is ever due: closed ones, checklists and follow-ups are history', () => {
    const late = at(2027, 1, 10);
    for (const status of ['resolved', 'escalated', 'lost', 'draft']) expect(sessionDue({ ...openCrisis, status }, late)).toEqual({});
    expect(sessionDue({ ...openCrisis, kind: 'followup' }, late)).toEqual({});
    expect(sessionDue({ ...openCrisis, kind: 'prevention', status: 'done' }, late)).toEqual({});
  });

  it('counts a promise as checked once a follow-up happened on or after its day', () => {
    const late = at(2026, 11, 30);
    const checkedOnTheDay = { ...openCrisis, followedUpAt: at(2026, 11, 25, 17).toISOString(), nextContact: '2026-12-02' };
    expect(sessionDue(checkedOnTheDay, late)).toEqual({});
    const checkedTooEarly = { ...openCrisis, followedUpAt: at(2026, 11, 23).toISOString(), nextContact: '2026-12-02' };
    expect(sessionDue(checkedTooEarly, late)).toEqual({ promise: 'overdue' });
  });

  it('is overdue on its next contact alone when no promise was recorded', () => {
    const { promise: _dropped, ...withoutPromise } = openCrisis;
    expect(isOverdue(withoutPromise, at(2026, 11, 27))).toBe(true);
    expect(isOverdue(withoutPromise, at(2026, 11, 26, 8))).toBe(false);
  });
});
