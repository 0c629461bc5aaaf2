import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AutomatonBuilder, CompiledAutomaton, flatten, globMatches } from '../../src/check/automaton.js';
import { builtinRules } from '../../src/check/index.js';
import { exampleDate, fillRuleText } from '../../src/check/messages.js';
import { formsOf } from '../../src/check/morphology.js';
import { compilePatterns, parsePattern } from '../../src/check/pattern.js';
import { MAX_RULES_BYTES, MAX_STATES, parseRules } from '../../src/check/rules.js';
import { checkText } from '../../src/check/run.js';
import { tokenize } from '../../src/check/tokens.js';
import { fold } from '../../src/check/normalise.js';
import { InputError } from '../../src/errors.js';

/**
 * The engine under the rules: tokens, morphology, the automaton, and the bounds that keep a rules
 * file or a draft from hanging `check` or filling the memory. No timing here (timings are in
 * `npm run bench`, scripts/bench-check.mjs): the tests count work instead.
 */

const forms = (text: string): string[][] => tokenize(fold(text)).map((token) => [...token.forms]);

describe('tokens', () => {
  it('spell out English contractions, so that "isn\'t" and "is not" read the same', () => {
    expect(forms("isn't")).toEqual([['is'], ["n't", 'not']]);
    expect(forms("won't")).toEqual([['wo', 'will'], ["n't", 'not']]);
    expect(forms("We'll")).toEqual([['we'], ["'ll", 'will']]);
    expect(forms('cannot')[0]).toEqual(['cannot']);
  });

  it('read French elisions as the full word, and keep aujourd\'hui whole', () => {
    expect(forms("n'a")).toEqual([["n'", 'ne'], ['a']]);
    expect(forms("qu'il")).toEqual([["qu'", 'que'], ['il']]);
    expect(forms("aujourd'hui")).toEqual([["aujourd'hui"]]);
  });

  it('cut sentences at full stops, but not inside "Mr. Dupont", "e.g." or "3.5"', () => {
    const kinds = (text: string): string[] => tokenize(fold(text)).filter((token) => token.kind === 'stop').map((token) => token.text);
    expect(kinds('Hello Mr. Dupont. The rate is 3.5 today.')).toEqual(['.', '.']);
    expect(kinds('Line one\n\nLine two')).toEqual(['']);
  });
});

describe('morphology', () => {
  it('gives the forms of English verbs, regular and irregular', () => {
    expect(formsOf('choose', 'en')).toEqual(expect.arrayContaining(['chooses', 'chose', 'chosen', 'choosing']));
    expect(formsOf('opt', 'en', 'past')).toContain('opted');
    expect(formsOf('apply', 'en')).toEqual(expect.arrayContaining(['applies', 'applied', 'applying']));
  });

  it('conjugates French verbs, with agreement, on folded text', () => {
    expect(formsOf('valider', 'fr')).toEqual(expect.arrayContaining(['valide', 'validez', 'validait', 'validee', 'validees', 'validerons']));
    expect(formsOf('choisir', 'fr')).toEqual(expect.arrayContaining(['choisissons', 'choisi', 'choisie', 'choisirait']));
    expect(formsOf('comprendre', 'fr', 'present')).toEqual(expect.arrayContaining(['comprends', 'comprenez', 'comprennent']));
    expect(formsOf('recevoir', 'fr', 'pp')).toEqual(['recu', 'recue', 'recus', 'recues']);
    expect(formsOf('devoir', 'fr', 'conditional')).toContain('devrait');
    // "installer" is not "aller".
    expect(formsOf('installer', 'fr')).not.toContain('vais');
  });
});

