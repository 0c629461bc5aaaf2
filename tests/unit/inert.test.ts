import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inert, inertJson, inertLine } from '../../src/text/inert.js';
import { propertyRuns as runs, propertyTimeout as timeoutFor } from '../properties.js';

/** What a terminal acts on: C0 but tab and line feed, DEL, C1, the line separators, bidi overrides and isolates. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const TOKEN = /^(?:\^[@-_?]|<U\+[0-9A-F]{4}>)/;

/** Whether `shown` is `text` with each character a terminal acts on replaced by a visible token. */
function sameButTokens(text: string, shown: string): boolean {
  let at = 0;
  for (const char of text) {
    if (ACTIVE.test(char)) {
      const token = TOKEN.exec(shown.slice(at, at + 8))?.[0];
      if (token === undefined) return false;
      at += token.length;
    } else {
      if (!shown.startsWith(char, at)) return false;
      at += char.length;
    }
  }
  return at === shown.length;
}
const ACTIVE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const ATTACKS = {
  'OSC 52 (writes the clipboard)': '\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007',
  'a window title': '\u001b]0;pwned\u0007',
  'a screen clear': '\u001b[2J\u001b[H',
  'a C1 CSI': '\u009b2J',
  'a C1 OSC': '\u009d0;title\u009c',
  'a right-to-left override': 'Dupont \u202eSA\u202c',
  'a right-to-left isolate': 'Dupont \u2067SA\u2069',
  'a carriage return over the line': 'paid\rUNPAID',
  'a bell and a backspace': 'a\u0007b\u0008c',
  'a NUL': 'a\u0000b',
};

describe('inert: the user\'s data on a terminal', () => {
  it.each(Object.entries(ATTACKS))('shows %s visibly, and nothing of it acts', (_what, attack) => {
    const shown = inert(attack);
    expect(shown).not.toMatch(ACTIVE);
    expect(shown).toMatch(/\^|<U\+/);
  });

  it('shows ESC as ^[ and the bidi override by its code point', () => {
    expect(inert('\u001b]52;c;x\u0007')).toBe('^[]52;c;x^G');
    expect(inert('a\u202eb')).toBe('a<U+202E>b');
    expect(inert('\u009b')).toBe('<U+009B>');
    expect(inert('\u007f')).toBe('^?');
  });

  it('leaves text in any script, tabs and line breaks alone; inertLine shows those too', () => {
    const text = 'Société Générale\t株式会社トヨタ\nГазпром · Ελληνική 😡 ‏עברית‏';
    expect(inert(text)).toBe(text);
    expect(inertLine('a\tb\nc')).toBe('a^Ib^Jc');
  });

  it(
    'never lets a character through that a terminal acts on, and changes nothing else',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
          expect(inert(text)).not.toMatch(ACTIVE);
          expect(inertLine(text)).not.toMatch(ACTIVE_IN_LINE);
          if (!ACTIVE.test(text)) expect(inert(text)).toBe(text);
          // Every character of the text is still there, in order, or stands as its visible token.
          expect(sameButTokens(text, inert(text))).toBe(true);
        }),
        { numRuns: runs(800) },
      );
    },
    timeoutFor(800),
  );

  it(
    'writes JSON a terminal cannot act on, which reads back as the same value',
    () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 30 })), (value) => {
          const json = inertJson(value);
          // Pretty-printed JSON has line breaks of its own, and nothing else a terminal acts on.
          expect(json).not.toMatch(ACTIVE);
          expect(JSON.parse(json)).toEqual(value);
        }),
        { numRuns: runs(1000) },
      );
    },
    timeoutFor(1000),
  );
});
