import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePlaybook } from '../../src/playbook/load.js';
import { AnswersFile } from '../../src/prompters/scripted.js';
import { FIXTURES } from '../helpers.js';
import { propertyRuns as runs, propertyTimeout as timeoutFor } from '../properties.js';

function problemsOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no problem reported');
}

const CONTROL_CODES = [...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];

describe('control characters in the files calmclient reads (issue 13, item 13)', () => {
  it('refuses a YAML "\\0" escape in a playbook, located at its value', () => {
    const text = readFileSync(join(FIXTURES, 'playbooks', 'mini.yaml'), 'utf8').replace('title: Mini crisis', 'title: "Mini\\0crisis"');
    const error = problemsOf(() => parsePlaybook('mini.yaml', text, 'en', () => ({ path: 'x', text: '' })));
    expect(error.problems[0]).toMatchObject({ file: 'mini.yaml', line: 4, col: 8 });
    expect(error.problems[0]?.message).toMatch(/a control character \(\^@, U\+0000\) in this text: refused/);
  });

  it('refuses ESC, and a C1 control, in an answers file, each where it is', () => {
    const error = problemsOf(() => AnswersFile.parse('a.yaml', 'client: "Dupont\\e]0;x\\a"\nsaid: ok\ntone: "\\x9b2J"\n', 'fr'));
    expect(error.problems.map((p) => [p.line, p.col])).toEqual([
      [1, 9],
      [3, 7],
    ]);
    expect(error.problems[0]?.message).toMatch(/caractère de contrôle \(\^\[, U\+001B\)/);
    expect(error.problems[1]?.message).toMatch(/\(U\+009B\)/);
  });

  it('refuses them in keys too', () => {
    expect(problemsOf(() => AnswersFile.parse('a.yaml', '"sa\\0id": ok\n', 'en')).problems[0]).toMatchObject({ line: 1, col: 1 });
  });

  it('keeps tabs and line breaks, and text in any script', () => {
    const answers = AnswersFile.parse('a.yaml', 'said: "one\\ttwo\\nthree"\nclient: "Ελληνική \u202bשלום"\n', 'en');
    expect(answers.values).toEqual({ said: 'one\ttwo\nthree', client: 'Ελληνική \u202bשלום' });
  });

  it(
    'refuses every control character, however it is written, wherever it sits in a value',
    () => {
      const written = fc.constantFrom(...CONTROL_CODES).chain((code) =>
        fc.constantFrom(
          `\\x${code.toString(16).padStart(2, '0')}`,
          `\\u${code.toString(16).padStart(4, '0')}`,
          ...(code === 0 ? ['\\0'] : code === 0x1b ? ['\\e'] : code === 0x07 ? ['\\a'] : []),
        ),
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 10 }).map((s) => s.replace(/["\\]/g, '')), written, fc.string({ maxLength: 10 }).map((s) => s.replace(/["\\]/g, '')), (before, escape, after) => {
          const error = problemsOf(() => AnswersFile.parse('a.yaml', `said: "${before}${escape}${after}"\n`, 'en'));
          expect(error.problems[0]).toMatchObject({ line: 1, col: 7 });
        }),
        { numRuns: runs(400) },
      );
    },
    timeoutFor(400),
  );
});
