import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serializeRules, type CompiledRulesFiles } from '../src/check/compiled.js';
import { parseRules } from '../src/check/rules.js';
import { builtinPlaybooksDir } from '../src/playbook/registry.js';
import { LANGS } from '../src/types.js';
import { readUserFile } from '../src/user-files.js';

/**
 * Compiles the built-in reply rules of every language with the checker's own compiler, examples
 * run, for dist/reply-rules.json (see src/check/compiled.ts). A rules file with problems fails
 * the build with its located problems: the checker could not start with it anyway.
 */
export function compileRules(): CompiledRulesFiles {
  const compiled: CompiledRulesFiles = {};
  for (const lang of LANGS) {
    const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
    if (!existsSync(file)) continue;
    const text = readUserFile(file, lang);
    compiled[`${lang}/reply-rules.yaml`] = serializeRules(parseRules(file, text), text);
  }
  return compiled;
}
