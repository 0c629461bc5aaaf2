import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang, RenderedFile } from '../types.js';
import { errorCode } from '../user-files.js';

const m = catalogue({
  notWritable: { en: 'cannot write to {dir}: {reason}', fr: 'impossible d\'écrire dans {dir} : {reason}' },
  missing: { en: 'the folder does not exist', fr: 'le dossier n\'existe pas' },
  notDir: { en: 'it is not a folder', fr: 'ce n\'est pas un dossier' },
  readOnly: { en: 'the folder is read-only', fr: 'le dossier est en lecture seule' },
});

/** Private by default: recaps talk about clients and about the user's mistakes. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** Creates a folder (and its parents) readable by the user only. */
export function ensurePrivateDir(dir: string): void {
  const created = mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (created !== undefined) chmodSync(dir, DIR_MODE);
}

function writeTemp(dir: string, name: string, contents: string): string {
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', FILE_MODE);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/** Replaces `path` whole or not at all: a crash mid-write never leaves half a file. */
export function writeFileAtomic(path: string, contents: string): void {
  const temp = writeTemp(dirname(path), basename(path), contents);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a new file named `name` in `dir`, never replacing one: if the name is taken it tries
 * `name-2`, `name-3`… Atomic too: the file appears complete or not at all. Returns the path.
 */
export function writeNewFile(dir: string, name: string, contents: string): string {
  const temp = writeTemp(dir, name, contents);
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  try {
    for (let attempt = 1; ; attempt++) {
      const path = join(dir, attempt === 1 ? name : `${stem}-${attempt}${extension}`);
      try {
        linkSync(temp, path);
        return path;
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST') || attempt >= 1000) throw error;
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Writes `path` only if nothing has that name yet, atomically. Returns false when something has. */
export function writeFileIfAbsent(path: string, contents: string): boolean {
  const temp = writeTemp(dirname(path), basename(path), contents);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

type Written<T> = { [K in keyof T]: undefined extends T[K] ? string | undefined : string };

/**
 * Writes files all or none: if one cannot be written, those already written are removed again and
 * the user learns which folder failed and why. Returns each file's path under its key; a key whose
 * file is undefined stays undefined.
 */
export function writeFiles<T extends Record<string, RenderedFile | undefined>>(dir: string, files: T, lang: Lang): Written<T> {
  const written: Record<string, string> = {};
  try {
    ensurePrivateDir(dir);
    for (const [key, file] of Object.entries(files)) if (file) written[key] = writeNewFile(dir, file.path, file.contents);
    return written as Written<T>;
  } catch (error) {
    for (const path of Object.values(written)) rmSync(path, { force: true });
    throw new UsageError(t(m.notWritable, lang, { dir, reason: errorCode(error) ?? String(error) }));
  }
}

/** The refusal of a folder calmclient cannot write into, for a caller that writes by other means. */
export function notWritable(dir: string, error: unknown, lang: Lang): UsageError {
  return new UsageError(t(m.notWritable, lang, { dir, reason: errorCode(error) ?? String(error) }));
}

/**
 * Checks, before the first question, that the documents can go into `dir`: nobody should type for
 * ten minutes into a folder that fails. A folder of calmclient's own that does not exist yet is
 * made when the files are written; one the user named must exist.
 */
export function checkOutDir(dir: string, givenByUser: boolean, lang: Lang): void {
  if (!existsSync(dir)) {
    if (givenByUser) throw new UsageError(t(m.notWritable, lang, { dir, reason: t(m.missing, lang) }));
    return;
  }
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(t(m.notWritable, lang, { dir, reason: t(m.notDir, lang) }));
    accessSync(dir, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(t(m.notWritable, lang, { dir, reason: t(m.readOnly, lang) }));
  }
}