describe('the automaton', () => {
  const automaton = (...patterns: string[]): CompiledAutomaton => {
    const resolve = (name: string): never => {
      throw new Error(`no name ${name} here`);
    };
    return new CompiledAutomaton(
      flatten(compilePatterns(patterns.map((pattern) => ({ nodes: parsePattern(pattern), resolve, lang: 'en' as const })), new AutomatonBuilder(MAX_STATES))),
    );
  };

  it('finds matches leftmost, then longest, never overlapping', () => {
    const tokens = tokenize(fold('sorry sorry for the delay'));
    expect(automaton('sorry', 'sorry for the delay').search(tokens)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 5 },
    ]);
  });

  it('finds the same, search after search, on whole drafts and on pieces of them (its working arrays are reused)', () => {
    const found = automaton('sorry for the delay', 'as soon as possible', 'we will ... you');
    const tokens = tokenize(fold('sorry for the delay, we will call you as soon as possible. sorry for the delay again'));
    const whole = found.search(tokens);
    expect(whole.length).toBe(4);
    for (let i = 0; i < 5; i++) expect(found.search(tokens)).toEqual(whole);
    // A piece finds the matches that lie wholly inside it.
    const piece = found.search(tokens, undefined, 4, 12);
    expect(piece).toEqual(whole.filter((span) => span.from >= 4 && span.to <= 12));
    expect(found.search(tokenize(fold('nothing here at all')))).toEqual([]);
    expect(found.search(tokens)).toEqual(whole);
  });

  it('keeps a later match that ends while an earlier one may still grow', () => {
    // "maybe ... friday" may still reach "friday" when "if it arrives" is complete: both are found.
    const tokens = tokenize(fold('maybe tuesday if it arrives on time, no later'));
    expect(automaton('maybe tuesday', 'maybe ... friday', 'if it arrives').search(tokens)).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 5 },
    ]);
    // And a later match that overlaps the longest earlier one is not.
    const longer = tokenize(fold('maybe tuesday if it arrives friday'));
    expect(automaton('maybe tuesday', 'maybe ... friday', 'if it arrives').search(longer)).toEqual([{ from: 0, to: 6 }]);
  });

  it('finds a match whose thread was merged into one the match before it dropped', () => {
    // "y ... z" from the second "y" shares its state with the one from the first "y", which
    // "x y" ends up covering: the second must still be found once "x y" is final.
    const tokens = tokenize(fold('x y y y q z'));
    expect(automaton('x y', 'x y y y w', 'y ... z').search(tokens)).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 6 },
    ]);
  });

  it('finds the same matches whether or not the words after a first word are looked at first', () => {
    const gap = automaton('ready ... {friday,monday}', 'ready by');
    expect(gap.search(tokenize(fold('it will be ready, I think, by friday. Not ready by then')))).toEqual([
      { from: 3, to: 10 },
      { from: 12, to: 14 },
    ]);
  });

  it('matches a glob in linear time, whatever its stars', () => {
    expect(globMatches('a*a*a*a*a*a*a*a*a*a*b', `${'a'.repeat(50_000)}b`)).toBe(true);
    expect(globMatches('a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(50_000))).toBe(false);
    expect(globMatches('misunderst*', 'misunderstood')).toBe(true);
  });

  it('refuses to grow past its budget, so that lists nesting lists stop', () => {
    const builder = new AutomatonBuilder(10);
    expect(() => compilePatterns([{ nodes: parsePattern('one two three four five six seven eight nine ten eleven'), resolve: () => { throw new Error(); }, lang: 'en' }], builder)).toThrow(/more than 10 states/);
  });
});

