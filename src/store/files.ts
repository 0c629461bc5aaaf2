import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isCalmError, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang, RenderedFile } from '../types.js';
import { errorCode } from '../user-files.js';

const m = catalogue({
  notWritable: { en: 'cannot write to {dir}: {reason}', fr: 'impossible d\'écrire dans {dir} : {reason}' },
  notDir: { en: 'it is not a folder', fr: 'ce n\'est pas un dossier' },
  readOnly: { en: 'the folder is read-only', fr: 'le dossier est en lecture seule' },
  EACCES: { en: 'EACCES (permission denied)', fr: 'EACCES (permission refusée)' },
  EPERM: { en: 'EPERM (operation not permitted)', fr: 'EPERM (opération non permise)' },
  EROFS: { en: 'EROFS (the file system is read-only)', fr: 'EROFS (le système de fichiers est en lecture seule)' },
  ENOSPC: { en: 'ENOSPC (no space left on the disk)', fr: 'ENOSPC (plus de place sur le disque)' },
  EDQUOT: { en: 'EDQUOT (disk quota exceeded)', fr: 'EDQUOT (quota disque dépassé)' },
  ENOTDIR: { en: 'ENOTDIR (it, or a folder above it, is a file)', fr: 'ENOTDIR (lui, ou un dossier au-dessus, est un fichier)' },
  ENOENT: { en: 'ENOENT (the folder does not exist)', fr: 'ENOENT (le dossier n\'existe pas)' },
  EIO: { en: 'EIO (input/output error on the disk)', fr: 'EIO (erreur d\'entrée/sortie sur le disque)' },
});

/** The system errors a user can meet when writing, said in words after their code. */
const REASONS = {
  EACCES: m.EACCES,
  EPERM: m.EPERM,
  EROFS: m.EROFS,
  ENOSPC: m.ENOSPC,
  EDQUOT: m.EDQUOT,
  ENOTDIR: m.ENOTDIR,
  ENOENT: m.ENOENT,
  EIO: m.EIO,
} as const;

/** Why a write failed: the system's code and what it means, else the error's own message. */
export function writeFailure(error: unknown, lang: Lang): string {
  const code = errorCode(error);
  if (code !== undefined && code in REASONS) return t(REASONS[code as keyof typeof REASONS], lang);
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Private by default: recaps talk about clients and about the user's mistakes. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * Creates a folder (and its parents) readable by the user only. Not with `mkdirSync(…, { recursive:
 * true })`: where the system says a folder is missing and will not make it (inside /proc), Node's
 * recursive mkdir makes the parent and tries again, forever.
 */
export function ensurePrivateDir(dir: string): void {
  makePrivateDir(resolve(dir), 0);
}

function makePrivateDir(dir: string, depth: number): void {
  try {
    mkdirSync(dir, { mode: DIR_MODE });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') {
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a folder, ${dir}`), { code: 'ENOTDIR' });
      return;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth > 200) throw error;
    makePrivateDir(parent, depth + 1);
    // A second ENOENT, with the parent there, is the system refusing: it is thrown as it is.
    mkdirSync(dir, { mode: DIR_MODE });
  }
  chmodSync(dir, DIR_MODE);
}

/**
 * Makes an existing folder of calmclient's private again (0700), and returns the mode it had when
 * others could read, write or enter it; undefined when it was private, is missing, or is not the
 * user's to change (someone else's, or a shared folder with the sticky bit, such as /tmp).
 */
export function tightenDir(dir: string): number | undefined {
  let stats;
  try {
    stats = lstatSync(dir);
  } catch {
    return undefined;
  }
  if (!stats.isDirectory() || (stats.mode & 0o077) === 0 || (stats.mode & 0o1000) !== 0) return undefined;
  if (process.getuid && stats.uid !== process.getuid()) return undefined;
  try {
    chmodSync(dir, DIR_MODE);
  } catch {
    return undefined;
  }
  return stats.mode & 0o7777;
}

/**
 * Temporary files are `.NAME.PID.RANDOM.tmp`, in the folder of the file they become: hidden, named
 * after what they hold (so `forget` finds a client's), and after the process that wrote them (so
 * the next run knows one whose writer is gone).
 */
const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/s;

