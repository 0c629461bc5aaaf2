import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredCatalogues, frenchSpacing, t, type Catalogue } from '../../src/i18n/catalogue.js';
import { LANGS, type Lang } from '../../src/types.js';
import { ROOT } from '../helpers.js';

/**
 * Every message of calmclient lives in a catalogue, English and French side by side
 * (src/i18n/catalogue.ts). These tests load every module of src/, so that each declares its
 * catalogues, then check them all; and they read the sources for language branches written inline.
 */

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('the message catalogues', () => {
  let catalogues: readonly Catalogue[] = [];
  beforeAll(async () => {
    for (const file of sourceFiles(SRC)) await import(pathToFileURL(file).href);
    catalogues = declaredCatalogues();
  }, 60_000);

  it('are found in every area of the code', () => {
    expect(catalogues.length).toBeGreaterThan(20);
  });

  it('give every message in every language, never empty', () => {
    const missing: string[] = [];
    for (const catalogue of catalogues)
      for (const [key, message] of Object.entries(catalogue))
        for (const lang of LANGS) if (typeof message[lang] !== 'string' || message[lang].trim() === '') missing.push(`${key} (${lang})`);
    expect(missing).toEqual([]);
  });

  it('give both languages the same placeholders', () => {
    const mismatched: string[] = [];
    for (const catalogue of catalogues)
      for (const [key, message] of Object.entries(catalogue))
        if (placeholders(message.en).join() !== placeholders(message.fr).join()) mismatched.push(`${key}: ${message.en} / ${message.fr}`);
    expect(mismatched).toEqual([]);
  });

  /**
   * The messages of one language, and the lines of its built-in playbooks, that `pattern` finds. The
   * reply rules are left out: they match drafts, which people write as they like.
   */
  function wordsMatching(lang: Lang, pattern: RegExp): string[] {
    const said = catalogues.flatMap((catalogue) => Object.entries(catalogue).filter(([, message]) => pattern.test(message[lang])).map(([key, message]) => `${key}: ${message[lang]}`));
    const dir = join(ROOT, 'playbooks', lang);
    const files = readdirSync(dir).filter((name) => name !== 'reply-rules.yaml');
    expect(files.length).toBeGreaterThan(5);
    for (const name of files)
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (pattern.test(line)) said.push(`playbooks/${lang}/${name}:${index + 1}: ${line.trim()}`);
        });
    return said;
  }

  it('say "e-mail" in French, one word for it everywhere (issue 14), in the messages and the built-in playbooks', () => {
    expect(wordsMatching('fr', /(?<![-\p{L}@.])mails?\b/iu)).toEqual([]);
  });

  it('write "10%" in English, the number against its sign (issue 14), in the messages and the built-in playbooks', () => {
    expect(wordsMatching('en', /\d[ \u00a0\u202f]%/)).toEqual([]);
  });

  it('fills placeholders, and gives French its no-break spaces', () => {
    const message = { en: 'Session {id}: saved?', fr: 'Session {id} : enregistrée ?' } as const;
    expect(t(message, 'en', { id: 'a:b ?' })).toBe('Session a:b ?: saved?');
    // The value is the user's and stays as typed; only the catalogue's own text is set.
    expect(t(message, 'fr', { id: 'a:b ?' })).toBe('Session a:b ?\u00a0: enregistrée\u202f?');
    expect(frenchSpacing('« Bonjour » ; 15 % ! Oui ?')).toBe('«\u00a0Bonjour\u00a0»\u202f; 15\u00a0%\u202f! Oui\u202f?');
  });

  it('elides French "de" and "que" before a name that begins with a vowel, and only there', () => {
    const message = { en: 'Email of {who}, as {client} said', fr: 'Adresse de {who}, ce que {client} a dit' } as const;
    expect(t(message, 'fr', { who: 'Élise', client: 'Orange' })).toBe("Adresse d'Élise, ce qu'Orange a dit");
    expect(t(message, 'fr', { who: 'ana', client: 'Yves Rocher' })).toBe("Adresse d'ana, ce qu'Yves Rocher a dit");
    expect(t(message, 'fr', { who: 'Sophie', client: 'Hachette' })).toBe('Adresse de Sophie, ce que Hachette a dit');
    expect(t(message, 'en', { who: 'Élise', client: 'Orange' })).toBe('Email of Élise, as Orange said');
    // Only the words themselves: "monde Élise" keeps its "de".
    expect(t({ en: '{x}', fr: 'le monde {x}' } as const, 'fr', { x: 'Élise' })).toBe('le monde Élise');
  });
});

describe('the language', () => {
  /** A comparison of a language with one of the languages, or a choice between two texts by language. */
  const INLINE_BRANCH = /\b\w*[lL]ang\w*\s*[!=]==?\s*['"](?:en|fr)['"]|['"](?:en|fr)['"]\s*[!=]==?\s*\w*[lL]ang\w*/;

  it('is never branched on inline: a catalogue entry or a Record<Lang, …> table says what differs', () => {
    const branches = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (INLINE_BRANCH.test(line) ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(branches).toEqual([]);
  });

  it('is passed explicitly: no module keeps a current language', () => {
    const globals = sourceFiles(SRC).flatMap((file) => (/\b(?:getLang|setLang)\b/.test(readFileSync(file, 'utf8')) ? [relative(ROOT, file)] : []));
    expect(globals).toEqual([]);
  });
});
