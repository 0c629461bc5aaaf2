import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinRules, withUserRules } from '../../src/check/index.js';
import { parseRules } from '../../src/check/rules.js';
import { checkText } from '../../src/check/run.js';
import { InputError, type SourceProblem } from '../../src/errors.js';
import { builtinPlaybooksDir } from '../../src/playbook/registry.js';
import { LANGS } from '../../src/types.js';

interface RawRule {
  id: string;
  examples?: { match: string[]; no_match: string[] };
}

function rawRules(lang: string): RawRule[] {
  const file = join(builtinPlaybooksDir(), lang, 'reply-rules.yaml');
  return (parse(readFileSync(file, 'utf8')) as { rules: RawRule[] }).rules;
}

/** The rule ids one rule of the built-in set finds in a text, checked alone. */
const builtin = { en: await builtinRules('en'), fr: await builtinRules('fr') };

function fired(lang: (typeof LANGS)[number], id: string, text: string): string[] {
  const rules = builtin[lang];
  const alone = { ...rules, rules: rules.rules.filter((rule) => rule.id === id) };
  return checkText(text, alone, lang).map((finding) => finding.rule);
}

describe.each(LANGS)('built-in reply rules (%s)', (lang) => {
  const rules = rawRules(lang);

  it('load, and give every rule examples that must and must not match', () => {
    expect(builtin[lang].rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    for (const rule of rules) {
      expect(rule.examples?.match.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples?.no_match.length, rule.id).toBeGreaterThan(0);
    }
  });

  const examples = rules.flatMap((rule) => [
    ...(rule.examples?.match ?? []).map((text) => ({ id: rule.id, text, expected: true })),
    ...(rule.examples?.no_match ?? []).map((text) => ({ id: rule.id, text, expected: false })),
  ]);
  it.each(examples)('$id: $expected on "$text"', ({ id, text, expected }) => {
    expect(fired(lang, id, text).includes(id)).toBe(expected);
  });
});

it('English and French have the same rules, so findings read the same in both', () => {
  expect(rawRules('fr').map((rule) => rule.id)).toEqual(rawRules('en').map((rule) => rule.id));
});

describe('rules files with problems', () => {
  const problems = (text: string): SourceProblem[] => {
    try {
      parseRules('mine.yaml', text);
    } catch (error) {
      if (error instanceof InputError) return [...error.problems];
      throw error;
    }
    throw new Error('expected the file to be refused');
  };
  const at = (text: string): string[] => problems(text).map((problem) => `${problem.line}:${problem.col} ${problem.message}`);
  const rule = (extra: string): string =>
    `rules:\n  - id: mine\n    category: blame\n    message: Why it hurts.\n    suggestion: What to write.\n${extra}`;

  it('locates YAML syntax errors', () => {
    expect(at('rules: [\n')[0]).toMatch(/^\d+:\d+ YAML syntax/);
  });

  it('locates unknown checks, unknown and missing fields', () => {
    expect(at(rule('    check: tone\n    patterns: [x]\n'))).toEqual([
      expect.stringMatching(/^6:12 unknown check "tone": expected one of phrase, next-date, feeling-first, apology-but/),
    ]);
    expect(at(rule('    patterns: [x]\n    colour: red\n'))).toEqual(['7:5 unknown field "colour"']);
    expect(at('rules:\n  - id: mine\n    category: blame\n    patterns: [x]\n')).toEqual([
      '2:5 missing field "message"',
      '2:5 missing field "suggestion"',
    ]);
  });

  it('explains the two shapes of a pattern list', () => {
    const dates = 'rules:\n  - id: dated\n    check: next-date\n    category: vague-timing\n    message: m\n    suggestion: s\n    dates: monday\n';
    expect(at(dates)).toEqual(['7:12 expected a list of patterns, or "match:" and "except:" lists of patterns']);
  });

  it('points at the character of a pattern that is wrong', () => {
    expect(at(rule('    patterns:\n      - "sorry {but,however"\n'))).toEqual([
      '7:16 pattern: "{" is never closed (character 7 of the pattern)',
    ]);
    expect(at(rule('    patterns: [on <weekday> morning]\n'))).toEqual([
      '6:19 pattern: no list or rule named "weekday" (character 4 of the pattern)',
    ]);
  });

  it('points at a list problem even when no rule uses the list', () => {
    expect(at(`lists:\n  spare: ["[oops"]\n${rule('    patterns: [x]\n')}`)).toEqual([
      '2:12 pattern: "[" is never closed (character 1 of the pattern)',
    ]);
  });

  it('refuses duplicate ids and a list named like a rule', () => {
    expect(at(`${rule('    patterns: [x]\n')}${rule('    patterns: [y]\n').replace('rules:\n', '')}`)).toEqual([
      '7:9 duplicate rule id "mine" (first used at line 2)',
    ]);
    expect(at(`lists:\n  mine: [x]\n${rule('    patterns: [x]\n')}`)).toEqual([
      '2:3 list "mine" has the same name as a rule; rename one of them',
    ]);
  });

  it('runs the examples and points at the one that fails', () => {
    const text = rule('    patterns: [your fault]\n    examples:\n      match: ["It is your fault."]\n      no_match: ["It was my fault.", "Your fault, really."]\n');
    expect(at(text)).toEqual(['9:38 rule "mine" finds "Your fault" in this example, which is listed under "no_match"']);
  });
});

describe('a user rules file', () => {
  const user = (text: string) => parseRules('mine.yaml', text, { base: builtin.en });

  it('can use the built-in lists and rules by name', () => {
    const rules = user(
      'rules:\n  - id: weekend\n    category: vague-timing\n    message: m\n    suggestion: s\n    patterns: ["next <weekday> or <weekday>"]\n',
    );
    const found = checkText('Maybe next Saturday or Sunday.', rules, 'en').map((finding) => finding.text);
    expect(found).toEqual(['next Saturday or Sunday']);
  });

  it('adds to the built-in rules, and replaces one that has the same id', () => {
    const mine = user('lang: en\nrules:\n  - id: soon\n    category: vague-timing\n    message: Mine.\n    suggestion: s\n    patterns: [by and by]\n');
    const merged = withUserRules(builtin.en, mine);
    expect(merged.rules.filter((rule) => rule.id === 'soon').map((rule) => rule.message)).toEqual(['Mine.']);
    expect(merged.rules).toHaveLength(builtin.en.rules.length);
    const found = checkText('I will do it by and by, asap.', merged, 'en').map((finding) => finding.rule);
    expect(found).toContain('soon');
    expect(checkText('Done asap.', merged, 'en').map((finding) => finding.rule)).not.toContain('soon');
  });
});
