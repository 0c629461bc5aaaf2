import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from './files.js';

/**
 * Which advice steps the user has read, so that they open folded on later runs: the file
 * `advice-read.json` in the data folder, `{ "version": 1, "read": ["crisis/listen", …] }`, one
 * entry per playbook id and step id (the same advice in French and in English is read once).
 * It holds nothing about clients. A missing or damaged file is an empty list: forgetting which
 * advice was read only shows it again.
 */

export const ADVICE_READ_FILE = 'advice-read.json';

export function adviceKey(playbookId: string, stepId: string): string {
  return `${playbookId}/${stepId}`;
}

export function readAdviceRead(root: string): Set<string> {
  try {
    const data: unknown = JSON.parse(readFileSync(join(root, ADVICE_READ_FILE), 'utf8'));
    const read = data !== null && typeof data === 'object' && 'read' in data ? data.read : undefined;
    return new Set(Array.isArray(read) ? read.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Saves the list. A folder that cannot be written is not a reason to stop a call: the session's
 * own record, saved to the same folder, says so when it fails.
 */
export function saveAdviceRead(root: string, read: ReadonlySet<string>): void {
  try {
    ensurePrivateDir(root);
    writeFileAtomic(join(root, ADVICE_READ_FILE), `${JSON.stringify({ version: 1, read: [...read].sort() }, null, 2)}\n`);
  } catch {
    // See above.
  }
}
