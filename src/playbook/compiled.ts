import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { digestOf, readBuildOutput } from '../build-output.js';
import type { Playbook } from './schema.js';

/**
 * The built-in playbooks, loaded and checked once at build time (scripts/compile-playbooks.ts
 * writes dist/playbooks.json beside the bundle): parsing a 20 KB playbook with the YAML library
 * costs a crisis run about as much as everything else together. An entry is used only while the
 * digest of the playbook file and its template files still matches, so an edited playbook is
 * always read afresh. Run from src/ (tests), there is no such file beside the code: nothing is used.
 */

/** A template as the playbook gives it: its text, or the file that holds it (read from there, not stored twice). */
export type CompiledTemplate = { text: string } | { file: string };

export interface CompiledPlaybook {
  /** SHA-256 of the playbook file, then of its template files (recap, then e-mail body). */
  digest: string;
  playbook: Omit<Playbook, 'source' | 'templates'>;
  templates: { recap: CompiledTemplate; emailSubject: string; emailBody: CompiledTemplate };
}

/** Keyed by the playbook's path relative to the built-in playbooks folder, `/`-separated: `en/crisis.yaml`. */
export type CompiledPlaybooks = Record<string, CompiledPlaybook>;

export const COMPILED_PLAYBOOKS_FILE = 'playbooks.json';

/** The template files of a compiled playbook, in digest order. */
export function templateFilesOf(templates: CompiledPlaybook['templates']): string[] {
  return [templates.recap, templates.emailBody].flatMap((template) => ('file' in template ? [template.file] : []));
}

/** The compiled form of the built-in playbook `file` (`key` as in `CompiledPlaybooks`), if still current. */
export function readCompiledPlaybook(file: string, key: string, compiled: Partial<CompiledPlaybooks> = readBuildOutput<CompiledPlaybooks>(COMPILED_PLAYBOOKS_FILE)): Playbook | undefined {
  const entry = compiled[key];
  if (!entry) return undefined;
  const read = new Map<string, string>();
  try {
    for (const name of templateFilesOf(entry.templates)) read.set(name, readFileSync(resolve(dirname(file), name), 'utf8'));
    if (digestOf([readFileSync(file, 'utf8'), ...read.values()]) !== entry.digest) return undefined;
  } catch {
    return undefined;
  }
  // As the loader reads a template file: without a byte-order mark, with \n line ends.
  const text = (template: CompiledTemplate): string =>
    'text' in template ? template.text : (read.get(template.file) ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const templates = { recap: text(entry.templates.recap), emailSubject: entry.templates.emailSubject, emailBody: text(entry.templates.emailBody) };
  return { ...entry.playbook, templates, source: file };
}
