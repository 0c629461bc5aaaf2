import { hostname } from 'node:os';
import { join } from 'node:path';
import { linkSync, lstatSync, readFileSync, renameSync, rmSync, utimesSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sessionsDir } from '../paths.js';
import { errorCode } from '../user-files.js';
import { processAlive, writeFileIfAbsent } from './files.js';

/**
 * A session open in one calmclient at a time: `sessions/<id>.lock` says who has it (process, machine,
 * since when). A second `--resume` of the same draft is refused while the first runs; a lock whose
 * process is gone (killed, the machine restarted), or that nobody touched for LOCK_MAX_IDLE_MS, is
 * stale and taken over.
 */

export interface LockOwner {
  pid: number;
  host: string;
  /** An ISO timestamp. */
  since: string;
  command: string;
}

/** A lock untouched this long is stale even if its process seems alive (a pid reused, another machine). */
export const LOCK_MAX_IDLE_MS = 12 * 60 * 60 * 1000;

export function lockPath(root: string, id: string): string {
  return join(sessionsDir(root), `${id}.lock`);
}

/** A lock this process holds. */
export class SessionLock {
  /** A run that ends any way but killed gives its lock back. */
  private readonly onExit = (): void => this.release();

  constructor(
    readonly path: string,
    readonly owner: LockOwner,
  ) {
    process.once('exit', this.onExit);
  }

  /** Marks the lock as in use (each saved answer does), so that a long session never looks idle. */
  refresh(): void {
    try {
      const now = new Date();
      utimesSync(this.path, now, now);
    } catch {
      // A lock that cannot be touched is still held; at worst it looks idle sooner.
    }
  }

  /** Gives the session back; a lock another process took over in the meantime is left to it. */
  release(): void {
    process.off('exit', this.onExit);
    const holder = readOwner(this.path);
    if (holder && holder.pid === this.owner.pid && holder.since === this.owner.since && holder.host === this.owner.host)
      rmSync(this.path, { force: true });
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (data === null || typeof data !== 'object') return undefined;
    const { pid, host, since, command } = data as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof since !== 'string') return undefined;
    return { pid, host, since, command: typeof command === 'string' ? command : '' };
  } catch {
    return undefined;
  }
}

/** Whether the lock at `path`, held by `owner` (undefined: unreadable), can be taken over. */
function stale(path: string, owner: LockOwner | undefined, now: number): boolean {
  const touched = lstatSync(path, { throwIfNoEntry: false })?.mtimeMs;
  if (touched === undefined) return true;
  if (now - touched > LOCK_MAX_IDLE_MS) return true;
  if (!owner) return true;
  return owner.host === hostname() && !processAlive(owner.pid);
}

/** The live lock on session `id`, if another process holds one. */
export function lockHolder(root: string, id: string, now = Date.now()): LockOwner | undefined {
  const path = lockPath(root, id);
  const owner = readOwner(path);
  if (!owner || owner.pid === process.pid || stale(path, owner, now)) return undefined;
  return owner;
}

/**
 * Takes session `id` for this process: the lock, or the owner of the live lock that stands in the
 * way. A stale lock is moved aside before it is removed, so that two runs taking it over at once
 * cannot both win: the one that finds a fresh lock in its hands puts it back and gives way.
 */
export function lockSession(root: string, id: string, command: string, now = new Date()): SessionLock | LockOwner {
  const path = lockPath(root, id);
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString(), command };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (writeFileIfAbsent(path, `${JSON.stringify(owner)}\n`, false)) return new SessionLock(path, owner);
    const holder = readOwner(path);
    if (!stale(path, holder, now.getTime())) return holder ?? UNKNOWN;
    const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = readOwner(aside);
    const same = moved?.pid === holder?.pid && moved?.since === holder?.since && moved?.host === holder?.host;
    if (!same && moved && !stale(aside, moved, now.getTime())) {
      try {
        linkSync(aside, path);
      } catch {
        // Someone else holds it now: they are the owner either way.
      }
      rmSync(aside, { force: true });
      return moved;
    }
    rmSync(aside, { force: true });
  }
  return readOwner(path) ?? UNKNOWN;
}

/** The owner of a lock that could not be read back, while it keeps changing hands. */
const UNKNOWN: LockOwner = { pid: 0, host: '', since: '', command: '' };
