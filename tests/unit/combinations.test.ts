import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/playbook/schema.js';
import { branchCombinations } from '../support/combinations.js';

const choices = (...values: string[]) => values.map((value) => ({ value, label: value }));
const select = (id: string, values: string[], extra: Partial<Step> = {}): Step =>
  ({ id, type: 'select', message: id, choices: choices(...values), ...extra }) as Step;

describe('branchCombinations', () => {
  const steps: Step[] = [
    select('tone', ['calm', 'angry']),
    { id: 'mediator', type: 'confirm', message: 'm', when: { step: 'tone', equals: 'angry' } },
    select('fault', ['mine', 'theirs', 'unclear']),
    { id: 'gesture', type: 'text', message: 'g', required: false, when: { step: 'fault', equals: 'mine' } },
    select('need', ['shine', 'control', 'trust', 'power', 'expertise']),
    { id: 'needs', type: 'checkbox', message: 'n', choices: choices('a', 'b', 'c') },
    { id: 'deadline', type: 'date', message: 'd' },
    { id: 'call', type: 'date', message: 'c', time: true },
    { id: 'signature', type: 'input', message: 's' },
  ];
  const sets = branchCombinations({ steps, lang: 'en' });

  it('covers the full product of the choices conditions look at', () => {
    const seen = new Set(sets.map((set) => `${set.tone}/${set.fault}`));
    expect([...seen].sort()).toEqual(['angry/mine', 'angry/theirs', 'angry/unclear', 'calm/mine', 'calm/theirs', 'calm/unclear']);
    expect(new Set(sets.filter((set) => set.tone === 'angry').map((set) => set.mediator))).toEqual(new Set([true, false]));
  });

  it('gives every other choice at least once, fixed text and dates, and drops what does not apply', () => {
    expect(new Set(sets.map((set) => set.need))).toEqual(new Set(['shine', 'control', 'trust', 'power', 'expertise']));
    expect(new Set(sets.flatMap((set) => set.needs as string[]))).toEqual(new Set(['a', 'b', 'c']));
    expect(sets.every((set) => set.deadline === '+3' && set.call === '+4 10:00' && set.signature === 'A written summary of the decisions')).toBe(true);
    expect(sets.some((set) => set.fault !== 'mine' && 'gesture' in set)).toBe(false);
    expect(sets.some((set) => set.tone === 'calm' && 'mediator' in set)).toBe(false);
    expect(new Set(sets.map((set) => JSON.stringify(set))).size).toBe(sets.length);
  });

  it('falls back to every pair of values, and the uniform sets, when the product is too large', () => {
    const many: Step[] = Array.from({ length: 9 }, (_, i) => select(`point${i}`, ['settled', 'open', 'none']));
    many.push({
      id: 'deadline',
      type: 'date',
      message: 'd',
      when: { any: many.map((step) => ({ step: step.id, equals: 'open' })) },
    });
    const wide = branchCombinations({ steps: many, lang: 'fr' });
    expect(wide.length).toBeLessThan(60);
    for (let a = 0; a < 9; a++)
      for (let b = a + 1; b < 9; b++)
        for (const x of ['settled', 'open', 'none'])
          for (const y of ['settled', 'open', 'none'])
            expect(wide.some((set) => set[`point${a}`] === x && set[`point${b}`] === y), `point${a}=${x} point${b}=${y}`).toBe(true);
    expect(wide.some((set) => many.slice(0, 9).every((step) => set[step.id] === 'settled') && !('deadline' in set))).toBe(true);
  });
});
