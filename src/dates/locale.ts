import type { DateOrder } from './resolve.js';

/**
 * Which way round the user writes `12/11`: day first in French and British English, month first
 * in US English. Taken from the locale of dates (`LC_ALL`, then `LC_TIME`, then `LANG`, the first
 * one set, as POSIX orders them); the caller passes the environment, so this stays pure.
 */

/** By language code, the territories that write the month first: English in the United States and the places that follow its usage. */
const MONTH_FIRST: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['US', 'PH', 'PR', 'GU', 'AS', 'MP', 'UM', 'VI', 'FM', 'MH', 'PW']),
};

/** `en_US.UTF-8` → `mdy`; `fr_FR`, `en_GB`, `en_IE@euro`, `de-CH` → `dmy`; `C`, `POSIX`, `''` → undefined (no say). */
export function dateOrderOfLocale(locale: string | undefined): DateOrder | undefined {
  if (locale === undefined) return undefined;
  const match = /^([a-zA-Z]{2,3})(?:[_-]([a-zA-Z]{2}|\d{3}))?/.exec(locale.trim());
  if (!match || /^(c|posix)$/i.test(locale.trim().split('.')[0] ?? '')) return undefined;
  const code = (match[1] ?? '').toLowerCase();
  const territory = (match[2] ?? '').toUpperCase();
  const monthFirst = MONTH_FIRST[code];
  // `en` alone says nothing of the territory, and English is written both ways.
  if (monthFirst && territory === '') return undefined;
  return monthFirst?.has(territory) ? 'mdy' : 'dmy';
}

/** The order from the environment's locale variables; day first when they say nothing (`C`, unset). */
export function dateOrderFromEnv(env: Readonly<Record<string, string | undefined>>): DateOrder {
  for (const name of ['LC_ALL', 'LC_TIME', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') return dateOrderOfLocale(value) ?? 'dmy';
  }
  return 'dmy';
}
