import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Playbook } from './schema.js';

/**
 * The built-in playbooks, loaded and checked once at build time (scripts/compile-playbooks.ts
 * writes dist/playbooks.json beside the bundle): parsing a 20 KB playbook with the YAML library
 * costs a crisis run about as much as everything else together. An entry is used only while the
 * digest of the playbook file and its template files still matches, so an edited playbook is
 * always read afresh. Run from src/ (tests), there is no such file beside the code: nothing is used.
 */

export interface CompiledPlaybook {
  /** SHA-256 of the playbook file and its template files, in `files` order. */
  digest: string;
  /** The template files, relative to the playbook file. */
  files: string[];
  playbook: Omit<Playbook, 'source'>;
}

/** Keyed by the playbook's path relative to the built-in playbooks folder, `/`-separated: `en/crisis.yaml`. */
export type CompiledPlaybooks = Record<string, CompiledPlaybook>;

export const COMPILED_PLAYBOOKS_FILE = 'playbooks.json';

export function digestOf(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex');
}

let shipped: CompiledPlaybooks | undefined;

function compiledPlaybooks(): CompiledPlaybooks {
  if (shipped === undefined) {
    const file = new URL(`./${COMPILED_PLAYBOOKS_FILE}`, import.meta.url);
    shipped = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CompiledPlaybooks) : {};
  }
  return shipped;
}

/** The compiled form of the built-in playbook `file` (`key` as in `CompiledPlaybooks`), if still current. */
export function readCompiledPlaybook(file: string, key: string, compiled: CompiledPlaybooks = compiledPlaybooks()): Playbook | undefined {
  const entry = compiled[key];
  if (!entry) return undefined;
  let texts: string[];
  try {
    texts = [file, ...entry.files.map((name) => resolve(dirname(file), name))].map((path) => readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  return digestOf(texts) === entry.digest ? { ...entry.playbook, source: file } : undefined;
}
