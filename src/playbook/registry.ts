import { InputError } from '../errors.js';
import { t } from '../i18n.js';
import { loadPlaybookFile } from './load.js';
import { compiledPlaybookOf, findPlaybookEntry, looksLikePath, type PlaybookEntry } from './places.js';
import { tr } from './registry-messages.js';
import type { Playbook } from './schema.js';
import { readUserFile } from '../user-files.js';
import { YamlSource } from '../yaml/source.js';

export {
  builtinPlaybookEntries,
  builtinPlaybookFiles,
  builtinPlaybooksDir,
  isReservedPlaybookId,
  packageRoot,
  playbookEntries,
  strayUserPlaybookFiles,
  type PlaybookEntry,
  type PlaybookOrigin,
} from './places.js';
import type { Lang } from '../types.js';

/** Loads a playbook from its folder, checking that its `id` and `lang` match its place there. */
export function loadPlaybookEntry(entry: PlaybookEntry): Playbook {
  const playbook = compiledPlaybookOf(entry) ?? loadPlaybookFile(entry.file);
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

/**
 * `--playbook crisis` picks the user's playbook `crisis` in the user's language if there is one,
 * else the built-in one; `--playbook ./mine.yaml` a file.
 */
export function resolvePlaybook(ref: string, lang: Lang): Playbook {
  return looksLikePath(ref) ? loadPlaybookFile(ref) : loadPlaybookEntry(findPlaybookEntry(ref, lang));
}
