import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledRulesFiles, compileRules } from '../../scripts/compile-rules.js';
import { compiledRulesFile, compiledRulesKey, readCompiledRules } from '../../src/check/compiled.js';
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

    it('store every automaton compactly and give it back state for state', () => {
      const entry = compiled[compiledRulesKey(lang)];
      expect(entry?.format).toBe(2);
      const back = fromBuild?.rules ?? [];
      // The automata of each rule's first list, compiled from the file and read back from the build.
      const automata = (rules: typeof back): unknown[] =>
        rules.flatMap((rule) => ('patterns' in rule && rule.patterns ? rule.patterns.match.map((matcher) => matcher.automaton) : []));
      expect(automata(back).length).toBeGreaterThan(10);
      expect(automata(back)).toEqual(automata(parsed.rules));
      // A word with all its endings is stored once, as `word+`.
      expect(entry?.tests.some((test) => 'lit' in test && test.lit.some((form) => form.endsWith('+')))).toBe(true);
    });

    it('are ignored when written in another format', () => {
      const key = compiledRulesKey(lang);
      const entry = compiled[key];
      expect(entry).toBeDefined();
      if (entry) expect(readCompiledRules(lang, text, () => parsed, { [key]: { ...entry, format: 1 } })).toBeUndefined();
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
