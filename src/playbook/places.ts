import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { userPlaybooksDir } from '../store/paths.js';
import { readCompiledPlaybook } from './compiled.js';
import { LANGS } from '../types.js';
import type { Playbook } from './schema.js';
import type { Lang } from '../types.js';

/**
 * Where playbooks sit: the built-in ones in the package, the user's in their config folder. Kept
 * apart from the loader (registry.ts re-exports all of it) so that `start` can find a built-in
 * playbook, compiled at build time, without loading the YAML schema checks and zod.
 */

/** YAML files in `playbooks/<lang>/` that hold other data than playbooks. */
const OTHER_DATA = new Set(['tips', 'reply-rules']);

/** Ids a playbook cannot take: their files hold other data. */
export const isReservedPlaybookId = (id: string): boolean => OTHER_DATA.has(id);

/** The package's root folder, wherever the code runs from (src/ in tests, dist/ when built). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"name":\s*"calmclient"/.test(readFileSync(manifest, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('calmclient package root not found');
    dir = parent;
  }
}

export function builtinPlaybooksDir(): string {
  return join(packageRoot(), 'playbooks');
}

export function builtinPlaybookFiles(lang?: Lang): string[] {
  return builtinPlaybookEntries(lang).map((entry) => entry.file);
}

export function builtinPlaybookEntries(lang?: Lang): PlaybookEntry[] {
  return entriesIn(builtinPlaybooksDir(), 'built-in', lang);
}

export type PlaybookOrigin = 'user' | 'built-in';

/** A playbook file in a playbooks folder, where it sits at `<lang>/<id>.yaml`. */
export interface PlaybookEntry {
  id: string;
  lang: Lang;
  origin: PlaybookOrigin;
  file: string;
}

function entriesIn(root: string, origin: PlaybookOrigin, lang?: Lang): PlaybookEntry[] {
  return (lang ? [lang] : [...LANGS]).flatMap((language) => {
    const dir = join(root, language);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') && !OTHER_DATA.has(basename(name, '.yaml')))
      .sort()
      .map((name) => ({ id: basename(name, '.yaml'), lang: language, origin, file: join(dir, name) }));
  });
}

/**
 * The built-in playbooks, then the user's (see `userPlaybooksDir`), language by language. A user
 * playbook with the id and language of a built-in one replaces it for `--playbook ID`.
 */
export function playbookEntries(lang?: Lang): PlaybookEntry[] {
  return (lang ? [lang] : [...LANGS]).flatMap((language) => [
    ...builtinPlaybookEntries(language),
    ...entriesIn(userPlaybooksDir(), 'user', language),
  ]);
}

/** YAML files put directly in the user's playbooks folder, where calmclient does not look. */
export function strayUserPlaybookFiles(): string[] {
  const dir = userPlaybooksDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/** The playbook `--playbook ID` means: the user's with that id in that language, else the built-in one. */
export function findPlaybookEntry(ref: string, lang: Lang): PlaybookEntry {
  const entries = playbookEntries(lang);
  const found = entries.find((entry) => entry.id === ref && entry.origin === 'user') ?? entries.find((entry) => entry.id === ref);
  if (found) return found;
  const ids = [...new Set(entries.map((entry) => entry.id))].sort();
  throw new UsageError(t('playbooks.unknown', { id: ref, lang, ids: ids.join(', ') }));
}

/** The compiled form of a built-in playbook (see compiled.ts), while its files are unchanged. */
export function compiledPlaybookOf(entry: PlaybookEntry): Playbook | undefined {
  return entry.origin === 'built-in' ? readCompiledPlaybook(entry.file, `${entry.lang}/${entry.id}.yaml`) : undefined;
}

/**
 * `resolvePlaybook` for commands that run one playbook: a built-in playbook compiled at build time
 * comes without loading the loader; anything else (a file, one of the user's, an edited built-in
 * one) goes through the loader, imported then.
 */
export async function resolvePlaybookLazily(ref: string, lang: Lang): Promise<Playbook> {
  const compiled = looksLikePath(ref) ? undefined : compiledPlaybookOf(findPlaybookEntry(ref, lang));
  if (compiled) return compiled;
  const { resolvePlaybook } = await import('./registry.js');
  return resolvePlaybook(ref, lang);
}
