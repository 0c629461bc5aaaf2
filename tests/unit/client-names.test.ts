import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameClient } from '../../src/store/session-list.js';
import { clientKey, isBlankName } from '../../src/text/client-name.js';
import { slugify } from '../../src/text/slug.js';
import { propertyRuns as runs, propertyTimeout as timeoutFor } from '../properties.js';

/** Names in many scripts: Latin with accents, Greek, Cyrillic, Arabic, Hebrew, Devanagari, CJK, emoji, and noise. */
const SCRIPTS = [
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàçœßÉÈ',
  'αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
  'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  'אבגדהוזחטיכלמנסעפצקרשת',
  'कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह्ािीुूेैोौं',
  '株式会社トヨタ東京大阪日本電気ソニー任天堂ひらがなカタカナ',
  '0123456789',
  ' &.,-\'"/\\()@+#!?😡🏢',
];
const nameChar = fc.constantFrom(...SCRIPTS.flatMap((script) => [...script]));
const name = fc.array(nameChar, { minLength: 1, maxLength: 30 }).map((chars) => chars.join(''));
/** Any text at all, lone surrogates and control characters included. */
const anything = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });

describe('client names (forget, history --client, lessons --client, checklist)', () => {
  it('keeps the three clients of the report apart: 株式会社トヨタ, Газпром, Ελληνική Εταιρεία', () => {
    const names = ['株式会社トヨタ', 'Газпром', 'Ελληνική Εταιρεία'];
    for (const a of names) for (const b of names) expect(sameClient(a, b)).toBe(a === b);
    expect(new Set(names.map(slugify)).size).toBe(3);
    expect(names.map(slugify)).toEqual(['株式会社トヨタ', 'газпром', 'ελληνική-εταιρεία']);
  });

  it('matches a name written another way: case, Unicode composition, spaces around and inside', () => {
    expect(sameClient('DUPONT & fils', 'Dupont & Fils')).toBe(true);
    expect(sameClient('Société', 'Socie\u0301te\u0301')).toBe(true);
    expect(sameClient('  Dupont   SA ', 'Dupont SA')).toBe(true);
    expect(sameClient('STRASSE', 'Straße')).toBe(true);
    expect(sameClient('ΟΔΟΣ', 'οδος')).toBe(true);
    expect(sameClient('Lefèvre', 'Lefevre')).toBe(false);
    expect(sameClient('Dupont & Fils', 'Dupont Fils')).toBe(false);
  });

  it('calls an empty or blank name blank', () => {
    for (const blank of ['', ' ', '\t\n', '\u3000']) expect(isBlankName(blank)).toBe(true);
    expect(isBlankName(' a ')).toBe(false);
  });

  it(
    'a name in any script matches itself written any other way, and never another name',
    () => {
      fc.assert(
        fc.property(name, name, (a, b) => {
          const variants = [a.normalize('NFD'), a.toUpperCase(), a.toLowerCase(), ` ${a.replace(/ /g, '  ')} `, a.normalize('NFC')];
          for (const variant of variants) {
            expect(sameClient(a, variant)).toBe(true);
            expect(slugify(variant)).toBe(slugify(a));
          }
          // Two names are one client exactly when they agree once composed, folded and spaced alike.
          expect(sameClient(a, b)).toBe(clientKey(a) === clientKey(b));
          // A name with one more letter, or one letter changed, is someone else.
          const longer = `${a}${[...b].find((c) => c.trim() !== '') ?? 'x'}`;
          if (clientKey(longer) !== clientKey(a)) expect(sameClient(a, longer)).toBe(false);
        }),
        { numRuns: runs(1500) },
      );
    },
    timeoutFor(1500),
  );

  it(
    'gives different clients different file names, and every name a safe one',
    () => {
      fc.assert(
        fc.property(fc.oneof(name, anything), fc.oneof(name, anything), (a, b) => {
          const slug = slugify(a);
          expect(slug).toMatch(/^[\p{L}\p{M}\p{N}_-]+$/u);
          expect(slug).not.toMatch(/^[-.]|[/\\]/);
          expect([...slug].length).toBeLessThanOrEqual(49);
          if (clientKey(a) !== clientKey(b)) expect(slugify(b)).not.toBe(slug);
          else expect(slugify(b)).toBe(slug);
        }),
        { numRuns: runs(2000) },
      );
    },
    timeoutFor(2000),
  );

  it('keeps a name of letters and spaces readable, and marks a name that lost something with a hash', () => {
    expect(slugify('Dupont SA')).toBe('dupont-sa');
    expect(slugify('Dupont-SA')).toMatch(/^dupont-sa_[0-9a-f]{8}$/);
    expect(slugify('Dupont & Fils')).toMatch(/^dupont-fils_[0-9a-f]{8}$/);
    expect(slugify('Dupont & Fils')).not.toBe(slugify('Dupont Fils'));
    expect(slugify('😡')).toMatch(/^client_[0-9a-f]{8}$/);
    expect(slugify('😡')).not.toBe(slugify('🏢'));
  });
});
