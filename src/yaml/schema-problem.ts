import type * as z from 'zod';
import type { SourceProblem } from '../errors.js';
import { t } from '../i18n.js';
import type { YamlSource } from './source.js';

/** A zod issue's path, as the YAML document's keys: zod never gives symbols for parsed YAML. */
export function issuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((key): key is string | number => typeof key !== 'symbol');
}

/**
 * A schema problem located in the YAML file it came from: an unknown key points at the key, a
 * missing one at the map that lacks it, anything else at the value, with zod's own message.
 */
export function schemaProblem(source: YamlSource, data: unknown, issue: z.core.$ZodIssue): SourceProblem {
  const path = issuePath(issue);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return source.problemAtNode(source.keyNodeAt(path, key) ?? source.nodeAt(path), t('playbook.unknownField', { key }));
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
    const key = String(path[path.length - 1] ?? '');
    return source.problemAtPath(path, t('playbook.missingField', { key }));
  }
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
