import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { userPlaybooksDir } from '../paths.js';
import { LANGS, type Lang } from '../types.js';
import { readCompiledPlaybook } from './compiled.js';
import { m } from './messages.js';
import type { Playbook } from './schema.js';

/**
 * Where playbooks sit, and the one way to get one: the built-in playbooks in the package, the
 * user's in their config folder. A built-in playbook comes from its compiled copy (compiled.ts)
 * while its files are unchanged; anything else goes through the loader (load.ts, with yaml and
 * zod), imported only then, so that `start` with a built-in playbook never loads them.
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

export function builtinPlaybookEntries(lang?: Lang): PlaybookEntry[] {
  return entriesIn(builtinPlaybooksDir(), 'built-in', lang);
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
  throw new UsageError(t(m.playbooksUnknown, lang, { id: ref, lang, ids: ids.join(', ') }));
}

/**
 * A playbook from its folder, checking that its `id` and `lang` match its place there; problems
 * are reported in `lang`.
 */
export async function loadPlaybookEntry(entry: PlaybookEntry, lang: Lang): Promise<Playbook> {
  const compiled = entry.origin === 'built-in' ? readCompiledPlaybook(entry.file, `${entry.lang}/${entry.id}.yaml`) : undefined;
  if (compiled) return compiled;
  const { loadPlaybookAt } = await import('./load.js');
  return loadPlaybookAt(entry, lang);
}

/** A playbook file named on the command line, or in a session record; problems are reported in `lang`. */
export async function loadPlaybookPath(file: string, lang: Lang): Promise<Playbook> {
  const builtin = builtinPlaybookEntries().find((entry) => entry.file === resolve(file));
  if (builtin) return loadPlaybookEntry(builtin, lang);
  const { loadPlaybookFile } = await import('./load.js');
  return loadPlaybookFile(file, lang);
}

/**
 * `--playbook crisis` picks the user's playbook `crisis` in `lang` if there is one, else the
 * built-in one; `--playbook ./mine.yaml` a file.
 */
export async function resolvePlaybook(ref: string, lang: Lang): Promise<Playbook> {
  return looksLikePath(ref) ? loadPlaybookPath(ref, lang) : loadPlaybookEntry(findPlaybookEntry(ref, lang), lang);
}
