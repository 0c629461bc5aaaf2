import type { Lang } from '../types.js';

/**
 * The message tables of the reply checker (src/check/), from before the catalogues of
 * ./catalogue.ts: keys looked up in a language set once per run by cli.ts. The checker moves to
 * catalogues with the rest of its work (issue 16); nothing else may use this module.
 */

let current: Lang = 'en';

/** Set once by cli.ts, for the checker's messages. */
export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

export type MessageVars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: MessageVars, lang?: Lang) => string;

/** A message table in both languages; French must have every English key. */
export function defineMessages<K extends string>(en: Record<K, string>, fr: Record<K, string>): Translate<K> {
  const tables: Record<Lang, Record<K, string>> = { en, fr };
  return (key, vars = {}, lang = current) =>
    tables[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The one shared message the checker's rules schema uses. */
export const t = defineMessages({ 'schema.empty': 'must not be empty' }, { 'schema.empty': 'ne doit pas être vide' });
