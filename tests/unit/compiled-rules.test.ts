import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledRulesFiles, compileRules } from '../../scripts/compile-rules.js';
import { compiledRulesFile, readCompiledRules, statesBytes, statesOf } from '../../src/check/compiled.js';
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
    const built = compiled[lang];
    const fromBuild = readCompiledRules(lang, text, () => parsed, built);

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
      expect(readCompiledRules(lang, `${text}\n# edited\n`, () => parsed, built)).toBeUndefined();
    });

    it('store every automaton compactly and give it back state for state', () => {
      const entry = built?.entry;
      expect(entry?.format).toBe(3);
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
      expect(built).toBeDefined();
      if (built) expect(readCompiledRules(lang, text, () => parsed, { ...built, entry: { ...built.entry, format: 2 } })).toBeUndefined();
    });

    it('are ignored when the binary file does not hold every automaton', () => {
      expect(built).toBeDefined();
      if (built) expect(readCompiledRules(lang, text, () => parsed, { ...built, states: built.states.subarray(1) })).toBeUndefined();
    });

    it('read the binary file back whatever the alignment of its bytes', () => {
      const states = built?.states ?? new Int16Array();
      const bytes = statesBytes(states);
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      expect(statesOf(shifted.subarray(1))).toEqual(states);
      expect(statesOf(bytes)).toEqual(states);
      expect(statesOf(bytes.subarray(1))).toBeUndefined();
    });
  });

  it('are shipped up to date in dist/ by the build, two files per language', () => {
    const files = compiledRulesFiles();
    expect(Object.keys(files).sort()).toEqual(LANGS.flatMap((lang) => [compiledRulesFile(lang, 'json'), compiledRulesFile(lang, 'bin')]).sort());
    for (const [name, expected] of Object.entries(files)) {
      const shipped = readFileSync(join(ROOT, 'dist', name));
      if (typeof expected === 'string') expect(JSON.parse(shipped.toString('utf8'))).toEqual(JSON.parse(expected));
      else expect(new Uint8Array(shipped)).toEqual(expected);
    }
  });
});
