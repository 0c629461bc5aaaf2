import { LANGS, type Lang } from '../types.js';

/**
 * The language of a run: `--lang`, then `CALMCLIENT_LANG`, then the locale (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`: a value starting with `fr` gives French), else English. cli.ts works it
 * out once and passes it down; nothing below reads it from anywhere else.
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag !== undefined) return parseLang(flag);
  const fromEnv = env.CALMCLIENT_LANG?.trim();
  if (fromEnv) return fromEnv.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]?.trim();
    if (value) return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
  return 'en';
}

export function parseLang(value: string): Lang {
  const lang = LANGS.find((known) => known === value.trim().toLowerCase());
  if (lang === undefined) throw new LangError(value);
  return lang;
}

/** `--lang` names a language calmclient does not speak. */
export class LangError extends Error {
  constructor(readonly value: string) {
    super(`unknown language "${value}"`);
  }
}

/** Pre-reads `--lang X` / `--lang=X` so that even `--help` speaks the user's language. */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') return argv[i + 1];
    if (arg?.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
