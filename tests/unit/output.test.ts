import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { columns, fitWords, formatProblem, labelled, padColumns, screenWidth, wrap } from '../../src/terminal/output.js';

describe('wrap', () => {
  it('keeps lines within 80 columns and indents the following ones', () => {
    const text = 'word '.repeat(60).trim();
    const lines = wrap(text, '  ', 80).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith('  word'))).toBe(true);
  });

  it('never starts a line with French closing punctuation', () => {
    const text = `${'a'.repeat(76)} « ok ? »`;
    for (const line of wrap(text, '', 80).split('\n')) expect(line).not.toMatch(/^[»?!:;]/);
    // Nor ends one after « or cuts a number from its unit.
    const figures = `${'b'.repeat(70)} il pèse 70 % dans « son expérience » : voilà.`;
    for (const line of wrap(figures, '', 72).split('\n')) {
      expect(line).not.toMatch(/«$|\d$/);
      expect(line).not.toMatch(/^[%»:]/);
    }
  });

  it('measures screen columns: wide characters take two, colours none', () => {
    const text = '株式会社テスト '.repeat(12).trim();
    for (const line of wrap(text, '', 40).split('\n')) expect(columns(line)).toBeLessThanOrEqual(40);
    const coloured = new Chalk({ level: 1 }).red('word ').repeat(30);
    for (const line of wrap(coloured, '', 40).split('\n')) expect(columns(line)).toBeLessThanOrEqual(40);
  });

  it('never breaks a word or a path: a long path goes whole on its own line', () => {
    const path = `/tmp/${'very-long-folder-name/'.repeat(4)}2026-12-03-dupont-recap.md`;
    const lines = wrap(`Written to ${path} just now.`, '', 80).split('\n');
    expect(lines).toContain(path);
    const words = 'aucune remarque. Le brouillon est posé et concret. '.repeat(4);
    for (const line of wrap(words, '', 33).split('\n')) for (const word of line.split(' ')) expect(words).toMatch(new RegExp(`(^|\\s)${word.replace(/[.]/g, '\\.')}(\\s|$)`));
  });

  it('keeps the leading spaces of a paragraph and indents the lines it adds', () => {
    expect(wrap(`  → ${'word '.repeat(30).trim()}`, '    ', 40).split('\n').every((line, i) => line.startsWith(i === 0 ? '  → ' : '    word'))).toBe(true);
  });

  it('does not wrap what goes into a pipe or a file: no terminal, no width', () => {
    expect(screenWidth({ isTTY: false, columns: 80 })).toBe(Number.POSITIVE_INFINITY);
    expect(screenWidth({ isTTY: true, columns: 200 })).toBe(80);
    expect(screenWidth({ isTTY: true, columns: 60 })).toBe(60);
    const long = 'word '.repeat(40).trim();
    expect(wrap(long, '', Number.POSITIVE_INFINITY)).toBe(long);
  });
});

describe('fitWords', () => {
  it('cuts at the end of a word, never inside one, and says it cut', () => {
    expect(fitWords("j'ai imprimé les cartes avec la mauvaise date", 20)).toBe("j'ai imprimé les…");
    expect(fitWords('short', 20)).toBe('short');
    expect(fitWords('株式会社テスト株式会社テスト', 10)).toBe('株式会社…');
    expect(columns(fitWords('株式会社テスト 株式会社テスト', 17))).toBeLessThanOrEqual(17);
  });
});

describe('labelled and padColumns', () => {
  it('pads to screen columns, so that wide characters keep columns aligned', () => {
    expect(columns(padColumns('株式会社テスト', 20))).toBe(20);
    expect(columns(padColumns('Dupont', 20))).toBe(20);
  });

  it('puts a path that does not fit on its own line, whole', () => {
    const path = `/home/someone/${'documents/'.repeat(3)}2026-12-03-dupont-email.md`;
    expect(labelled('recap', 16, '/tmp/a.md', 80)).toBe(`  recap${' '.repeat(12)}/tmp/a.md`);
    expect(labelled('recap', 16, path, 80).split('\n')).toEqual(['  recap', `    ${path}`]);
    expect(labelled('recap', 16, path, Number.POSITIVE_INFINITY)).toBe(`  recap${' '.repeat(12)}${path}`);
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
