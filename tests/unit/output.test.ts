import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatProblem, wrap } from '../../src/terminal/output.js';

describe('wrap', () => {
  it('keeps lines within 80 columns and indents the following ones', () => {
    const text = 'word '.repeat(60).trim();
    const lines = wrap(text, '  ').split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith('  word'))).toBe(true);
  });

  it('never starts a line with French closing punctuation', () => {
    const text = `${'a'.repeat(76)} « ok ? »`;
    for (const line of wrap(text).split('\n')) expect(line).not.toMatch(/^[»?!:;]/);
  });
});

describe('formatProblem', () => {
  it('prints FILE:LINE:COL, the line, and a caret under the column', () => {
    const text = formatProblem(
      { file: 'p.yaml', line: 8, col: 11, message: 'unknown step type "inptu"', sourceLine: '    type: inptu' },
      new Chalk({ level: 0 }),
    );
    expect(text).toBe('p.yaml:8:11: unknown step type "inptu"\n      type: inptu\n            ^');
  });
});
