import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { userPlaybooksDir } from '../store/paths.js';
import { readCompiledPlaybook } from './compiled.js';
import { loadPlaybookFile } from './load.js';
import { tr } from './registry-messages.js';
import { LANGS, type Lang, type Playbook } from './schema.js';
import { readUserFile, YamlSource } from './source.js';

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

/** Loads a playbook from its folder, checking that its `id` and `lang` match its place there. */
export function loadPlaybookEntry(entry: PlaybookEntry): Playbook {
  const compiled = entry.origin === 'built-in' ? readCompiledPlaybook(entry.file, `${entry.lang}/${entry.id}.yaml`) : undefined;
  const playbook = compiled ?? loadPlaybookFile(entry.file);
  const mismatch =
    playbook.lang !== entry.lang
      ? { path: ['lang'], message: t('playbook.lang', { actual: playbook.lang, expected: entry.lang }) }
      : playbook.id !== entry.id
        ? { path: ['id'], message: tr('registry.idMismatch', { id: playbook.id, name: entry.id }) }
        : undefined;
  if (mismatch) {
    const problem = YamlSource.parse(entry.file, readUserFile(entry.file)).problemAtPath(mismatch.path, mismatch.message);
    throw new InputError(problem.message, [problem]);
  }
  return playbook;
}

function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/**
 * `--playbook crisis` picks the user's playbook `crisis` in the user's language if there is one,
 * else the built-in one; `--playbook ./mine.yaml` a file.
 */
export function resolvePlaybook(ref: string, lang: Lang): Playbook {
  if (looksLikePath(ref)) return loadPlaybookFile(ref);
  const entries = playbookEntries(lang);
  const found = entries.find((entry) => entry.id === ref && entry.origin === 'user') ?? entries.find((entry) => entry.id === ref);
  if (found) return loadPlaybookEntry(found);
  const ids = [...new Set(entries.map((entry) => entry.id))].sort();
  throw new UsageError(t('playbooks.unknown', { id: ref, lang, ids: ids.join(', ') }));
}
