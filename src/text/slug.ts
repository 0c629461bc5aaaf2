import { createHash } from 'node:crypto';
import { clientKey } from './client-name.js';

/**
 * The form of a client's name in file names and session ids (`2026-11-22-dupont-sa-recap.md`).
 *
 * Two rules: a slug is always a safe file name (letters, digits and `-`, `_` in any script, never a
 * path, never empty), and two different clients (clientKey, client-name.ts) never get the same slug.
 *
 * A name made only of letters and digits, in any script, and single spaces, is kept as it is, case
 * folded, with `-` for the spaces: `Dupont SA` → `dupont-sa`, `株式会社トヨタ` → `株式会社トヨタ`,
 * `Газпром` → `газпром`. That form can be read back (`-` only ever stands for a space), so two such
 * names never meet. Any other name loses something on the way (punctuation, an emoji, symbols,
 * a length past 40 characters): its readable part is followed by `_` and 8 hex digits of the
 * SHA-256 of the whole name, `Dupont & Fils` → `dupont-fils_5f1c0a2e`. The `_` never occurs in a
 * name kept whole, so a kept name and a hashed one never meet either; two hashed names meet only if
 * their hashes do (one chance in four billion for a pair).
 *
 * Transliteration was the other way (`Газпром` → `gazprom`): it needs tables per script, still
 * folds different names together (`Ελληνική`, `Elliniki`), and a Japanese user would rather read
 * their client's name in Japanese.
 */

/** At most this many characters of the name in a file name. */
const MAX_LENGTH = 40;
const KEPT_WHOLE = /^[\p{L}\p{M}\p{N}]+(?: [\p{L}\p{M}\p{N}]+)*$/u;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;
/** Marks the hash; never part of a name kept whole. */
const HASH_MARK = '_';

export function slugify(name: string): string {
  const key = clientKey(name);
  const chars = [...key];
  if (KEPT_WHOLE.test(key) && chars.length <= MAX_LENGTH) return key.replace(/ /g, '-');
  const readable = [...key.replace(NOT_WORD, '-').replace(/^-+|-+$/g, '')].slice(0, MAX_LENGTH).join('').replace(/-+$/, '');
  const hash = createHash('sha256').update(Buffer.from(key, 'utf16le')).digest('hex').slice(0, 8);
  return `${readable === '' ? 'client' : readable}${HASH_MARK}${hash}`;
}

/**
 * The slug calmclient 0.1 gave (Latin letters and digits only, `client` for everything else), for
 * recognising the files it named: `forget` deletes those too.
 */
export function legacySlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'client' : slug;
}
