import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compiledRulesFile, compiledRulesKey, serializeRules, type CompiledRulesFiles } from '../src/check/compiled.js';
import { parseRules } from '../src/check/rules.js';
import { builtinPlaybooksDir } from '../src/playbook/registry.js';
import { LANGS } from '../src/types.js';
import { readUserFile } from '../src/user-files.js';

/**
 * Compiles the built-in reply rules of every language with the checker's own compiler, examples
 * run, for dist/reply-rules.<lang>.json (see src/check/compiled.ts). A rules file with problems fails
 * the build with its located problems: the checker could not start with it anyway.
 */
export function compileRules(): CompiledRulesFiles {
  const compiled: CompiledRulesFiles = {};
  for (const lang of LANGS) {
    const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
    if (!existsSync(file)) continue;
    const text = readUserFile(file, lang);
    compiled[compiledRulesKey(lang)] = serializeRules(parseRules(file, text), text);
  }
  return compiled;
}

/** The compiled rules of each language, as the build writes them: one file per language (`compiledRulesFile`). */
export function compiledRulesFiles(): Record<string, CompiledRulesFiles> {
  const compiled = compileRules();
  return Object.fromEntries(
    LANGS.flatMap((lang) => {
      const entry = compiled[compiledRulesKey(lang)];
      return entry ? [[compiledRulesFile(lang), { [compiledRulesKey(lang)]: entry }]] : [];
    }),
  );
}
