import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { renderSession } from '../../src/render/documents.js';
import { emailFindings, planAfterDeadline, PLAN_AFTER_DEADLINE } from '../../src/session/promise.js';
import type { Finding } from '../../src/check/model.js';
import type { Lang } from '../../src/types.js';
import { ROOT } from '../helpers.js';

// Thursday 3 December 2026; the whole plan is promised for Tuesday 8 December.
const NOW = new Date(2026, 11, 3, 10, 0);
const REFERENCE = { year: 2026, month: 12, day: 3 };
const DEADLINE = '2026-12-08';

const base: Record<Lang, Answers> = {
  en: { client_words: 'The photos are blurry.', tone: 'frustrated', gap: ['quality'], fault: 'mine', gesture: 'none', need: 'delegation', hidden_demand: 'The Christmas rush.', agreement: 'yes', followup_date: '2026-12-07T09:30' },
  fr: { client_words: 'Les photos sont floues.', tone: 'frustrated', gap: ['quality'], fault: 'mine', gesture: 'none', need: 'delegation', hidden_demand: 'Les fêtes approchent.', agreement: 'yes', followup_date: '2026-12-07T09:30' },
};

/** The crisis e-mail rendered from a plan and a deadline, and what the plan's dates say against it. */
function planned(lang: Lang, solution: string, deadline = DEADLINE): { email: string; findings: Finding[] } {
  const playbook = loadPlaybookFile(join(ROOT, 'playbooks', lang, 'crisis.yaml'), lang);
  const answers = { ...base[lang], solution, deadline };
  const email = renderSession({ playbook, answers, client: 'Dupont', now: NOW }).email.contents;
  return { email, findings: planAfterDeadline({ playbook, answers, email, lang, reference: REFERENCE }) };
}

const flagged = (lang: Lang, solution: string, deadline?: string): string[] => planned(lang, solution, deadline).findings.map((finding) => finding.text);

describe('a plan whose own dates fall after the date promised for the whole plan', () => {
  it('flags a day said in the plan that falls after it, however the day is said', () => {
    expect(flagged('fr', "Refaire les photos\nLes mettre en ligne d'ici jeudi")).toEqual(["d'ici jeudi"]);
    expect(flagged('fr', 'Livrer la version finale le 15')).toEqual(['le 15']);
    expect(flagged('fr', 'Refaire la page pour le lundi 14 décembre')).toEqual(['le lundi 14 décembre']);
    expect(flagged('en', 'Fix the module\nShip it by Friday 11th')).toEqual(['by Friday 11th']);
    expect(flagged('en', 'Migrate the data on December 20')).toEqual(['December 20']);
    expect(flagged('en', 'Train your team within 10 days')).toEqual(['within 10 days']);
  });

  it('flags a span that starts after it, or runs past it', () => {
    const [starts] = planned('en', 'Train your team in January').findings;
    expect(starts?.text).toBe('in January');
    expect(starts?.message).toMatch(/^Starts on Friday 1 January 2027, after Tuesday 8 December 2026/);
    const [runs] = planned('fr', 'Former votre équipe la semaine prochaine').findings;
    expect(runs?.text).toBe('la semaine prochaine');
    expect(runs?.message).toMatch(/^Peut aller jusqu'au dimanche 13 décembre 2026, après le mardi 8 décembre 2026/);
  });

  it('leaves alone the dates on or before it, past days, habits and things that only look like dates', () => {
    expect(flagged('fr', "Corriger les photos demain\nLes mettre en ligne d'ici mardi")).toEqual([]);
    expect(flagged('en', 'Redo what we delivered last Tuesday, by Monday')).toEqual([]);
    expect(flagged('en', 'Call your office every Monday until it is done')).toEqual([]);
    expect(flagged('fr', 'Vous joindre au 01 44 55 66 77 et reprendre 80 % des pages')).toEqual([]);
    expect(flagged('en', 'Ship it by Friday', '2026-12-11')).toEqual([]);
  });

  it('points into the e-mail at the plan\'s words, with the dates written out', () => {
    const { email, findings } = planned('fr', "Refaire les photos\nLes mettre en ligne d'ici jeudi");
    const [finding] = findings;
    expect(finding).toMatchObject({ rule: PLAN_AFTER_DEADLINE, level: 'warning', text: "d'ici jeudi" });
    expect(email.slice(finding?.offset, (finding?.offset ?? 0) + (finding?.length ?? 0))).toBe("d'ici jeudi");
    const line = email.split('\n')[(finding?.line ?? 0) - 1] ?? '';
    expect([...line].slice((finding?.col ?? 0) - 1, (finding?.endCol ?? 0) - 1).join('')).toBe("d'ici jeudi");
    expect(finding?.message).toBe("Tombe le jeudi 10 décembre 2026, après le mardi 8 décembre 2026, la date que l'e-mail donne pour tout le plan.");
  });

  it('says nothing when the e-mail no longer holds the words, or the playbook names no promise', () => {
    const lang = 'en';
    const playbook = loadPlaybookFile(join(ROOT, 'playbooks', lang, 'crisis.yaml'), lang);
    const answers = { ...base.en, solution: 'Ship it by Friday 11th', deadline: DEADLINE };
    expect(planAfterDeadline({ playbook, answers, email: 'Hello, all done by Tuesday.', lang, reference: REFERENCE })).toEqual([]);
    expect(planAfterDeadline({ playbook: {}, answers, email: 'Ship it by Friday 11th', lang, reference: REFERENCE })).toEqual([]);
  });

  it('puts the findings with check\'s in the order of the text, those about the whole draft last', () => {
    const at = (offset: number, length: number): Finding => ({ rule: `r${offset}`, category: 'c', level: 'warning', message: '', suggestion: '', line: 1, col: 1, endLine: 1, endCol: 1, offset, length, text: '' });
    expect(emailFindings([at(5, 2), at(0, 0)], [at(3, 1), at(9, 1)]).map((finding) => finding.rule)).toEqual(['r3', 'r5', 'r9', 'r0']);
  });
});
