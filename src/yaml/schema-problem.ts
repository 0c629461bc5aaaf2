import * as z from 'zod';
import { en as zodEnglish, fr as zodFrench } from 'zod/locales';
import type { SourceProblem } from '../errors.js';
import { t, type Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { m } from './messages.js';
import type { YamlSource } from './source.js';

/** A zod issue's path, as the YAML document's keys: zod never gives symbols for parsed YAML. */
export function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((key): key is string | number => typeof key !== 'symbol');
}

/**
 * A schema problem located in the YAML file it came from: an unknown key points at the key, a
 * missing one at the map that lacks it, anything else at the value. A schema states its own
 * messages as the keys of `messages` (`{ error: 'snakeCase' }`), said here in the file's language;
 * any other message is zod's own, in the language zod was configured with (`zodLocale`).
 */
export function schemaProblem(source: YamlSource, data: unknown, issue: z.core.$ZodIssue, messages: Catalogue = {}): SourceProblem {
  const path = issuePath(issue);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return source.problemAtNode(source.keyNodeAt(path, key) ?? source.nodeAt(path), t(m.unknownField, source.lang, { key }));
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
    const key = String(path[path.length - 1] ?? '');
    return source.problemAtPath(path, t(m.missingField, source.lang, { key }));
  }
  const own = Object.hasOwn(messages, issue.message) ? messages[issue.message] : undefined;
  if (own) return source.problemAtPath(path, t(own, source.lang));
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  return source.problemAtPath(path, `${where}${issue.message}`);
}

/** The value at `path` in plain data, or undefined when there is none. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

const ZOD_LOCALES: Record<Lang, typeof zodEnglish> = { en: zodEnglish, fr: zodFrench };

/** zod's own messages (a wrong type, a too short list) in `lang`, for the next parse. */
export function useZodLanguage(lang: Lang): void {
  z.config(ZOD_LOCALES[lang]());
}
