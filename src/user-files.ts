import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';
import { catalogue, t, type Message } from './i18n/catalogue.js';
import type { Lang } from './types.js';

/** Reading the files a person gives calmclient: playbooks, answers files, drafts, rules. */

const m = catalogue({
  notFound: { en: 'file not found: {file}', fr: 'fichier introuvable : {file}' },
  tooBig: { en: '{file} is larger than {limit}: refused', fr: '{file} dépasse {limit} : refusé' },
  binary: { en: '{file} is not a text file (invalid UTF-8 or binary)', fr: '{file} n\'est pas un fichier texte (UTF-8 invalide ou binaire)' },
  unreadable: { en: 'cannot read {file}: {reason}', fr: 'impossible de lire {file} : {reason}' },
  notRegular: {
    en: '{file} is not a regular file ({what}): refused. calmclient reads files only',
    fr: '{file} n\'est pas un fichier ordinaire ({what}) : refusé. calmclient ne lit que des fichiers',
  },
  directory: { en: 'a folder', fr: 'un dossier' },
  fifo: { en: 'a pipe', fr: 'un tube' },
  device: { en: 'a device', fr: 'un périphérique' },
  socket: { en: 'a socket', fr: 'une socket' },
  other: { en: 'a special file', fr: 'un fichier spécial' },
});

/** Playbooks, answers files and drafts are written by people: a megabyte is far beyond any of them. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const LIMIT = '1 MiB';

/** What a path that is not a regular file turned out to be. */
export type SpecialKind = 'directory' | 'fifo' | 'device' | 'socket' | 'other';

const KIND_WORDS: Record<SpecialKind, Message> = { directory: m.directory, fifo: m.fifo, device: m.device, socket: m.socket, other: m.other };

/** A path that names something else than a regular file: calmclient reads none of them. */
export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: SpecialKind,
  ) {
    super(`${path} is not a regular file (${kind})`);
    this.name = 'NotRegularFileError';
  }
}

/** A file that holds more than the limit, whatever size it reported. */
export class TooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly limit: number,
  ) {
    super(`${path} is larger than ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

function specialKind(stats: Stats): SpecialKind {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** Opening a FIFO for reading waits for a writer, forever if none comes; with O_NONBLOCK it returns at once. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of the regular file at `path` (links followed), at most `limit` of them. Anything else
 * is refused before a byte is read: a folder, a FIFO (`<(yes)`), a device (`/dev/zero`, also
 * through a link), a socket. The limit is enforced as the bytes arrive, not from the size the file
 * reports, so that a file growing while it is read cannot take all the memory either.
 * Throws NotRegularFileError, TooLargeError, or the system's error (ENOENT, EACCES…).
 */
export function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(path, specialKind(stats));
    if (stats.size > limit) throw new TooLargeError(path, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    // One read of the size the file reports, and one more that finds its end; more only if it grew.
    let chunk = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 1));
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw new TooLargeError(path, limit);
      chunks.push(chunk.subarray(0, read));
      if (read === chunk.length) chunk = Buffer.allocUnsafe(Math.min(limit + 1 - total, 64 * 1024));
      else chunk = chunk.subarray(read);
    }
    // Most files come in one read: no copy then.
    return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Reads a user's text file: refuses special, huge or binary files, drops a BOM, keeps CRLF readable. */
export function readUserFile(file: string, lang: Lang): string {
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_INPUT_BYTES);
  } catch (error) {
    throw readRefusal(file, error, lang);
  }
  return decodeText(bytes, file, lang);
}

/** The error a user sees when `file` could not be read. */
function readRefusal(file: string, error: unknown, lang: Lang): InputError {
  if (error instanceof NotRegularFileError) return new InputError(t(m.notRegular, lang, { file, what: t(KIND_WORDS[error.kind], lang) }));
  if (error instanceof TooLargeError) return tooBig(file, lang);
  const code = errorCode(error);
  if (code === 'ENOENT') return new InputError(t(m.notFound, lang, { file }));
  // Windows will not open a folder at all.
  if (code === 'EISDIR') return new InputError(t(m.notRegular, lang, { file, what: t(m.directory, lang) }));
  return new InputError(t(m.unreadable, lang, { file, reason: code ?? String(error) }));
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

/** What a path that is not a regular file is, in words (`a pipe`). */
export function specialKindWords(kind: SpecialKind, lang: Lang): string {
  return t(KIND_WORDS[kind], lang);
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
