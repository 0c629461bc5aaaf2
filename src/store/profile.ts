import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { parseMailbox } from '../text/email-address.js';
import { LANGS, type Lang } from '../types.js';
import { readUserFile } from '../user-files.js';
import { ensurePrivateDir, writeFileAtomic } from './files.js';

/**
 * The user's own profile: who signs the e-mails (name, address, phone, signature) and the defaults
 * the commands use when no flag is given (`lang`, `out`). One private JSON file, `config.json`, in
 * the config folder (`CALMCLIENT_HOME` when set). `calmclient config` reads and writes it; the walk
 * asks the missing signature the first time an e-mail needs one.
 */

export const PROFILE_KEYS = ['name', 'email', 'phone', 'signature', 'lang', 'out'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];
export type Profile = Partial<Record<ProfileKey, string>>;

export const PROFILE_FILE = 'config.json';

const m = catalogue({
  unknownKey: {
    en: 'unknown key "{key}": the keys are {keys}',
    fr: 'clé « {key} » inconnue : les clés sont {keys}',
  },
  empty: { en: '{key}: the value is empty', fr: '{key} : la valeur est vide' },
  email: {
    en: 'email: "{value}" is not an email address (example: camille@example.com)',
    fr: 'email : « {value} » n\'est pas une adresse e-mail (exemple : camille@exemple.fr)',
  },
  phone: {
    en: 'phone: "{value}" is not a phone number (digits, spaces, + . - ( ) only)',
    fr: 'phone : « {value} » n\'est pas un numéro de téléphone (chiffres, espaces, + . - ( ) seulement)',
  },
  lang: { en: 'lang: "{value}" is not a language calmclient speaks: use {langs}', fr: 'lang : « {value} » n\'est pas une langue de calmclient : utilisez {langs}' },
  oneLine: { en: '{key}: one line only', fr: '{key} : une seule ligne' },
  control: { en: '{key}: the value holds control characters', fr: '{key} : la valeur contient des caractères de contrôle' },
  badFile: {
    en: '{file}: not a calmclient profile (a JSON object of {keys}); fix it or delete it',
    fr: '{file} : ce n\'est pas un profil calmclient (un objet JSON de {keys}) ; corrigez-le ou supprimez-le',
  },
});

export function isProfileKey(key: string): key is ProfileKey {
  return (PROFILE_KEYS as readonly string[]).includes(key);
}

export function profilePath(configDir: string): string {
  return join(configDir, PROFILE_FILE);
}

/** The profile, or an empty one when there is none yet. A damaged file is a located error, never silently dropped. */
export function readProfile(configDir: string, lang: Lang): Profile {
  const file = profilePath(configDir);
  if (!existsSync(file)) return {};
  const text = readUserFile(file, lang);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(t(m.badFile, lang, { file, keys: PROFILE_KEYS.join(', ') }));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InputError(t(m.badFile, lang, { file, keys: PROFILE_KEYS.join(', ') }));
  const profile: Profile = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    // Keys a later calmclient may add are left alone; a known key must hold text.
    if (!isProfileKey(key)) continue;
    if (typeof value !== 'string') throw new InputError(t(m.badFile, lang, { file, keys: PROFILE_KEYS.join(', ') }));
    if (value !== '') profile[key] = value;
  }
  return profile;
}

/** Writes the whole profile, atomically, readable by the user only. */
export function writeProfile(configDir: string, profile: Profile): string {
  ensurePrivateDir(configDir);
  const file = profilePath(configDir);
  const ordered = Object.fromEntries(PROFILE_KEYS.flatMap((key) => (profile[key] === undefined ? [] : [[key, profile[key]]])));
  writeFileAtomic(file, `${JSON.stringify(ordered, null, 2)}\n`);
  return file;
}

/**
 * A value for `key` as the user typed it, checked and normalised: an e-mail address keeps only the
 * address, a language must be one calmclient speaks, an output folder becomes absolute (resolved
 * from `cwd`). Throws a UsageError that names the key and says what is expected.
 */
export function normaliseProfileValue(key: ProfileKey, raw: string, lang: Lang, cwd: string = process.cwd()): string {
  const value = raw.trim();
  if (value === '') throw new UsageError(t(m.empty, lang, { key }));
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) throw new UsageError(t(m.control, lang, { key }));
  if (key !== 'signature' && value.includes('\n')) throw new UsageError(t(m.oneLine, lang, { key }));
  switch (key) {
    case 'email': {
      const mailbox = parseMailbox(value);
      if (!mailbox) throw new UsageError(t(m.email, lang, { value }));
      return mailbox.address;
    }
    case 'phone':
      if (!isPhone(value)) throw new UsageError(t(m.phone, lang, { value }));
      return value.replace(/\s+/g, ' ');
    case 'lang':
      if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(t(m.lang, lang, { value, langs: LANGS.join(', ') }));
      return value;
    case 'out':
      return resolve(cwd, value);
    case 'name':
      return value.replace(/\s+/g, ' ');
    case 'signature':
      return value
        .split('\n')
        .map((line) => line.trim())
        .join('\n');
  }
}

/** Digits with the separators people write in phone numbers, at least four digits. */
export function isPhone(value: string): boolean {
  return /^\+?[\d\s.()\-/]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 4;
}

/** A key of the profile that does not exist, said with the list of those that do. */
export function unknownProfileKey(key: string, lang: Lang): UsageError {
  return new UsageError(t(m.unknownKey, lang, { key, keys: PROFILE_KEYS.join(', ') }));
}

/** The signature an e-mail ends with: the one set, else the name. */
export function signatureOf(profile: Profile): string | undefined {
  return profile.signature ?? profile.name;
}
