import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledRulesFiles, compileRules } from '../../scripts/compile-rules.js';
import { compiledRulesFile, readCompiledRules } from '../../src/check/compiled.js';
import { parseRules } from '../../src/check/rules.js';
import { checkText } from '../../src/check/run.js';
import { builtinPlaybooksDir } from '../../src/playbook/registry.js';
import { LANGS } from '../../src/types.js';
import { readUserFile } from '../../src/user-files.js';
import { FIXTURES, ROOT } from '../helpers.js';

describe('the built-in reply rules compiled at build time', () => {
  const compiled = compileRules();

  describe.each(LANGS)('%s', (lang) => {
    const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
    const text = readUserFile(file, lang);
    const parsed = parseRules(file, text);
    const fromBuild = readCompiledRules(lang, text, () => parsed, compiled);

    it('find exactly what the rules compiled from the file find, on every draft of the corpus', () => {
      expect(fromBuild?.rules.map((rule) => rule.id)).toEqual(parsed.rules.map((rule) => rule.id));
      const dir = join(FIXTURES, 'replies', 'dev', lang);
      const drafts = readdirSync(dir).filter((name) => name.endsWith('.md'));
      expect(drafts.length).toBeGreaterThan(10);
      for (const name of drafts) {
        const draft = readFileSync(join(dir, name), 'utf8');
        expect(checkText(draft, fromBuild ?? parsed, lang), name).toEqual(checkText(draft, parsed, lang));
      }
    });

    it('give a user\'s rules file the same names to build on', () => {
      const name = parsed.rules[0]?.id ?? '';
      expect(fromBuild?.fragment(name)).toEqual(parsed.fragment(name));
    });

    it('are ignored once the rules file changes', () => {
      expect(readCompiledRules(lang, `${text}\n# edited\n`, () => parsed, compiled)).toBeUndefined();
    });
  });

  it('are shipped up to date in dist/ by the build, one file per language', () => {
    const files = compiledRulesFiles();
    expect(Object.keys(files).sort()).toEqual(LANGS.map(compiledRulesFile).sort());
    for (const [name, expected] of Object.entries(files)) {
      const shipped = JSON.parse(readFileSync(join(ROOT, 'dist', name), 'utf8')) as unknown;
      expect(shipped).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });
});