export function tempPath(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** The name a temporary file was going to become, when `name` is one of calmclient's temporary files. */
export function tempTarget(name: string): string | undefined {
  return TEMP_FILE.exec(name)?.[1];
}

/** `durable`: on disk before it is renamed or linked (what a power cut must not lose); a lock need not be. */
function writeTemp(dir: string, name: string, contents: string, durable = true): string {
  const temp = tempPath(dir, name);
  const fd = openSync(temp, 'wx', FILE_MODE);
  try {
    writeSync(fd, contents);
    if (durable) fsyncSync(fd);
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
 * Gives the complete file `temp` the name `path` if nothing has it yet (EEXIST otherwise). A hard
 * link does it atomically; on a file system without hard links (FAT, some network shares) the
 * bytes are copied, still never over an existing file.
 */
function claim(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    copyFileSync(temp, path, constants.COPYFILE_EXCL);
  }
}

/** Writes `path` only if nothing has that name yet, atomically. Returns false when something has. */
export function writeFileIfAbsent(path: string, contents: string, durable = true): boolean {
  const temp = writeTemp(dirname(path), basename(path), contents, durable);
  try {
    claim(temp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** `recap.md` for the first of a kind, `recap-2.md`, `recap-3.md`… after it. */
export function numberedName(name: string, number: number): string {
  if (number === 1) return name;
  const extension = extname(name);
  return `${name.slice(0, name.length - extension.length)}-${number}${extension}`;
}

const MAX_NUMBER = 10_000;

function taken(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Writes new files named `files[i].path` in `dir`, never replacing one, all with one number: if a
 * name is taken, the whole group moves to `-2`, `-3`… (`recap-2.md` goes with `email-2.md`, even
 * with runs writing into the same folder at once). Each file appears complete or not at all.
 *
 * `reserve` is told the paths before any of them is created, and again if a race moves the group to
 * another number: the caller records them first (the session record lists its files before they
 * exist), so that a crash at any moment leaves no file that no record names.
 *
 * On an error the files already named are removed again, and the error is thrown.
 */
export function writeNewFiles(dir: string, files: readonly RenderedFile[], reserve: (paths: string[]) => void = () => undefined): string[] {
  const temps: string[] = [];
  try {
    for (let number = 1; number <= MAX_NUMBER; number++) {
      const paths = files.map((file) => join(dir, numberedName(file.path, number)));
      if (paths.some(taken)) continue;
      reserve(paths);
      if (temps.length === 0) for (const file of files) temps.push(writeTemp(dir, file.path, file.contents));
      const claimed: string[] = [];
      try {
        paths.forEach((path, index) => {
          claim(temps[index] ?? '', path);
          claimed.push(path);
        });
        return paths;
      } catch (error) {
        for (const path of claimed) rmSync(path, { force: true });
        if (errorCode(error) !== 'EEXIST') throw error;
      }
    }
    throw Object.assign(new Error(`no free name for ${files[0]?.path ?? 'the files'} in ${dir}`), { code: 'EEXIST' });
  } finally {
    for (const temp of temps) rmSync(temp, { force: true });
  }
}

/** Writes a new file named `name` in `dir` (or `name-2`…), never replacing one. Returns its path. */
export function writeNewFile(dir: string, name: string, contents: string): string {
  const [path] = writeNewFiles(dir, [{ path: name, contents }]);
  return path ?? join(dir, name);
}

type Written<T> = { [K in keyof T]: undefined extends T[K] ? string | undefined : string };

/**
 * Writes files all or none, with one number (see `writeNewFiles`): if one cannot be written, those
 * already written are removed again and the user learns which folder failed and why. Returns each
 * file's path under its key; a key whose file is undefined stays undefined. An error `reserve`
 * throws as a CalmError (the session record could not be saved) is passed on as it is.
 */
export function writeFiles<T extends Record<string, RenderedFile | undefined>>(
  dir: string,
  files: T,
  lang: Lang,
  reserve?: (paths: string[]) => void,
): Written<T> {
  const entries = Object.entries(files).filter((entry): entry is [string, RenderedFile] => entry[1] !== undefined);
  try {
    ensurePrivateDir(dir);
    const paths = writeNewFiles(
      dir,
      entries.map(([, file]) => file),
      reserve,
    );
    return Object.fromEntries(entries.map(([key], index) => [key, paths[index]])) as Written<T>;
  } catch (error) {
    if (isCalmError(error)) throw error;
    throw notWritable(dir, error, lang);
  }
}

/** The refusal of a folder calmclient cannot write into, for a caller that writes by other means. */
export function notWritable(dir: string, error: unknown, lang: Lang): UsageError {
  return new UsageError(t(m.notWritable, lang, { dir, reason: writeFailure(error, lang) }));
}

/**
 * Checks, before the first question, that the documents can go into `dir`: nobody should type for
 * ten minutes into a folder that fails. A folder that does not exist yet is made, with its
 * parents, when the files are written: then the nearest folder that exists must take new folders.
 * Returns whether `dir` will be made.
 */
export function checkOutDir(dir: string, lang: Lang): boolean {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const missing = existing !== dir;
  try {
    if (!statSync(existing).isDirectory()) throw new UsageError(t(m.notWritable, lang, { dir, reason: t(m.notDir, lang) }));
    accessSync(existing, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(t(m.notWritable, lang, { dir, reason: t(m.readOnly, lang) }));
  }
  return missing;
}

/**
 * Checks that calmclient can write in its own folder `dir` (made if missing) by writing there, so
 * that a read-only folder, a file in its place or a full disk are found before the first question,
 * not when the answers are to be saved. Nothing is left behind.
 */
export function checkWritableDir(dir: string, lang: Lang): void {
  try {
    ensurePrivateDir(dir);
    const probe = tempPath(dir, 'probe');
    const fd = openSync(probe, 'wx', FILE_MODE);
    try {
      writeSync(fd, 'calmclient checks that it can write here\n');
    } finally {
      closeSync(fd);
      rmSync(probe, { force: true });
    }
  } catch (error) {
    throw notWritable(dir, error, lang);
  }
}

/** A temporary file of a run that was killed is stale; one of a live run is left alone this long at most. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** Whether the process `pid` is still running (on this machine). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed run left in `dir` (those of a process that is gone, or older
 * than STALE_TEMP_MS), and those `also` picks whoever wrote them. Returns the paths removed; a file
 * that cannot be removed is left, and the next run tries again.
 */
export function sweepTemps(dir: string, also: (target: string) => boolean = () => false, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    const stats = lstatSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    const stale = !processAlive(Number(match[2])) || now - stats.mtimeMs > STALE_TEMP_MS;
    if (!stale && !also(match[1] ?? '')) continue;
    try {
      rmSync(path);
      removed.push(path);
    } catch {
      // Left for the next run.
    }
  }
  return removed;
}

/** The names in a folder, or undefined when the folder does not exist (yet). Other failures are thrown. */
export function namesIn(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}