describe('rules files a person writes', () => {
  const rule = (patterns: string[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'mine',
    category: 'test',
    message: 'm',
    suggestion: 's',
    patterns,
    ...extra,
  });
  const problems = (text: string): { line: number; col: number; message: string }[] => {
    try {
      parseRules('mine.yaml', text);
    } catch (error) {
      if (error instanceof InputError) return [...error.problems];
      throw error;
    }
    return [];
  };

  it('run a catastrophic pattern on a long line in linear time, examples included', () => {
    const line = 'a'.repeat(100_000);
    const text = stringify({ rules: [rule(['a*a*a*a*a*a*a*a*a*a*b'], { examples: { match: [`${'a'.repeat(2000)}b`], no_match: [line] } })] });
    const rules = parseRules('mine.yaml', text);
    expect(checkText(line, rules, 'en')).toEqual([]);
    expect(checkText(`${line}b`, rules, 'en').map((finding) => finding.length)).toEqual([100_001]);
  });

  it('refuse lists that each name the previous one twice, with the place of the list', () => {
    const lists: Record<string, string[]> = { l0: ['tick tock'] };
    for (let i = 1; i <= 30; i++) lists[`l${i}`] = [`<l${i - 1}> <l${i - 1}>`];
    const found = problems(stringify({ lists, rules: [rule(['<l30>'])] }));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.message).toMatch(/too large/);
    expect(found[0]?.line).toBeGreaterThan(1);
  });

  it('refuse a rules file larger than the bound, at its first line', () => {
    const big = `# ${'x'.repeat(MAX_RULES_BYTES)}\nrules: []\n`;
    expect(problems(big)).toMatchObject([{ line: 1, col: 1, message: expect.stringMatching(/at most/) }]);
  });

  it('locate a broken pattern in a list at its line and column', () => {
    const text = 'lists:\n  mine: ["fine", "{broken"]\nrules:\n  - id: r\n    category: c\n    message: m\n    suggestion: s\n    patterns: ["<mine>"]\n';
    expect(problems(text)).toMatchObject([{ line: 2, col: 19, message: expect.stringMatching(/never closed/) }]);
  });

  it('refuse an unknown tense and a placeholder the messages do not know', () => {
    expect(problems(stringify({ rules: [rule(['~use.someday'])] }))[0]?.message).toMatch(/unknown form/);
    expect(problems(stringify({ rules: [rule(['soon'], { message: 'Not {wrods}' })] }))[0]?.message).toMatch(/unknown placeholder/);
  });

  it('take levels and replacements, in the spirit of Vale', () => {
    const rules = parseRules('mine.yaml', stringify({ rules: [rule(['asap'], { level: 'suggestion', replace: 'by {date:friday}' })] }));
    const [finding] = checkText('Done asap.', rules, 'en', { year: 2026, month: 3, day: 2 });
    expect(finding).toMatchObject({ level: 'suggestion', text: 'asap', replacement: 'by Friday 6 March' });
  });
});

describe('messages', () => {
  it('name example dates that fall on the weekday they name', () => {
    for (let day = 1; day <= 28; day++) {
      const reference = { year: 2026, month: 2, day };
      for (const [weekday, name] of ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].entries()) {
        const written = exampleDate(weekday, 'en', reference);
        const [, dayOfMonth, month] = /^\w+ (\d+) (\w+)$/.exec(written) ?? [];
        const date = new Date(`${month} ${dayOfMonth}, 2026`);
        expect(date.getDay(), written).toBe(weekday);
        expect(written.toLowerCase().startsWith(name)).toBe(true);
      }
    }
    expect(exampleDate(2, 'fr', { year: 2026, month: 3, day: 1 })).toBe('mardi 3 mars');
  });

  it('quote the draft\'s own words, and put dates in the built-in messages that fall on their weekday', async () => {
    const fr = await builtinRules('fr');
    const [finding] = checkText('Bonjour,\n\nDésolé. Je vous réponds dès que possible.', fr, 'fr', { year: 2026, month: 3, day: 2 }).filter((f) => f.rule === 'soon');
    expect(finding?.message).toContain('dès que possible');
    expect(finding?.message).not.toMatch(/Bientôt/i);
    expect(finding?.suggestion).toContain('mardi 3 mars');
    expect(fillRuleText('{words} {date:monday}', { words: 'so\nsoon', lang: 'en', reference: { year: 2026, month: 3, day: 2 } })).toBe('so soon Monday 9 March');
  });
});
