import { describe, expect, it } from 'vitest';
import { builtinRules, type Finding } from '../../src/check/index.js';
import { guessLanguage } from '../../src/check/language.js';
import { checkText } from '../../src/check/run.js';

const rules = { en: await builtinRules('en'), fr: await builtinRules('fr') };
/** The drafts are dated, so that their dates resolve the same whatever the day the tests run. */
const REFERENCE = { year: 2026, month: 3, day: 4 };
const en = (text: string): Finding[] => checkText(text, rules.en, 'en', REFERENCE);
const fr = (text: string): Finding[] => checkText(text, rules.fr, 'fr', REFERENCE);
const ids = (findings: readonly Finding[]): string[] => findings.map((finding) => finding.rule);

/** A calm English reply: acknowledgement first, a plan, a date. */
const CALM = 'Hi Ben,\n\nYou are right, and I am sorry.\n\nI will send the fix on Tuesday at 10:00.\n';

describe('findings', () => {
  it('say where the words are: 1-based line and column in characters, and the span', () => {
    const text = 'Hi Zoë 👋,\n\nI’m sorry. It’s just a small bug, fixed on Monday.';
    const [finding] = en(text);
    expect(finding).toMatchObject({
      rule: 'minimising',
      category: 'minimising',
      line: 3,
      col: 12,
      endLine: 3,
      endCol: 33,
      text: 'It’s just a small bug',
    });
    expect(text.slice(finding?.offset, (finding?.offset ?? 0) + (finding?.length ?? 0))).toBe('It’s just a small bug');
    expect(finding?.message).toMatch(/small/);
    expect(finding?.suggestion).not.toBe('');
  });

  it('span line breaks, and count lines the same with CRLF', () => {
    const [finding] = en('Hi,\r\nSorry. As I told\r\nyou, it is done on Monday.');
    expect(finding).toMatchObject({ rule: 'as-i-said', line: 2, col: 8, endLine: 3, endCol: 4, text: 'As I told\r\nyou' });
  });

  it('come in the order of the text, findings about the whole draft last', () => {
    expect(ids(en('Hi,\n\nSorry, I will fix it asap. Hopefully soon.'))).toEqual(['soon', 'should-be-fine', 'soon', 'no-next-date']);
  });

  it('are empty for a calm, concrete reply', () => {
    expect(en(CALM)).toEqual([]);
  });
});

describe('what the checker does not read', () => {
  it('skips quoted lines: they are the client\'s own words', () => {
    expect(en(`${CALM}\n> Fix it asap, obviously you messed up.\n`)).toEqual([]);
  });

  it('silences a rule named in a calmclient-ignore comment, in the whole draft', () => {
    const text = '<!-- calmclient-ignore: soon -->\nHi,\n\nSorry. I will send it soon, on Monday.\n';
    expect(en(text)).toEqual([]);
    const two = '<!-- calmclient-ignore soon, no-next-date -->\nHi,\n\nSorry. I will send it soon.\n';
    expect(en(two)).toEqual([]);
  });

  it('reports a comment that silences nothing, so that a typo does not go unnoticed', () => {
    const findings = en('<!--calmclient-ignore: sooon-->\nHi,\n\nSorry. I will send it on Monday.\n');
    expect(findings).toMatchObject([{ rule: 'calmclient-ignore', line: 1, col: 1, category: 'suppression' }]);
    expect(findings[0]?.message).toMatch(/"sooon".*no rule has that id/);
    expect(ids(en('<!-- calmclient-ignore -->\nHi,\n\nSorry. On Monday.\n'))).toEqual(['calmclient-ignore']);
  });
});

describe('structural checks', () => {
  it('want a concrete date or time somewhere, not a window', () => {
    expect(ids(en('Hi,\n\nSorry. I will send it between the 15th and the 18th.'))).toEqual(['date-window', 'no-next-date']);
    for (const when of ['on 12/03', 'by 3pm', 'tomorrow', 'on Friday', 'on 4 March', 'at 09:30', 'on 2026-03-04'])
      expect(ids(en(`Hi,\n\nSorry. You will have it ${when}.`)), when).toEqual([]);
    for (const when of ['le 12/03', 'avant 15 h', 'demain', 'vendredi', 'le 4 mars', 'à 9h30'])
      expect(ids(fr(`Bonjour,\n\nDésolé. Vous l'aurez ${when}.`)), when).toEqual([]);
  });

  it('place the whole-draft finding on the first words, with an empty span', () => {
    const [finding] = en('\n\n  Hi,\n\nSorry, I am on it.');
    expect(finding).toMatchObject({ rule: 'no-next-date', line: 3, col: 3, endLine: 3, endCol: 3, length: 0, text: '' });
  });

  it('want the feeling acknowledged before the plan or the justification', () => {
    const late = en('Hi Ben,\n\nThe report took longer because the data came in pieces.\n\nI understand your frustration. New date: Monday.');
    expect(late).toMatchObject([{ rule: 'feeling-first', category: 'no-empathy', text: 'because' }]);
    expect(en('Hi Ben,\n\nI understand your frustration. The report took longer because the data came in pieces. New date: Monday.')).toEqual([]);
    // No acknowledgement at all: a finding about the draft as a whole.
    const none = en('Hi Ben,\n\nThe report took longer because the data came in pieces. New date: Monday.');
    expect(none).toMatchObject([{ rule: 'feeling-first', length: 0, text: '' }]);
  });

  it('do not count the subject line as the start of the reply', () => {
    expect(en('Subject: the plan for Monday\n\nHi Ben,\n\nYou are right. Here is the plan: I will fix it on Monday.')).toEqual([]);
    expect(fr('Objet : le plan pour lundi\n\nBonjour,\n\nVous avez raison. Voici le plan : je corrige lundi.')).toEqual([]);
  });

  it('find an apology taken back by "but", in its sentence or at the start of the next', () => {
    expect(en('Hi,\n\nSorry for the delay, but the files came late. Monday.').map((f) => f.text)).toContain(
      'Sorry for the delay, but',
    );
    expect(ids(en('Hi,\n\nMy apologies. However, the files came late. Monday.'))).toContain('apology-but');
    expect(ids(en('Hi,\n\nI am sorry.\n\nBut the files came late. Monday.'))).toContain('apology-but');
    expect(ids(en('Hi,\n\nI am sorry. The fix is ready. But the printer is slow. Monday.'))).not.toContain('apology-but');
    expect(ids(fr('Bonjour,\n\nDésolé pour le retard, mais le fichier est arrivé tard. Lundi.'))).toContain('apology-but');
  });
});

describe('guessing the language of a draft', () => {
  it('tells French from English', () => {
    expect(guessLanguage('Bonjour Marc, je suis désolé pour le retard, je vous appelle demain.')).toBe('fr');
    expect(guessLanguage('Hi Marc, I am sorry about the delay, I will call you tomorrow.')).toBe('en');
  });

  it('reads only the writer\'s own lines', () => {
    const text = 'Hi Marc, I am sorry about the delay, I will call you tomorrow.\n> Je suis très déçu, le site ne marche toujours pas et personne ne répond.\n> Vous deviez livrer lundi, et rien.';
    expect(guessLanguage(text)).toBe('en');
  });

  it('does not guess from too little text', () => {
    expect(guessLanguage('OK')).toBeUndefined();
  });
});
