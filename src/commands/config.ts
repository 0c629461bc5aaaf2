import { ExitCode } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { configDir } from '../paths.js';
import {
  isProfileKey,
  normaliseProfileValue,
  PROFILE_KEYS,
  readProfile,
  unknownProfileKey,
  writeProfile,
  type ProfileKey,
} from '../store/profile.js';
import { printInfo, printResult } from '../terminal/output.js';
import type { Lang } from '../types.js';

/**
 * `calmclient config`: the user's profile and defaults, as `npm config` and `gh config` manage
 * theirs. `set KEY VALUE` checks and stores a value and says nothing, `get KEY` prints it (nothing
 * when unset, for scripts), `unset KEY` removes it, `list` prints `key=value` lines (`--json`: one
 * object). The file is `config.json` in the config folder (`CALMCLIENT_HOME` when set).
 */

export interface ConfigListOptions {
  json?: boolean;
}

const m = catalogue({
  notSet: { en: '{key} was not set.', fr: '{key} n\'était pas défini.' },
  empty: {
    en: 'Nothing set yet. The keys: {keys}. Example: calmclient config set name "Camille Martin"',
    fr: 'Rien de défini pour l\'instant. Les clés : {keys}. Exemple : calmclient config set name "Camille Martin"',
  },
});

function key(raw: string, lang: Lang): ProfileKey {
  const name = raw.trim().toLowerCase();
  if (!isProfileKey(name)) throw unknownProfileKey(raw, lang);
  return name;
}

export async function set(rawKey: string, value: string, lang: Lang): Promise<ExitCode> {
  const name = key(rawKey, lang);
  const dir = configDir();
  const profile = readProfile(dir, lang);
  profile[name] = normaliseProfileValue(name, value, lang);
  // Silent on success, as npm config and gh config are.
  writeProfile(dir, profile);
  return ExitCode.ok;
}

export async function get(rawKey: string, lang: Lang): Promise<ExitCode> {
  const value = readProfile(configDir(), lang)[key(rawKey, lang)];
  if (value !== undefined) printResult(value);
  return ExitCode.ok;
}

export async function unset(rawKey: string, lang: Lang): Promise<ExitCode> {
  const name = key(rawKey, lang);
  const dir = configDir();
  const profile = readProfile(dir, lang);
  if (profile[name] === undefined) {
    printInfo(t(m.notSet, lang, { key: name }));
    return ExitCode.ok;
  }
  delete profile[name];
  writeProfile(dir, profile);
  return ExitCode.ok;
}

export async function list(options: ConfigListOptions, lang: Lang): Promise<ExitCode> {
  const dir = configDir();
  const profile = readProfile(dir, lang);
  if (options.json) {
    printResult(JSON.stringify(profile, null, 2));
    return ExitCode.ok;
  }
  const set = PROFILE_KEYS.filter((name) => profile[name] !== undefined);
  if (set.length === 0) {
    printInfo(t(m.empty, lang, { keys: PROFILE_KEYS.join(', ') }));
    return ExitCode.ok;
  }
  // A multi-line signature keeps its line breaks visible as \n, so that each key stays on one line.
  for (const name of set) printResult(`${name}=${(profile[name] ?? '').replace(/\n/g, '\\n')}`);
  return ExitCode.ok;
}
