import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compiledRulesFile, compiledRulesKey, serializeRules, statesBytes, type CompiledRuleSet } from '../src/check/compiled.js';
import { parseRules } from '../src/check/rules.js';
import { builtinPlaybooksDir } from '../src/playbook/registry.js';
import { LANGS, type Lang } from '../src/types.js';
import { readUserFile } from '../src/user-files.js';

/**
 * Compiles the built-in reply rules of every language with the checker's own compiler, examples
 * run, for dist/reply-rules.<lang>.json and .bin (see src/check/compiled.ts). A rules file with
 * problems fails the build with its located problems: the checker could not start with it anyway.
 */
export function compileRules(): Partial<Record<Lang, CompiledRuleSet>> {
  const compiled: Partial<Record<Lang, CompiledRuleSet>> = {};
  for (const lang of LANGS) {
    const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
    if (!existsSync(file)) continue;
    const text = readUserFile(file, lang);
    compiled[lang] = serializeRules(parseRules(file, text), text);
  }
  return compiled;
}

/** The files the build writes in dist/ for the compiled rules, by name: two per language (`compiledRulesFile`). */
export function compiledRulesFiles(): Record<string, string | Uint8Array> {
  const compiled = compileRules();
  return Object.fromEntries(
    LANGS.flatMap((lang) => {
      const rules = compiled[lang];
      return rules
        ? [
            [compiledRulesFile(lang, 'json'), JSON.stringify({ [compiledRulesKey(lang)]: rules.entry })],
            [compiledRulesFile(lang, 'bin'), statesBytes(rules.states)],
          ]
        : [];
    }),
  );
}
