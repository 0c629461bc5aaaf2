import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

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
