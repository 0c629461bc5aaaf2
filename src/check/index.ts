import { join } from 'node:path';
import { InputError } from '../errors.js';
import { builtinPlaybooksDir } from '../playbook/registry.js';
import type { Lang } from '../playbook/schema.js';
import { readUserFile } from '../playbook/source.js';
import { readCompiledRules } from './compiled.js';
import { m } from './messages.js';
import type { Finding, RuleSet } from './model.js';
import { parseRules } from './rules.js';
import { checkText } from './run.js';

export type { Finding, RuleSet } from './model.js';

/**
 * What other commands call: `checkDraft(text, { lang })` checks a draft against the built-in
 * rules of its language. The checking itself (src/check/run.ts) is pure; this module only reads
 * the rules files, once per language.
 */

export interface CheckDraftOptions {
  lang: Lang;
  /** Defaults to the built-in rules of `lang`. */
  rules?: RuleSet;
}

export function checkDraft(text: string, options: CheckDraftOptions): Finding[] {
  return checkText(text, options.rules ?? builtinRules(options.lang), options.lang);
}

const builtins = new Map<Lang, RuleSet>();

/** `playbooks/<lang>/reply-rules.yaml`, loaded and compiled on first use. */
export function builtinRules(lang: Lang): RuleSet {
  const cached = builtins.get(lang);
  if (cached) return cached;
  const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
  const text = readUserFile(file);
  // Their examples run in the tests (tests/unit/check-rules.test.ts) and the build, not on every start.
  const compile = (): RuleSet => parseRules(file, text, { verifyExamples: false });
  const rules = readCompiledRules(`${lang}/reply-rules.yaml`, text, compile) ?? compile();
  if (rules.lang !== lang) {
    const message = rules.lang ? m('rules.lang', { actual: rules.lang, expected: lang }) : m('rules.langMissing', { expected: lang });
    throw new InputError(message, [{ file, line: 1, col: 1, message }]);
  }
  builtins.set(lang, rules);
  return rules;
}

/** A user's rules file, whose patterns may use the names (lists, rules) of `base`. */
export function loadRulesFile(file: string, base: RuleSet): RuleSet {
  return parseRules(file, readUserFile(file), { base });
}

/** The base rules with the user's added; a user rule with the id of a built-in one replaces it. */
export function withUserRules(base: RuleSet, user: RuleSet): RuleSet {
  const replaced = new Set(user.rules.map((rule) => rule.id));
  return {
    ...(base.lang ? { lang: base.lang } : {}),
    rules: [...base.rules.filter((rule) => !replaced.has(rule.id)), ...user.rules],
    // The user's names already fall back to the base ones (see parseRules' `base`).
    fragment: user.fragment,
  };
}
