import { readFileSync, statSync } from 'node:fs';
import { InputError } from './errors.js';
import { catalogue, t } from './i18n/catalogue.js';
import type { Lang } from './types.js';

/** Reading the files a person gives calmclient: playbooks, answers files, drafts, rules. */

const m = catalogue({
  notFound: { en: 'file not found: {file}', fr: 'fichier introuvable : {file}' },
  tooBig: { en: '{file} is larger than {limit}: refused', fr: '{file} dépasse {limit} : refusé' },
  binary: { en: '{file} is not a text file (invalid UTF-8 or binary)', fr: '{file} n\'est pas un fichier texte (UTF-8 invalide ou binaire)' },
  unreadable: { en: 'cannot read {file}: {reason}', fr: 'impossible de lire {file} : {reason}' },
});

/** Playbooks, answers files and drafts are written by people: a megabyte is far beyond any of them. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const LIMIT = '1 MiB';

/** Reads a user's text file: refuses huge or binary files, drops a BOM, keeps CRLF readable. */
export function readUserFile(file: string, lang: Lang): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new InputError(t(m.notFound, lang, { file }));
    throw new InputError(t(m.unreadable, lang, { file, reason: errorCode(error) ?? String(error) }));
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(t(m.tooBig, lang, { file, limit: LIMIT }));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(t(m.unreadable, lang, { file, reason: errorCode(error) ?? String(error) }));
  }
  return decodeText(bytes, file, lang);
}

/** Text from bytes a person gave: UTF-8 only, no NUL, within the size limit. */
export function decodeText(bytes: Uint8Array, file: string, lang: Lang): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(t(m.tooBig, lang, { file, limit: LIMIT }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(t(m.binary, lang, { file }));
  }
  if (text.includes('\u0000')) throw new InputError(t(m.binary, lang, { file }));
  return text;
}

/** The refusal of an input past the size limit, for a reader that counts bytes itself (standard input). */
export function tooBig(file: string, lang: Lang): InputError {
  return new InputError(t(m.tooBig, lang, { file, limit: LIMIT }));
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
