import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * What the build compiles from the built-in data files and writes beside the bundle (dist/), as
 * JSON: the playbooks (playbook/compiled.ts) and the reply rules (check/compiled.ts), whose
 * automata are a binary file of their own. Each entry carries the digest of the files it came
 * from, and is used only while they are unchanged.
 */

export function digestOf(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex');
}

const buildOutputs = new Map<string, unknown>();

/**
 * A JSON file the build wrote beside the bundle (`name` in dist/), read once; `{}` when there is
 * none, as when the code runs from src/.
 */
export function readBuildOutput<T extends object>(name: string): Partial<T> {
  if (!buildOutputs.has(name)) {
    const bytes = readBuildBytes(name);
    buildOutputs.set(name, bytes ? JSON.parse(bytes.toString('utf8')) : {});
  }
  return buildOutputs.get(name) as Partial<T>;
}

/** A file the build wrote beside the bundle (`name` in dist/), or undefined when there is none. */
export function readBuildBytes(name: string): Buffer | undefined {
  const file = new URL(`./${name}`, import.meta.url);
  return existsSync(file) ? readFileSync(file) : undefined;
}
