import { join } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { builtinPlaybooksDir } from '../playbook/registry.js';
import { readUserFile } from '../user-files.js';
import { readCompiledRules } from './compiled.js';
import { m, type Day } from './messages.js';
import type { Finding, RuleSet } from './model.js';
import { checkText } from './run.js';
import type { Lang } from '../types.js';

export type { Finding, RuleSet } from './model.js';
export type { Day } from './messages.js';

/**
 * What other commands call: `await checkDraft(text, { lang })` checks a draft against the built-in
 * rules of its language. The checking itself (src/check/run.ts) is pure; this module only reads
 * the rules files, once per language. Rules come compiled from the build (dist/reply-rules.<lang>.json);
 * the rules compiler (rules.ts, with zod and yaml) is loaded only for a rules file without a
 * current compiled form: a user's, or a built-in one edited since the build.
 */

export interface CheckDraftOptions {
  lang: Lang;
  /** Defaults to the built-in rules of `lang`. */
  rules?: RuleSet;
  /**
   * The day the draft is written (default: today): dates in it are placed against it (a date
   * before it is past, not a next step), and example dates in messages fall after it.
   */
  reference?: Day;
}

export async function checkDraft(text: string, options: CheckDraftOptions): Promise<Finding[]> {
  const rules = options.rules ?? (await builtinRules(options.lang));
  return options.reference ? checkText(text, rules, options.lang, options.reference) : checkText(text, rules, options.lang);
}

let compiler: typeof import('./rules.js') | undefined;

async function rulesCompiler(): Promise<typeof import('./rules.js')> {
  return (compiler ??= await import('./rules.js'));
}

const builtins = new Map<Lang, RuleSet>();

/** `playbooks/<lang>/reply-rules.yaml`, loaded and compiled on first use. */
export async function builtinRules(lang: Lang): Promise<RuleSet> {
  const cached = builtins.get(lang);
  if (cached) return cached;
  const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
  const text = readUserFile(file, lang);
  // Their examples run in the tests (tests/unit/check-rules.test.ts) and the build, not on every start.
  const compile = (parseRules: typeof import('./rules.js').parseRules): RuleSet => parseRules(file, text, { verifyExamples: false });
  const rules =
    readCompiledRules(lang, text, () => {
      // The names of compiled rules are asked for only by the compiler, as it reads a user's rules file.
      if (!compiler) throw new Error('the rules compiler is loaded before a rules file is parsed');
      return compile(compiler.parseRules);
    }) ?? compile((await rulesCompiler()).parseRules);
  if (rules.lang !== lang) {
    const message = rules.lang ? t(m.rulesLang, lang, { actual: rules.lang, expected: lang }) : t(m.rulesLangMissing, lang, { expected: lang });
    throw new InputError(message, [{ file, line: 1, col: 1, message }]);
  }
  builtins.set(lang, rules);
  return rules;
}

/** A user's rules file, whose patterns may use the names (lists, rules) of `base`; problems in `messages`. */
export async function loadRulesFile(file: string, base: RuleSet, messages: Lang = 'en'): Promise<RuleSet> {
  const { parseRules } = await rulesCompiler();
  return parseRules(file, readUserFile(file, messages), { base, messages });
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
