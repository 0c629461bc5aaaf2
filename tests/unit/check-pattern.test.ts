import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError } from '../../src/errors.js';
import { parsePattern, PatternError } from '../../src/check/pattern.js';
import { parseRules } from '../../src/check/rules.js';
import { checkText } from '../../src/check/run.js';

/** The words of `text` that a one-pattern rule finds, as written. */
function finds(pattern: string, text: string, lists?: Record<string, string[]>): string[] {
  const rule = { id: 'probe', category: 'test', message: 'm', suggestion: 's', patterns: [pattern] };
  const rules = parseRules('probe.yaml', stringify(lists ? { lists, rules: [rule] } : { rules: [rule] }));
  return checkText(text, rules, 'en').map((finding) => finding.text);
}

describe('pattern matching tolerates how people write', () => {
  it('ignores case and accents, both ways', () => {
    expect(finds('désolé que vous', 'DESOLE QUE VOUS')).toEqual(['DESOLE QUE VOUS']);
    expect(finds('desole que vous', 'Je suis désolé que vous')).toEqual(['désolé que vous']);
  });

  it("treats ' and ’ as the same apostrophe", () => {
    expect(finds("it's not my fault", 'It’s not my fault.')).toEqual(['It’s not my fault']);
    expect(finds('it’s not my fault', "it's not my fault")).toEqual(["it's not my fault"]);
  });

  it('matches plural and feminine forms of words of three letters or more', () => {
    expect(finds('petit bug', 'deux petits bugs')).toEqual(['petits bugs']);
    expect(finds('désolé', 'Je suis désolée.')).toEqual(['désolée']);
    expect(finds('beau', 'de beaux résultats')).toEqual(['beaux']);
    expect(finds('it is on', 'it is one')).toEqual([]);
  });

  it('reads across line breaks, spacing and light punctuation between words', () => {
    expect(finds('as i told you', 'As I told\nyou last week')).toEqual(['As I told\nyou']);
    expect(finds('sorry but', 'Sorry,  but')).toEqual(['Sorry,  but']);
    expect(finds('100 %', '100\u00a0%')).toEqual(['100\u00a0%']);
  });

  it('never matches inside a word', () => {
    expect(finds('soon', 'a bassoon, soonish')).toEqual([]);
    expect(finds('merci d\'', "Merci d'avoir appelé")).toEqual(["Merci d'"]);
  });

  it('reads {a,b} as one of, [a,b] as one of or nothing', () => {
    expect(finds('{i am,i\'m} sorry', "I'm sorry. I am sorry.")).toEqual(["I'm sorry", 'I am sorry']);
    expect(finds("it's [just,only] a bug", "it's a bug, it's just a bug, it's really a bug")).toEqual([
      "it's a bug",
      "it's just a bug",
    ]);
    // Alternatives are whole words: a group never cuts a word in two.
    expect(finds('{vraiment,} désolé', 'vraiment désolé, désolé')).toEqual(['vraiment désolé', 'désolé']);
    expect(finds('{dés,}olé', 'désolé')).toEqual([]);
  });

  it('reads * alone as any one word, and inside a word as any letters', () => {
    expect(finds('sorry * you', 'sorry that you, sorry you')).toEqual(['sorry that you']);
    expect(finds('you misunderst*', 'you misunderstood, you misunderstand')).toEqual(['you misunderstood', 'you misunderstand']);
  });

  it('reads ... as up to six words within the sentence', () => {
    expect(finds('you ... yourself', 'You asked for the text yourself.')).toEqual(['You asked for the text yourself']);
    expect(finds('you ... yourself', 'You did. Ask yourself.')).toEqual([]);
    expect(finds('you ... yourself', 'you one two three four five six seven yourself')).toEqual([]);
  });

  it('reads # as a number, and a hyphen as a hyphen or a space', () => {
    expect(finds('#:#', 'at 10:30')).toEqual(['10:30']);
    expect(finds('#\\-#\\-#', 'on 2025-03-12, 100%')).toEqual(['2025-03-12']);
    expect(finds('half-hour', 'a half hour, a half-hour, a halfhour')).toEqual(['half hour', 'half-hour']);
    expect(finds('\\*', 'a * b')).toEqual(['*']);
  });

  it('replaces <name> with the phrases of a list, or the patterns of a rule', () => {
    const lists = { weekday: ['monday', 'tuesday'], slot: ['<weekday> {morning,afternoon}'] };
    expect(finds('on <slot>', 'on Tuesday morning, on Friday morning', lists)).toEqual(['on Tuesday morning']);
    const yaml = stringify({
      rules: [
        { id: 'late', category: 'test', message: 'm', suggestion: 's', patterns: ['too late'] },
        { id: 'probe', category: 'test', message: 'm', suggestion: 's', patterns: ['far <late>'] },
      ],
    });
    const found = checkText('far too late', parseRules('probe.yaml', yaml), 'en').map((finding) => `${finding.rule}:${finding.text}`);
    expect(found).toEqual(['probe:far too late', 'late:too late']);
  });
});

describe('pattern syntax errors', () => {
  const reason = (pattern: string): string => {
    try {
      parsePattern(pattern);
    } catch (error) {
      if (error instanceof PatternError) return `${error.reason}@${error.offset}`;
      throw error;
    }
    return 'none';
  };

  it('names the problem and where it is', () => {
    expect(reason('sorry {but,however')).toBe('unclosed@6');
    expect(reason('[just a bug')).toBe('unclosed@0');
    expect(reason('a <list')).toBe('unclosed@2');
    expect(reason('a } b')).toBe('unexpected@2');
    expect(reason('   ')).toBe('empty@0');
  });

  it('reports gaps that are not between two words, unknown names and cycles when compiling', () => {
    const problem = (pattern: string, lists?: Record<string, string[]>): string => {
      try {
        finds(pattern, 'x', lists);
      } catch (error) {
        if (error instanceof InputError) return error.problems[0]?.message ?? '';
        throw error;
      }
      return 'none';
    };
    expect(problem('... sorry')).toMatch(/goes between two words.*character 1 /);
    expect(problem('on <weekday>')).toMatch(/no list or rule named "weekday".*character 4 /);
    expect(problem('<a>', { a: ['x <b>'], b: ['<a>'] })).toMatch(/"<a>" ends up referring to itself/);
  });
});
