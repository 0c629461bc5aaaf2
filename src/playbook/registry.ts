import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { loadPlaybookFile } from './load.js';
import { LANGS, type Lang, type Playbook } from './schema.js';

/** YAML files in `playbooks/<lang>/` that hold other data than playbooks. */
const OTHER_DATA = new Set(['tips', 'reply-rules']);

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
  const root = builtinPlaybooksDir();
  return (lang ? [lang] : [...LANGS]).flatMap((language) => {
    const dir = join(root, language);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') && !OTHER_DATA.has(name.slice(0, -'.yaml'.length)))
      .sort()
      .map((name) => join(dir, name));
  });
}

function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/** `--playbook crisis` picks the built-in in the user's language; `--playbook ./mine.yaml` a file. */
export function resolvePlaybook(ref: string, lang: Lang): Playbook {
  if (looksLikePath(ref)) return loadPlaybookFile(ref);
  const file = join(builtinPlaybooksDir(), lang, `${ref}.yaml`);
  if (!OTHER_DATA.has(ref) && existsSync(file)) return loadPlaybookFile(file);
  const ids = builtinPlaybookFiles(lang).map((path) => basename(path, '.yaml'));
  throw new UsageError(t('playbooks.unknown', { id: ref, lang, ids: ids.join(', ') }));
}
